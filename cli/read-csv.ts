/**
 * Reads a CSV file as a table block. Cells stay text: the core parses numbers (with the
 * decimal-comma setting), so `1.234,5` and `(1,200)` mean what the user meant. A file that is
 * not CSV text gets a message naming it, never a parser's stack.
 */
import { parse } from "csv-parse/sync";
import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { FoundTable } from "../core";
import { CliError, printable } from "./paths";

/** `;` or a tab when the header line has more of them than commas. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (ch: string) => first.split(ch).length - 1;
  if (count("\t") > count(",") && count("\t") > count(";")) return "\t";
  return count(";") > count(",") ? ";" : ",";
}

/** Checks that a file's bytes are CSV text: a clear error when they are a workbook or binary data. */
export function checkCsvBytes(path: string, bytes: Buffer): void {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new CliError(`${path} is a zipped file such as an .xlsx workbook, not CSV; expected a CSV file (give a workbook as: journey-scorecard build book.xlsx)`, 1);
  }
  if (!isUtf8(bytes)) throw new CliError(`${path} is not UTF-8 text; expected a CSV file saved as UTF-8`, 1);
  if (bytes.includes(0)) throw new CliError(`${path} holds binary data; expected a CSV file`, 1);
}

/** Parses CSV text or bytes (bytes spare a decode: the parser reads them directly). */
export function readCsv(path: string, input: string | Buffer): FoundTable {
  const firstLine = (typeof input === "string" ? input.slice(0, 65536) : input.subarray(0, 65536).toString("utf8"));
  let rows: string[][];
  try {
    rows = parse(input, { bom: true, delimiter: delimiterOf(firstLine), relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new CliError(`${path}${line ? `, line ${line}` : ""}: cannot read it as CSV (${printable((e as Error).message)}); expected comma-, semicolon- or tab-separated text with closed quotes`, 1);
  }
  return { block: { sheet: basename(path), origin: { row: 0, col: 0 }, values: rows }, locate: true, foundAs: `file ${basename(path)}` };
}

/** Reads and parses a CSV file. */
export function readCsvFile(path: string): FoundTable {
  const bytes = readFileSync(path);
  checkCsvBytes(path, bytes);
  return readCsv(path, bytes);
}
