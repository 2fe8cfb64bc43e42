/**
 * Remembers the result of parsing a text: a column holds the same few words (stages,
 * directions, periods) on thousands of rows, so each distinct text is parsed once.
 */
export function memoByText<T>(parse: (text: string) => T, limit = 10_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    let hit = cache.get(text);
    if (hit === undefined && !cache.has(text)) {
      if (cache.size >= limit) cache.clear();
      hit = parse(text);
      cache.set(text, hit);
    }
    return hit as T;
  };
}
