/**
 * What every host reads from a sheet: a 2-D array of cell values, and where that
 * array sits, so every problem can name a cell such as `Journey!F7`.
 */

/** One cell as a host hands it over. Spreadsheet errors arrive as text (`#N/A`). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A block of cells read from a sheet: `values[0]` is at `origin` (0-based row/column). */
export interface SheetBlock {
  sheet: string;
  origin: { row: number; col: number };
  values: CellValue[][];
}

/** A Journey or Budget table as a host found it. */
export interface FoundTable {
  block: SheetBlock;
  /** True for a whole sheet or a selection (find the header row); false for a named table. */
  locate: boolean;
  /** How the host found it, for the UI: `table "Journey"`, `sheet "Journey"`, `selection`. */
  foundAs?: string;
}

/**
 * Whether the user's selection, standing in for a Journey table not found by name, can be one:
 * a single cell is no table, and a selection on the sheet of the Budget or Actuals table is part
 * of that table (a budget alone then gives its report).
 */
export function selectionIsJourney(input: { journey?: FoundTable | null; budget?: FoundTable | null; actuals?: FoundTable | null }): boolean {
  const selection = input.journey;
  if (!selection) return false;
  const values = selection.block.values;
  if (values.length <= 1 && (values[0]?.length ?? 0) <= 1) return false;
  const sheet = selection.block.sheet.toLowerCase();
  return ![input.budget, input.actuals].some((t) => t?.block.sheet.toLowerCase() === sheet);
}

const ERROR_VALUES = new Set([
  "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#ERROR!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);

/** True for a spreadsheet error value such as `#N/A` or `#DIV/0!`. */
export function isSpreadsheetError(value: CellValue): value is string {
  return typeof value === "string" && value.startsWith("#") && ERROR_VALUES.has(value.trim().toUpperCase());
}

/** Blank: nothing, or only white space. */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Quotes a sheet name the way spreadsheets do when it needs it: `'Budget 2026'!B4`. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `Journey!7:7`: a whole row (1-based sheet row), for messages about rows. */
export function rowAddress(sheet: string, sheetRow: number): string {
  return `${quoteSheet(sheet)}!${sheetRow}:${sheetRow}`;
}

/** `Journey!F7` for 0-based row 6, column 5. */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${columnLetter(col)}${row + 1}`;
}

/** `A1:H1` for 0-based row 0, column 0, one row, eight columns; `B4` for a single cell. */
export function rangeA1(row: number, col: number, rows: number, cols: number): string {
  const start = `${columnLetter(col)}${row + 1}`;
  return rows <= 1 && cols <= 1 ? start : `${start}:${columnLetter(col + cols - 1)}${row + rows}`;
}

/** `Journey!A1:H1`. */
export function rangeAddress(sheet: string, row: number, col: number, rows: number, cols: number): string {
  return `${quoteSheet(sheet)}!${rangeA1(row, col, rows, cols)}`;
}

/** `$F$7` or `F7` → 0-based row 6, column 5; null when it is not a cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m || Number(m[2]) < 1) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `B4:C9` (or `B4`, `$B$4`) → row 3, col 1, 6 rows, 2 columns; null when it is not a cell or range. */
export function parseRange(ref: string): { row: number; col: number; rows: number; cols: number } | null {
  const parts = ref.split(":");
  if (parts.length > 2) return null;
  const start = parseA1(parts[0]);
  const end = parseA1(parts[1] ?? parts[0]);
  if (!start || !end) return null;
  return { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col), rows: Math.abs(end.row - start.row) + 1, cols: Math.abs(end.col - start.col) + 1 };
}

/**
 * A range address split into its sheet and its top-left cell and size:
 * `'Budget 2026'!B4:C9` → sheet "Budget 2026", row 3, col 1, 6 rows, 2 columns. Null when it
 * is not a sheet-qualified cell or range address.
 */
export function splitAddress(address: string): { sheet: string; row: number; col: number; rows: number; cols: number } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!([^:]+)(?::(.+))?$/.exec(address.trim());
  const range = m && parseRange(m[4] === undefined ? m[3] : `${m[3]}:${m[4]}`);
  if (!m || !range) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ...range };
}

/** How a value looked to the user, for messages: text in quotes, blanks named. */
export function describeValue(value: CellValue): string {
  if (isBlank(value)) return "blank";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return String(value);
}

/** Text of a cell for text columns (numbers and booleans become their text). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value).trim();
}
