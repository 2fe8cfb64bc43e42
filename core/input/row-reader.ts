/**
 * Reads the cells of one table row by column, turning each bad cell into a problem that
 * names the cell, the value and what was expected.
 */
import { CellValue, cellText, describeValue, isBlank } from "./cells";
import { LARGEST_NUMBER, NumberOptions, NumberResult, parseFraction, parseNumber } from "./numbers";
import { Problem, problem } from "./problems";
import { MatchedTable, TableKind, tableCell } from "./locate-table";

const NUMBER_HINT = "a number such as 1,234.5, $1,200, 85% or (1,200)";

/** The most characters a cell holds (Excel's limit; Sheets holds more). */
export const MAX_CELL_TEXT = 32_767;
/** What ends a text cut to fit a cell, so nobody mistakes it for the whole. */
export const CUT_MARK = " […cut]";

export class RowReader<K extends string> {
  rowIndex = 0;
  /** False once the current row has an error. */
  ok = true;
  private row: CellValue[] = [];
  /** Column index by our column name. */
  private readonly index: Map<K, number>;

  constructor(
    private readonly table: MatchedTable<K>,
    private readonly kind: TableKind,
    private readonly options: NumberOptions,
    private readonly problems: Problem[],
  ) {
    this.index = new Map(Object.entries(table.columns) as [K, number][]);
  }

  start(rowIndex: number): void {
    this.rowIndex = rowIndex;
    this.row = this.table.rows[rowIndex];
    this.ok = true;
  }

  /** The table has this column. */
  has(key: K): boolean {
    return this.index.has(key);
  }

  raw(key: K): CellValue {
    const col = this.index.get(key);
    return col === undefined ? null : this.row[col];
  }

  /** A text cell; one longer than a spreadsheet cell holds is cut, with a warning naming it. */
  text(key: K): string {
    const text = cellText(this.raw(key));
    return text.length > MAX_CELL_TEXT ? this.cut(key, text) : text;
  }

  private cut(key: K, text: string): string {
    this.problems.push(
      problem({
        severity: "warning",
        table: this.kind,
        cell: this.cell(key),
        value: `${text.length.toLocaleString("en-US")} characters`,
        expected: `at most ${MAX_CELL_TEXT.toLocaleString("en-US")} characters, what a spreadsheet cell holds; the report shows it cut, ending in "${CUT_MARK}"`,
        what: `${this.header(key, String(key))} is too long for a cell`,
        rowIndex: this.rowIndex,
      }),
    );
    return text.slice(0, MAX_CELL_TEXT - CUT_MARK.length) + CUT_MARK;
  }

  /** Text that must not be blank (an error naming `expected` when it is). */
  requiredText(key: K, label: string, expected: string): string {
    const text = this.text(key);
    if (!text) this.fail(key, label, "is blank", expected);
    return text;
  }

  /** Address of this row's cell in a column (or of the row's first cell when the column is absent). */
  cell(key: K): string {
    return tableCell(this.table, this.rowIndex, this.table.columns[key] ?? 0);
  }

  header(key: K, fallback: string): string {
    return this.table.headers[key] ?? fallback;
  }

  /** A number, or null when blank (an error if `required`). */
  number(key: K, label: string, required: boolean, expected = NUMBER_HINT): number | null {
    const v = this.raw(key);
    // Fast path: most cells are plain numbers.
    if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= LARGEST_NUMBER) return v;
    return this.accept(key, label, parseNumber(this.raw(key), this.options), required, expected);
  }

  /** A share 0–1 or a percentage, or null when blank. */
  fraction(key: K, label: string, expected = "a share from 0 to 1, or a percentage such as 15%"): number | null {
    return this.accept(key, label, parseFraction(this.raw(key), this.options), false, expected);
  }

  private accept(key: K, label: string, result: NumberResult, required: boolean, expected: string): number | null {
    if (result.kind === "number") return result.value;
    if (result.kind === "blank") {
      if (required) this.fail(key, label, "is blank", expected);
      return null;
    }
    this.fail(key, label, result.why, expected);
    return null;
  }

  /** Records an error in this row's cell and marks the row bad. */
  fail(key: K, label: string, why: string, expected: string): void {
    this.ok = false;
    this.report("error", key, label, why, expected);
  }

  warn(key: K, label: string, why: string, expected: string): void {
    this.report("warning", key, label, why, expected);
  }

  private report(severity: Problem["severity"], key: K, label: string, why: string, expected: string): void {
    const value = this.raw(key);
    const shown = describeValue(value);
    this.problems.push(
      problem({
        severity,
        table: this.kind,
        cell: this.cell(key),
        value: isBlank(value) ? "blank" : shown,
        expected,
        what: `${this.header(key, label)} ${isBlank(value) ? "" : shown + " "}${why}`.replace(/\s+/g, " "),
        rowIndex: this.rowIndex,
      }),
    );
  }
}

/** A row with nothing in any known column (e.g. a subtotal spacer) is skipped silently. */
export function rowIsEmpty(row: CellValue[]): boolean {
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}
