import { memoByText } from "./memo";

/** Groups items by a key, keeping the order in which each key first appears. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A name as users mean it: case, surrounding and repeated spaces ignored. */
export function foldName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** foldName, remembered: for names typed on many rows (stages, touchpoints). */
export const nameKey = memoByText(foldName);

/** Indexes of the items by folded name, each list in table order, names in order of first appearance. */
export function indexesByName<T>(items: readonly T[], name: (item: T) => string): Map<string, number[]> {
  // Chain the items of each exact text through `next` (no array per text, one map lookup per
  // item), so each distinct text is folded once, not each item.
  const next = new Int32Array(items.length).fill(-1);
  const slotOf = new Map<string, number>();
  const heads: number[] = [];
  const tails: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const text = name(items[i]);
    const slot = slotOf.get(text);
    if (slot === undefined) {
      slotOf.set(text, heads.length);
      heads.push(i);
      tails.push(i);
    } else {
      next[tails[slot]] = i;
      tails[slot] = i;
    }
  }
  const folded = new Map<string, number[]>();
  const merged = new Set<number[]>();
  for (const head of heads) {
    const key = foldName(name(items[head]));
    let list = folded.get(key);
    if (list) merged.add(list);
    else folded.set(key, (list = []));
    for (let i = head; i !== -1; i = next[i]) list.push(i);
  }
  // Spellings that differ only in case were appended: put their rows back in table order.
  for (const list of merged) list.sort((a, b) => a - b);
  return folded;
}

/** Groups by a name compared as foldName does, in order of first appearance; keys are folded names. */
export function groupByName<T>(items: readonly T[], name: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [key, indexes] of indexesByName(items, name)) groups.set(key, indexes.map((i) => items[i]));
  return groups;
}

/** Buckets beyond this many sub-groups use a keyed map instead of comparing to each. */
const MAX_LINEAR_SUBGROUPS = 32;

/**
 * Groups by a composite identity without building a key string per item: by name first,
 * then by `same` within each name. `key` (the whole identity as text) is the fallback for a
 * name with very many sub-groups. Groups come in order of first appearance.
 */
export function groupBySame<T>(
  items: readonly T[],
  name: (item: T) => string,
  same: (a: T, b: T) => boolean,
  key: (item: T) => string,
): T[][] {
  const groups: number[][] = [];
  // Buckets come in order of first appearance; only a bucket split in several sub-groups
  // can put groups out of that order.
  let split = false;
  for (const bucket of indexesByName(items, name).values()) {
    let subgroups: number[][] = [];
    for (const i of bucket) {
      let group: number[] | undefined;
      for (const g of subgroups) {
        if (same(items[g[0]], items[i])) {
          group = g;
          break;
        }
      }
      if (group) group.push(i);
      else subgroups.push([i]);
      if (subgroups.length > MAX_LINEAR_SUBGROUPS) {
        subgroups = [...groupBy(bucket, (j) => key(items[j])).values()];
        break;
      }
    }
    if (subgroups.length > 1) split = true;
    for (const g of subgroups) groups.push(g);
  }
  if (split) groups.sort((a, b) => a[0] - b[0]);
  return groups.map((g) => g.map((i) => items[i]));
}

/** Same stage, by name. */
export function sameStage(a: { stage: string }, b: { stage: string }): boolean {
  return nameKey(a.stage) === nameKey(b.stage);
}

/** Stage + touchpoint as one text key (for joins between the two tables). */
export function touchpointKey(item: { stage: string; touchpoint: string }): string {
  return `${nameKey(item.stage)}\u0000${nameKey(item.touchpoint)}`;
}

/** Items grouped by stage and touchpoint, in order of first appearance. */
export function groupByTouchpoint<T extends { stage: string; touchpoint: string }>(items: readonly T[]): T[][] {
  return groupBySame(items, (i) => i.touchpoint, sameStage, touchpointKey);
}
