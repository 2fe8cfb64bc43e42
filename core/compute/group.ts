import { memoByText } from "../input/memo";
import { TextNumbering } from "./text-numbering";

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
  const folded = name.trim().toLowerCase();
  // Most names have single plain spaces: testing first spares a new string per name.
  return SPACES_TO_COLLAPSE.test(folded) ? folded.replace(/\s+/g, " ") : folded;
}

/** Two white-space characters in a row, or one that is not a plain space. */
const SPACES_TO_COLLAPSE = /\s\s|[^\S ]/;

/** foldName, remembered: for names typed on many rows (stages, touchpoints). */
export const nameKey = memoByText(foldName);

/**
 * Items grouped by index: group g is `members[starts[g]]` up to `members[starts[g + 1]]`,
 * each group in table order, groups in order of first appearance. Two typed arrays instead
 * of an array per group: 100k rows in 33k groups would otherwise be 33k small arrays for
 * the garbage collector to copy.
 */
export interface Groups {
  count: number;
  starts: Int32Array;
  members: Int32Array;
}

/** Groups from the group number of each item (numbers 0..count-1, in order of first appearance). */
function groupsFrom(groupOf: Int32Array, count: number): Groups {
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < groupOf.length; i++) starts[groupOf[i] + 1]++;
  for (let g = 0; g < count; g++) starts[g + 1] += starts[g];
  const next = starts.slice(0, count);
  const members = new Int32Array(groupOf.length);
  for (let i = 0; i < groupOf.length; i++) members[next[groupOf[i]]++] = i;
  return { count, starts, members };
}

/** The group number of each item. */
export function groupNumbers(groups: Groups): Int32Array {
  const groupOf = new Int32Array(groups.members.length);
  for (let g = 0; g < groups.count; g++) {
    for (let m = groups.starts[g]; m < groups.starts[g + 1]; m++) groupOf[groups.members[m]] = g;
  }
  return groupOf;
}

/** The first item of group g (a group is named as its first item has it). */
export function firstItemOf<T>(groups: Groups, g: number, items: readonly T[]): T {
  return items[groups.members[groups.starts[g]]];
}

/** The items of group g, in table order. */
export function itemsOf<T>(groups: Groups, g: number, items: readonly T[]): T[] {
  const out: T[] = new Array(groups.starts[g + 1] - groups.starts[g]);
  for (let m = groups.starts[g], k = 0; m < groups.starts[g + 1]; m++, k++) out[k] = items[groups.members[m]];
  return out;
}

/** One result per group, in group order; each group's items are handed over as a short-lived array. */
export function mapGroups<T, R>(groups: Groups, items: readonly T[], fn: (group: T[]) => R): R[] {
  const out: R[] = new Array(groups.count);
  for (let g = 0; g < groups.count; g++) out[g] = fn(itemsOf(groups, g, items));
  return out;
}

/** Items grouped by name compared as foldName does; `keys[g]` is group g's folded name. */
export function groupIndexesByName<T>(items: readonly T[], name: (item: T) => string): Groups & { keys: string[] } {
  const groupOf = new Int32Array(items.length);
  // Each distinct text is folded once: a name is typed the same way on most of its rows.
  // The texts come from the sheet, and V8 keeps their hashes, so a Map finds them fastest;
  // the folded names are new strings, numbered in a TextNumbering (see there why).
  const groupOfText = new Map<string, number>();
  const keys = new TextNumbering();
  for (let i = 0; i < items.length; i++) {
    const text = name(items[i]);
    let g = groupOfText.get(text);
    if (g === undefined) {
      g = keys.numberOf(foldName(text));
      groupOfText.set(text, g);
    }
    groupOf[i] = g;
  }
  return { ...groupsFrom(groupOf, keys.size), keys: keys.texts };
}

/** Groups by a name compared as foldName does, in order of first appearance; keys are folded names. */
export function groupByName<T>(items: readonly T[], name: (item: T) => string): Map<string, T[]> {
  const groups = groupIndexesByName(items, name);
  const out = new Map<string, T[]>();
  for (let g = 0; g < groups.count; g++) out.set(groups.keys[g], itemsOf(groups, g, items));
  return out;
}

/** Buckets beyond this many sub-groups use a keyed map instead of comparing to each. */
const MAX_LINEAR_SUBGROUPS = 32;

/**
 * Groups by a composite identity without building a key string per item: by name first,
 * then by `same` within each name. `key` (the whole identity as text) is the fallback for a
 * name with very many sub-groups. Groups come in order of first appearance.
 */
export function groupIndexesBySame<T>(
  items: readonly T[],
  name: (item: T) => string,
  same: (a: T, b: T) => boolean,
  key: (item: T) => string,
): Groups {
  const byName = groupIndexesByName(items, name);
  const groupOf = new Int32Array(items.length);
  // The first item of each group, by group number.
  const firstOf: number[] = [];
  let split = false;
  for (let b = 0; b < byName.count; b++) {
    const from = byName.starts[b];
    const to = byName.starts[b + 1];
    const base = firstOf.length;
    for (let m = from; m < to; m++) {
      const i = byName.members[m];
      let g = base;
      while (g < firstOf.length && !same(items[firstOf[g]], items[i])) g++;
      if (g === firstOf.length) firstOf.push(i);
      groupOf[i] = g;
      if (firstOf.length - base > MAX_LINEAR_SUBGROUPS) {
        firstOf.length = base;
        keyedSubgroups(items, byName.members.subarray(from, to), key, groupOf, firstOf);
        break;
      }
    }
    if (firstOf.length - base > 1) split = true;
  }
  // Buckets come in order of first appearance; only a bucket split in several groups can
  // put group numbers out of that order.
  return groupsFrom(split ? renumberByFirstItem(groupOf, firstOf) : groupOf, firstOf.length);
}

function keyedSubgroups<T>(items: readonly T[], bucket: Int32Array, key: (item: T) => string, groupOf: Int32Array, firstOf: number[]): void {
  const groupOfKey = new Map<string, number>();
  for (const i of bucket) {
    const k = key(items[i]);
    let g = groupOfKey.get(k);
    if (g === undefined) {
      g = firstOf.length;
      firstOf.push(i);
      groupOfKey.set(k, g);
    }
    groupOf[i] = g;
  }
}

function renumberByFirstItem(groupOf: Int32Array, firstOf: number[]): Int32Array {
  const order = firstOf.map((_, g) => g).sort((a, b) => firstOf[a] - firstOf[b]);
  const rank = new Int32Array(order.length);
  order.forEach((g, r) => (rank[g] = r));
  return groupOf.map((g) => rank[g]);
}

/** Same stage, by name. */
export function sameStage(a: { stage: string }, b: { stage: string }): boolean {
  return nameKey(a.stage) === nameKey(b.stage);
}

/** Stage + touchpoint as one text key (for joins between the two tables). */
export function touchpointKey(item: { stage: string; touchpoint: string }): string {
  return `${nameKey(item.stage)}\u0000${nameKey(item.touchpoint)}`;
}
