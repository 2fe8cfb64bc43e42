/**
 * What both input tables share: header matching, reading each row into a typed row or
 * problems, periods, and the rule that a row needs a period when other rows have one.
 */
import { SheetBlock, cellAddress } from "./cells";
import { ColumnSpec } from "./columns";
import { ColumnFound } from "./header-match";
import { NumberOptions } from "./numbers";
import { Period, parsePeriod } from "./periods";
import { Problem } from "./problems";
import { RowReader, rowIsEmpty } from "./row-reader";
import { MatchedTable, TableKind, readTable, tableCell } from "./locate-table";

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

export type TableOptions = NumberOptions & { mapping: Record<string, string>; locate: boolean };

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
  const r = new RowReader<K>(table, kind, options, problems);
  // A located table has no empty rows by construction; a named range may.
  const mayHaveEmptyRows = !options.locate;
  const seenPeriods = new Set<string>();
  let undated = 0;
  for (let i = 0; i < table.rows.length; i++) {
    if (mayHaveEmptyRows && rowIsEmpty(table.rows[i])) continue;
    r.start(i);
    const row = readRow(r, table.headerRow + 2 + i);
    if (!row) continue;
    const period = parsePeriod(r.raw("period" as K));
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

function columnsFound<K extends string>(table: MatchedTable<K>, specs: readonly ColumnSpec<K>[]): ColumnFound[] {
  return table.matches.map((m) => ({
    column: specs.find((s) => s.key === m.key)!.label,
    header: table.headers[m.key]!,
    cell: cellAddress(table.sheet, table.headerRow, table.firstCol + m.index),
    kind: m.kind,
    doubtful: m.doubtful,
  }));
}
