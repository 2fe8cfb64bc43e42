/**
 * The JSON result written in pieces. One `JSON.stringify` of a 100k-row result is a 34 MB
 * string; the KPIs' trend symbols (▲▼▬) make all of it two-byte, so it takes 68 MB and is slow
 * to encode. In pieces of a thousand rows, those without a symbol (the budget lines, most of
 * the text) stay one-byte: the same bytes, 0.2–0.4 s sooner at 100k rows and an 80 MB lower
 * peak (docs/performance.md).
 */

/** Rows of a top-level array per piece. */
const ROWS_PER_PIECE = 1000;

/**
 * The text of `JSON.stringify(value)`, in pieces, for an object whose long arrays are its own
 * properties (as the analysis JSON's KPIs and budget lines are). Properties whose value is
 * `undefined` are left out, as `JSON.stringify` leaves them out.
 */
export function* jsonPieces(value: Record<string, unknown>): Generator<string> {
  let separator = "{";
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const head = `${separator}${JSON.stringify(key)}:`;
    separator = ",";
    if (!Array.isArray(item) || item.length <= ROWS_PER_PIECE) {
      yield head + JSON.stringify(item);
      continue;
    }
    yield `${head}[`;
    for (let start = 0; start < item.length; start += ROWS_PER_PIECE) {
      // `[a,b]` without its brackets is `a,b`: pieces joined by commas make the whole array.
      yield (start ? "," : "") + JSON.stringify(item.slice(start, start + ROWS_PER_PIECE)).slice(1, -1);
    }
    yield "]";
  }
  yield separator === "{" ? "{}" : "}";
}
