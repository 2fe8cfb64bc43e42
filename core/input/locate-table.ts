/**
 * Finding a table in a block of cells and matching its headers to our columns.
 */
import { CellValue, SheetBlock, cellAddress, cellText, describeValue, isBlank, quoteSheet, rangeAddress } from "./cells";
import { ColumnSpec, normalizeHeader } from "./columns";
import { HeaderMatch, matchHeaders, namedColumns } from "./header-match";
import { LongTable, unpivotWide } from "./wide-table";
import { Problem, problem } from "./problems";

export interface MatchedTable<K extends string> {
  sheet: string;
  /** 0-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet column of the first column. */
  firstCol: number;
  /** Our column → index within each row (absent when the table lacks it). */
  columns: Partial<Record<K, number>>;
  /** The header text the user wrote for each of our columns. */
  headers: Partial<Record<K, string>>;
  /** How each column was found (named, mapped in settings, guessed from the header's words). */
  matches: HeaderMatch<K>[];
  /** The long form of a wide table: where each of its cells really is. */
  long?: LongTable;
  /** Data rows (below the header). */
  rows: CellValue[][];
}

export type TableKind = "journey" | "budget" | "actuals";

/** How each table is named in messages, and what one of its rows is. */
export const TABLE_WORDS: Record<TableKind, { label: string; row: string }> = {
  journey: { label: "Journey", row: "KPI" },
  budget: { label: "Budget", row: "budget line" },
  actuals: { label: "Actuals", row: "actual" },
};

/** Whether a row has at least `atLeast` non-empty cells (stops counting there). */
function hasValues(row: CellValue[] | undefined, atLeast: number): boolean {
  if (!row) return false;
  let n = 0;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i]) && ++n >= atLeast) return true;
  return false;
}

/**
 * In a whole sheet or a selection, the header row is the first row with at least two
 * non-empty cells, and the table runs down to the last row before the first fully empty row.
 * A named table (Excel table, named range) starts at its first row: pass `locate: false`.
 */
export function locateTable(block: SheetBlock, locate: boolean): SheetBlock | null {
  const values = block.values;
  let header = 0;
  if (locate) {
    while (header < values.length && !hasValues(values[header], 2)) header++;
  } else {
    while (header < values.length && !hasValues(values[header], 1)) header++;
  }
  if (header >= values.length) return null;
  // In a sheet or a selection the table ends before the first fully empty row; a named table
  // is the whole range (its empty rows are skipped when rows are read).
  let end = header + 1;
  if (locate) while (end < values.length && hasValues(values[end], 1)) end++;
  else end = values.length;
  // Trim columns to the header's last non-empty cell: cells beyond it belong to no column.
  // (A band over a row of periods, `Budget` over `Jan | Feb`, reaches as far as the row under it.)
  const headerCells = values[header];
  const under = values[header + 1] ?? [];
  let lastCol = Math.max(headerCells.length, under.length) - 1;
  while (lastCol > 0 && isBlank(headerCells[lastCol]) && isBlank(under[lastCol])) lastCol--;
  let firstCol = 0;
  if (locate) while (firstCol < lastCol && isBlank(headerCells[firstCol])) firstCol++;
  const sliced = firstCol === 0 && lastCol === headerCells.length - 1;
  return {
    sheet: block.sheet,
    origin: { row: block.origin.row + header, col: block.origin.col + firstCol },
    values: sliced ? values.slice(header, end) : values.slice(header, end).map((r) => r.slice(firstCol, lastCol + 1)),
  };
}

/**
 * Matches headers to columns (aliases and the user's mapping), and reports missing
 * required columns and ambiguous headers.
 */
export function readTable<K extends string>(
  kind: TableKind,
  block: SheetBlock,
  specs: readonly ColumnSpec<K>[],
  mapping: Record<string, string>,
  locate: boolean,
): { table: MatchedTable<K> | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const tableLabel = TABLE_WORDS[kind].label;
  const required = specs.filter((s) => s.required).map((s) => s.label).join(", ");
  const found = locateTable(block, locate);
  if (!found) {
    problems.push(
      problem({
        table: kind,
        cell: `${block.sheet}`,
        value: "no table",
        expected: `a header row with ${required}`,
        what: `The ${tableLabel} table is empty`,
      }),
    );
    return { table: null, problems };
  }
  // Our columns by every name, once: the user's mapping names them so, and headers match them so.
  const named = namedColumns(specs);
  const mapped = new Map<string, K>();
  for (const [userHeader, ours] of Object.entries(mapping)) {
    const key = named.get(normalizeHeader(ours));
    if (key) mapped.set(normalizeHeader(userHeader), key);
    else
      problems.push(
        problem({
          severity: "warning",
          table: "settings",
          cell: null,
          value: JSON.stringify(ours),
          expected: `one of ${specs.map((s) => s.label).join(", ")}`,
          what: `The column mapping for "${userHeader}" names an unknown column "${ours}"`,
        }),
      );
  }
  // A wide table (a column per period) is read in its long form; cells keep their own addresses.
  const long = unpivotWide(kind, found.values);
  const headerCells: CellValue[] = long ? long.headers : found.values[0];
  const { row: headerRow, col: firstCol } = found.origin;
  const labelOf = (key: K) => specs.find((s) => s.key === key)!.label;
  const place = { sheet: found.sheet, headerRow, firstCol, long: long ?? undefined };
  const headerCell = (i: number) => headerAddress(place, i);
  const shown = (i: number) => describeValue(headerCells[i]);
  // A problem with one header names its cell and shows its text.
  const headerProblem = (i: number, severity: Problem["severity"], what: string, expected: string) =>
    problems.push(problem({ severity, table: kind, cell: headerCell(i), value: shown(i), expected, what }));
  const matches = matchHeaders(headerCells.map(cellText), specs, named, mapped, {
    duplicate: (i, key, first) =>
      headerProblem(i, "warning", `Header ${shown(i)} is a second column for ${labelOf(key)}`, `one column per field (the first, ${headerCell(first)}, is used)`),
    notTaken: (i, key) =>
      headerProblem(i, "warning", `Header ${shown(i)} might be the ${labelOf(key)} column`, `a column mapping in settings ("${cellText(headerCells[i])}" = ${labelOf(key)}) if it is; until then it is not read`),
  });
  const columns: Partial<Record<K, number>> = {};
  const headers: Partial<Record<K, string>> = {};
  for (const m of matches) {
    columns[m.key] = m.index;
    headers[m.key] = cellText(headerCells[m.index]);
    if (!m.doubtful) continue;
    const also = m.rival ? ` (it could also be ${labelOf(m.rival)})` : "";
    headerProblem(
      m.index, "warning",
      `Header ${shown(m.index)} was taken as the ${labelOf(m.key)} column${also}`,
      `a header naming one column; if ${labelOf(m.key)} is wrong, map "${headers[m.key]}" to the right column in settings (Column mapping)`,
    );
  }
  const headerRange = rangeAddress(found.sheet, headerRow, firstCol, 1, Math.max(1, found.values[0].length));
  const ownPeriod = long && matches.find((m) => m.key === ("period" as K) && m.index !== long.headers.length - 1);
  if (ownPeriod) {
    headerProblem(
      ownPeriod.index, "error",
      `The ${tableLabel} table has both a Period column and columns per period`,
      `either a Period column or one column per period (${long.periods.join(", ")}), not both`,
    );
  }
  for (const spec of specs) {
    if (spec.required && columns[spec.key] === undefined) {
      const also = spec.aliases.length ? ` (also accepted: ${spec.aliases.join(", ")})` : "";
      problems.push(
        problem({
          table: kind,
          cell: headerRange,
          value: headerCells.map(cellText).filter(Boolean).join(", ") || "blank",
          expected: `a column headed ${spec.label}${also}, or a column mapping in settings`,
          what: `The ${tableLabel} table has no ${spec.label} column`,
        }),
      );
    }
  }
  if (locate) warnRowsBelow(kind, block, found, problems);
  const rows = long ? long.rows : found.values.slice(1);
  if (!rows.some((row) => hasValues(row, 1)) && !problems.some((p) => p.severity === "error")) {
    problems.push(
      problem({
        table: kind,
        cell: rangeAddress(found.sheet, headerRow + 1, firstCol, 1, 1),
        value: "blank",
        expected: `at least one ${TABLE_WORDS[kind].row} row below the header`,
        what: `The ${tableLabel} table has headers but no rows`,
      }),
    );
  }
  return { table: { ...place, columns, headers, matches, rows }, problems };
}

/**
 * A sheet's table ends at its first empty row. Rows further down with two or more values look
 * like another table (or the rest of this one after a gap): they are not read, and the user is told.
 */
function warnRowsBelow(kind: TableKind, block: SheetBlock, found: SheetBlock, problems: Problem[]): void {
  const after = found.origin.row - block.origin.row + found.values.length;
  let first = -1;
  let last = -1;
  for (let i = after; i < block.values.length; i++) {
    if (!hasValues(block.values[i], 2)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return;
  const firstRow = block.origin.row + first + 1;
  const lastRow = block.origin.row + last + 1;
  problems.push(problem({
    severity: "warning",
    table: kind,
    cell: `${quoteSheet(block.sheet)}!${firstRow}:${lastRow}`,
    value: `rows ${firstRow} to ${lastRow}`,
    expected: `one table per sheet; the ${TABLE_WORDS[kind].label} table ends at its first empty row (${block.origin.row + after + 1}), so these rows were not read. Remove the empty row if they belong to it, or name the table in settings`,
    what: "Rows below the table look like another table",
  }));
}

/** Address of the cell of data row `rowIndex`, column index `col` within the table. */
export function tableCell(table: MatchedTable<string>, rowIndex: number, col: number): string {
  const at = tableCellAt(table, rowIndex, col);
  return cellAddress(table.sheet, at.row, at.col);
}

/** The 0-based sheet row and column of data row `rowIndex`'s cell in column `col`. */
export function tableCellAt(table: MatchedTable<string>, rowIndex: number, col: number): { row: number; col: number } {
  const at = table.long ? table.long.cellOf(rowIndex, col) : { row: rowIndex + 1, col };
  return { row: table.headerRow + at.row, col: table.firstCol + at.col };
}

/** The 1-based sheet row of data row `rowIndex`, for messages about rows (`Journey!7:7`). */
export function tableSheetRow(table: MatchedTable<string>, rowIndex: number): number {
  return table.long ? table.headerRow + table.long.cellOf(rowIndex, 0).row + 1 : table.headerRow + 2 + rowIndex;
}

/** Address of the header of column `col` (for a wide table, its first column of that kind). */
export function headerAddress(table: Pick<MatchedTable<string>, "sheet" | "headerRow" | "firstCol" | "long">, col: number): string {
  const at = table.long ? table.long.headerOf(col) : { row: 0, col };
  return cellAddress(table.sheet, table.headerRow + at.row, table.firstCol + at.col);
}
