/**
 * The input's money format: the report speaks the currency the user's Budget column shows.
 * The host reads one cell's number format (the first Budget figure); the core says which
 * cell, and whether its format is a currency.
 */
import type { FoundTable } from "./cells";
import { BUDGET_COLUMNS } from "./columns";
import { readTable, tableCellAt } from "./locate-table";
import type { Settings } from "./settings";

/** Where a cell sits on its sheet, 0-based. */
export interface SheetCell {
  sheet: string;
  row: number;
  col: number;
}

/**
 * The first data cell of the Budget table's Budget column (found as the table's headers are
 * matched, column mapping included); null when there is none.
 * Example: a Budget sheet with headers in row 1 and Budget in column E → {row: 1, col: 4}.
 */
export function moneyCellOf(budget: FoundTable | null | undefined, settings: Pick<Settings, "columnMapping">): SheetCell | null {
  if (!budget) return null;
  const { table } = readTable("budget", budget.block, BUDGET_COLUMNS, settings.columnMapping.budget, budget.locate);
  const col = table?.columns.budget;
  if (!table || col === undefined || table.rows.length === 0) return null;
  return { sheet: table.sheet, ...tableCellAt(table, 0, col) };
}

/** A number format that shows a currency (`"$"#,##0`, `[$€-407] #,##0.00`), else undefined. */
export function moneyFormatFrom(numberFormat: string | null | undefined): string | undefined {
  return numberFormat && /[$€£¥₹]|\[\$/.test(numberFormat) ? numberFormat : undefined;
}
