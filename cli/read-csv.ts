/**
 * Reads a CSV file as a table block. Cells stay text: the core parses numbers (with the
 * decimal-comma setting), so `1.234,5` and `(1,200)` mean what the user meant.
 */
import { parse } from "csv-parse/sync";
import { basename } from "node:path";
import type { FoundTable } from "../core";

/** `;` when the header line has more semicolons than commas (decimal-comma locales). */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (ch: string) => first.split(ch).length - 1;
  if (count("\t") > count(",") && count("\t") > count(";")) return "\t";
  return count(";") > count(",") ? ";" : ",";
}

export function readCsv(path: string, text: string): FoundTable {
  const rows = parse(text, {
    bom: true,
    delimiter: delimiterOf(text),
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
  return {
    block: { sheet: basename(path), origin: { row: 0, col: 0 }, values: rows },
    locate: true,
    foundAs: `file ${basename(path)}`,
  };
}
