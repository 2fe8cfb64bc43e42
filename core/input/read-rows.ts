/**
 * What both input tables share: header matching, reading each row into a typed row or
 * problems, periods, and the rule that a row needs a period when other rows have one.
 */
import { CellValue, SheetBlock, rowAddress } from "./cells";
import { ColumnSpec } from "./columns";
import { ColumnFound } from "./header-match";
import { NumberOptions } from "./numbers";
import { DateOrder, Period, decideDateOrder, parsePeriod } from "./periods";
import { Problem, problem } from "./problems";
import { RowReader, rowIsEmpty } from "./row-reader";
import { MatchedTable, TableKind, headerAddress, readTable, tableCell, tableSheetRow } from "./locate-table";

export interface ParsedRows<R> {
  rows: R[];
  /** The distinct periods of the rows, in order of first appearance. */
  periods: Period[];
  problems: Problem[];
  /** The table could not be read at all (missing columns, empty). */
  unreadable: boolean;
  /** Address of a row's cell in a column (null when the table lacks it). */
  cellOf: (rowIndex: number, column: string) => string | null;
  sheet: string;
  /** How each of our columns was found in the header row. */
  columnsFound: ColumnFound[];
}

export type TableOptions = NumberOptions & { mapping: Record<string, string>; locate: boolean; dateOrder?: DateOrder | null };

interface RowWithPeriod {
  period: string | null;
  rowIndex: number;
}

/** Reads a table row by row with `readRow`; every bad cell becomes a problem, rows never throw. */
export function parseRows<K extends string, R extends RowWithPeriod>(
  kind: TableKind,
  block: SheetBlock,
  specs: readonly ColumnSpec<K>[],
  options: TableOptions,
  readRow: (r: RowReader<K>, sheetRow: number) => R | null,
): ParsedRows<R> {
  const { table, problems } = readTable(kind, block, specs, options.mapping, options.locate);
  const result: ParsedRows<R> = { rows: [], periods: [], problems, unreadable: true, cellOf: () => null, sheet: block.sheet, columnsFound: [] };
  if (table) result.columnsFound = columnsFound(table, specs);
  if (!table || problems.some((p) => p.severity === "error")) return result;
  result.unreadable = false;
  result.sheet = table.sheet;
  result.cellOf = (rowIndex, key) => {
    const col = table.columns[key as K];
    return col === undefined ? null : tableCell(table, rowIndex, col);
  };
  const dateOrder = readDateOrder(table, kind, options.dateOrder ?? null, problems);
  if (dateOrder === undefined) {
    result.unreadable = true;
    return result;
  }
  const r = new RowReader<K>(table, kind, options, problems);
  // A located table has no empty rows by construction; a named range may.
  const mayHaveEmptyRows = !options.locate;
  const seenPeriods = new Set<string>();
  let undated = 0;
  // A wide table's total row is several long rows: one warning for its sheet row.
  let lastTotalRow = -1;
  for (let i = 0; i < table.rows.length; i++) {
    if (mayHaveEmptyRows && rowIsEmpty(table.rows[i])) continue;
    r.start(i);
    // Totals and subtotals inside a table would count every line twice: left out, with a warning.
    const total = totalLabel(table, i);
    if (total !== null) {
      const sheetRow = tableSheetRow(table, i);
      if (sheetRow !== lastTotalRow) {
        problems.push(problem({
          severity: "warning", table: kind, cell: rowAddress(table.sheet, sheetRow), value: JSON.stringify(total),
          expected: "budget lines and KPIs only; the report makes its own totals", what: "A total row was left out of the sums", rowIndex: i,
        }));
      }
      lastTotalRow = sheetRow;
      continue;
    }
    const row = readRow(r, tableSheetRow(table, i));
    if (!row) continue;
    const period = parsePeriod(r.raw("period" as K), dateOrder);
    row.period = period ? period.label : null;
    if (!period) undated++;
    else if (!seenPeriods.has(period.label)) {
      seenPeriods.add(period.label);
      result.periods.push(period);
    }
    result.rows.push(row);
  }
  if (undated > 0 && result.periods.length > 0) dropRowsWithoutPeriod(result, r);
  return result;
}

/**
 * When some rows have a period, every row must: a row without one cannot be placed in time.
 * Removes such rows, with an error on their Period cell.
 */
function dropRowsWithoutPeriod<K extends string, R extends RowWithPeriod>(result: ParsedRows<R>, r: RowReader<K>): void {
  const undated = result.rows.filter((row) => row.period === null);
  for (const row of undated) {
    r.start(row.rowIndex);
    r.fail("period" as K, "Period", "is blank while other rows have a period", "a period such as 2026-03, 2026-Q1 or a date");
  }
  result.rows = result.rows.filter((row) => row.period !== null);
}

/** `Total`, `Subtotal`, `Grand total`, `Awareness total`, `Total:`. */
const TOTAL_LABEL = /^(grand\s+|sub-?\s*)?totals?\b|\b(sub-?\s*)?totals?:?$/i;
/** In a name column (KPI, line item) only the bare word counts: `Total revenue` is a KPI. */
const BARE_TOTAL = /^(grand\s+|sub-?\s*)?totals?:?$/i;

/** The label that makes row `i` a total row, or null. */
function totalLabel<K extends string>(table: MatchedTable<K>, i: number): string | null {
  const row = table.rows[i];
  const stage = mayBeTotal(row, table.columns["stage" as K]);
  if (stage !== null && TOTAL_LABEL.test(stage)) return stage;
  const first = mayBeTotal(row, 0);
  if (first !== null && TOTAL_LABEL.test(first) && !table.matches.some((m) => m.index === 0 && (m.key === "kpi" || m.key === "lineItem"))) return first;
  for (const key of NAME_COLUMNS) {
    const text = mayBeTotal(row, table.columns[key as K]);
    if (text !== null && BARE_TOTAL.test(text)) return text;
  }
  return null;
}

const NAME_COLUMNS = ["kpi", "lineItem", "touchpoint"];

/** A cell's text when it could say "total" (most cells cannot: they are looked at no closer). */
function mayBeTotal(row: CellValue[], col: number | undefined): string | null {
  const v = col === undefined ? null : row[col];
  return typeof v === "string" && (v.includes("otal") || v.includes("OTAL")) ? v.trim() : null;
}

/**
 * How the Period column's text dates are written (day-first or month-first): from the data where
 * a day above 12 tells, else the setting. undefined, with an error, when it cannot be decided:
 * a wrong guess would move every figure to another month.
 */
function readDateOrder<K extends string>(table: MatchedTable<K>, kind: TableKind, setting: DateOrder | null, problems: Problem[]): DateOrder | null | undefined {
  const col = table.columns["period" as K];
  if (col === undefined) return setting;
  const decided = decideDateOrder(table.rows.map((row) => row[col]), setting);
  if (decided.mixed && setting === null) {
    problems.push(problem({
      table: kind, cell: headerAddress(table, col), value: "day-first and month-first dates",
      expected: "one way of writing dates in the column, or the setting dateOrder",
      what: "The Period column has dates written both day-first (a first part above 12) and month-first (a second part above 12)",
    }));
    return undefined;
  }
  if (decided.undecided !== null) {
    const value = table.rows[decided.undecided][col];
    problems.push(problem({
      table: kind, cell: tableCell(table, decided.undecided, col), value: JSON.stringify(value),
      expected: "the setting dateOrder (day-first or month-first): no date in the column has a day above 12 to tell",
      what: `Period ${JSON.stringify(value)} could be read day-first or month-first`,
      rowIndex: decided.undecided,
    }));
    return undefined;
  }
  return decided.order;
}

function columnsFound<K extends string>(table: MatchedTable<K>, specs: readonly ColumnSpec<K>[]): ColumnFound[] {
  return table.matches.map((m) => ({
    column: specs.find((s) => s.key === m.key)!.label,
    header: table.headers[m.key]!,
    cell: headerAddress(table, m.index),
    kind: m.kind,
    doubtful: m.doubtful,
  }));
}
