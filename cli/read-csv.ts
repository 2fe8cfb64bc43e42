/**
 * Reads a CSV file as a table block. Cells stay text: the core parses numbers (with the
 * decimal-comma setting), so `1.234,5` and `(1,200)` mean what the user meant. A file that is
 * not CSV text gets a message naming it, never a parser's stack.
 */
import Papa from "papaparse";
import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { FoundTable } from "../core";
import { CliError, printable } from "./paths";

/** `;` or a tab when the header line has more of them than commas. */
function delimiterOf(text: string): string {
  const first = text.split(/\r\n|\r|\n/, 1)[0] ?? "";
  const count = (ch: string) => first.split(ch).length - 1;
  if (count("\t") > count(",") && count("\t") > count(";")) return "\t";
  return count(";") > count(",") ? ";" : ",";
}

/** Checks that a file's bytes are CSV text: a clear error when they are a workbook or binary data. */
export function checkCsvBytes(path: string, bytes: Buffer): void {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new CliError(`${path} is a zipped file such as an .xlsx workbook, not CSV; expected a CSV file (give a workbook as: journey-scorecard build book.xlsx)`, 1);
  }
  if (!isUtf8(bytes)) throw new CliError(`${path} is not UTF-8 text; expected a CSV file saved as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)")`, 1);
  if (bytes.includes(0)) throw new CliError(`${path} holds binary data; expected a CSV file`, 1);
}

/** What went wrong with a field's quotes, in the user's words. */
const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: "a quote opens a field here and is never closed",
  InvalidQuotes: "a quoted field goes on after its closing quote",
};

/** The 1-based line of a character in the text, as an editor counts lines. */
function lineAt(text: string, index: number): number {
  return (text.slice(0, index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/**
 * Parses CSV text (a byte-order mark is dropped). Line breaks inside quoted fields are kept
 * exactly; the line break that ends the file does not make a last, empty row.
 */
export function readCsv(path: string, text: string): FoundTable {
  const { data: rows, errors } = Papa.parse<string[]>(text, { delimiter: delimiterOf(text.slice(0, 65536)), skipEmptyLines: false });
  const error = errors[0];
  if (error) {
    const line = error.index === undefined ? undefined : lineAt(text, error.index);
    throw new CliError(`${path}${line ? `, line ${line}` : ""}: cannot read it as CSV (${printable(QUOTE_PROBLEMS[error.code] ?? error.message)}); expected comma-, semicolon- or tab-separated text with closed quotes`, 1);
  }
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === "" && /[\r\n]$/.test(text)) rows.pop();
  return { block: { sheet: basename(path), origin: { row: 0, col: 0 }, values: rows }, locate: true, foundAs: `file ${basename(path)}` };
}

/** Reads and parses a CSV file. */
export function readCsvFile(path: string): FoundTable {
  const bytes = readFileSync(path);
  checkCsvBytes(path, bytes);
  return readCsv(path, bytes.toString("utf8"));
}
