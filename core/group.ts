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

/** Case- and space-insensitive key for names users type twice (stages, touchpoints). */
export const nameKey = memoByText((name: string): string => name.trim().toLowerCase().replace(/\s+/g, " "));
