import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextNumbering, hashText } from "./text-numbering";

describe("TextNumbering", () => {
  it("numbers texts in order of first appearance and gives a repeated text its number", () => {
    const numbering = new TextNumbering();
    expect(["awareness", "purchase", "awareness", "", "purchase", "advocacy"].map((t) => numbering.numberOf(t))).toEqual([0, 1, 0, 2, 1, 3]);
    expect(numbering.texts).toEqual(["awareness", "purchase", "", "advocacy"]);
    expect(numbering.size).toBe(4);
  });

  it("keeps every number through the table's growth (10,000 texts, all of them asked again)", () => {
    const numbering = new TextNumbering();
    const texts = Array.from({ length: 10_000 }, (_, i) => `kpi ${i}`);
    texts.forEach((t, i) => expect(numbering.numberOf(t)).toBe(i));
    // Built texts are new strings: found by content, not by identity.
    texts.forEach((t, i) => expect(numbering.numberOf(`kpi ${Number(t.slice(4))}`)).toBe(i));
    expect(numbering.size).toBe(10_000);
  });

  it("tells apart texts whose hashes collide in the table's slots", () => {
    // Texts that fall in the same slot of a 16-slot table, found by search.
    const sameSlot: string[] = [];
    for (let i = 0; sameSlot.length < 4; i++) if ((hashText(`t${i}`) & 15) === (hashText("t0") & 15)) sameSlot.push(`t${i}`);
    const numbering = new TextNumbering();
    expect(sameSlot.map((t) => numbering.numberOf(t))).toEqual([0, 1, 2, 3]);
    expect(sameSlot.map((t) => numbering.numberOf(t))).toEqual([0, 1, 2, 3]);
  });

  it("numbers any list of texts as a Map of first appearances does", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("Awareness", "awareness", "é", "e\u0301", "😀")), { maxLength: 200 }), (texts) => {
        const numbering = new TextNumbering();
        const firstSeen = new Map<string, number>();
        for (const t of texts) {
          if (!firstSeen.has(t)) firstSeen.set(t, firstSeen.size);
          expect(numbering.numberOf(t)).toBe(firstSeen.get(t));
        }
        expect(numbering.texts).toEqual([...firstSeen.keys()]);
      }),
    );
  });
});
