/**
 * Numbers distinct texts in order of first appearance: the index of folded names behind
 * grouping rows by name.
 *
 * A JavaScript Map would do, but its inserts slow down as it grows: 171 ns per insert at
 * 33k distinct names against 36 ns at 334, measured on this machine (growing means
 * allocating a larger table and rehashing into it). Folded names are mostly inserts (one per
 * distinct text), so grouping 100k rows with 33k KPI names cost 203–216 ns per row with a
 * Map, against 69–75 ns for 1k rows; with this open-addressing table of typed arrays,
 * 136–144 ns, and 1k rows as before.
 */
export class TextNumbering {
  /** The texts, by number. */
  readonly texts: string[] = [];
  /** Each text's hash, by number (to grow the table without hashing again). */
  private hashes: Int32Array;
  /** Per slot, the number of the text in it plus 1 (0 = empty). Its length is a power of 2. */
  private slots: Int32Array;

  constructor() {
    this.slots = new Int32Array(16);
    this.hashes = new Int32Array(8);
  }

  get size(): number {
    return this.texts.length;
  }

  /** The number of `text`: the one it has, or the next one when it is new. */
  numberOf(text: string): number {
    const hash = hashText(text);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const taken = this.slots[slot];
      if (taken === 0) return this.add(text, hash, slot);
      if (this.texts[taken - 1] === text) return taken - 1;
    }
  }

  private add(text: string, hash: number, slot: number): number {
    const number = this.texts.length;
    this.texts.push(text);
    if (number === this.hashes.length) {
      const hashes = new Int32Array(number * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[number] = hash;
    this.slots[slot] = number + 1;
    // At most half full, so that probe runs stay short.
    if (this.texts.length * 2 > this.slots.length) this.grow();
    return number;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let number = 0; number < this.texts.length; number++) {
      let slot = this.hashes[number] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = number + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix so that the low bits (the slot) vary. */
export function hashText(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  return Math.imul(h, 0x45d9f3b) ^ (h >>> 13);
}
