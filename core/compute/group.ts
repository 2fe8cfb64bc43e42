/**
 * Grouping rows by what users mean by "the same": names compared ignoring case and
 * surrounding or repeated spaces, groups in order of first appearance.
 */

import { memoByText } from "../input/memo";

/** A name as users mean it: `" Post-purchase  Support "` → `"post-purchase support"`. */
export function foldName(name: string): string {
  const folded = name.trim().toLowerCase();
  return /\s\s|[^\S ]/.test(folded) ? folded.replace(/\s+/g, " ") : folded;
}

/**
 * foldName, remembered: a stage or touchpoint is typed the same way on thousands of rows, and
 * each fold would make a new string for the garbage collector (docs/performance.md).
 */
export const nameKey = memoByText(foldName);

/** Stage + touchpoint as one key (for joins between the two tables). */
export function touchpointKey(item: { stage: string; touchpoint: string }): string {
  return `${nameKey(item.stage)}\u0000${nameKey(item.touchpoint)}`;
}

/** Groups items by a key, in the order in which each key first appears; items in table order. */
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

/** Groups by a name compared as nameKey does; keys are the folded names. */
export function groupByName<T>(items: readonly T[], name: (item: T) => string): Map<string, T[]> {
  return groupBy(items, (item) => nameKey(name(item)));
}

/**
 * Running sums per group, made when a key is first seen; each group keeps its first item
 * (a group is named as its first row has it). Groups come in order of first appearance.
 */
export class SumsByKey<T, S> {
  private readonly groups = new Map<string, { first: T; sums: S }>();

  constructor(private readonly newSums: () => S) {}

  /** The sums of `key`'s group, which `item` belongs to. */
  of(key: string, item: T): S {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { first: item, sums: this.newSums() }));
    return group.sums;
  }

  map<R>(fn: (first: T, sums: S) => R): R[] {
    return [...this.groups.values()].map((g) => fn(g.first, g.sums));
  }
}
