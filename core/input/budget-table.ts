/**
 * The Budget table (docs/formulas.md §1.2): one row per budget line, optionally per period.
 */
import { z } from "zod";
import { SheetBlock } from "./cells";
import { BUDGET_COLUMNS, BudgetColumn } from "./columns";
import { LineTypeSchema, parseLineType } from "../compute/variance";
import { foldName, nameKey } from "../compute/group";
import { ParsedRows, TableOptions, parseRows } from "./read-rows";
import { RowReader } from "./row-reader";

export const BudgetRowSchema = z.object({
  rowIndex: z.number().int(),
  stage: z.string().min(1),
  touchpoint: z.string(),
  lineItem: z.string().min(1),
  type: LineTypeSchema,
  budget: z.number(),
  /** null = not yet known. */
  actual: z.number().nullable(),
  forecast: z.number().nullable(),
  budgetVolume: z.number().positive().nullable(),
  actualVolume: z.number().min(0).nullable(),
  /** Share of the budget that does not move with volume; 0 = fully variable. */
  fixedShare: z.number().min(0).max(1),
  period: z.string().nullable(),
});
export type BudgetRow = z.infer<typeof BudgetRowSchema>;

/** Stage + Touchpoint + Line item + Type: what makes a budget line the same line across periods. */
export function lineKey(row: Pick<BudgetRow, "stage" | "touchpoint" | "lineItem" | "type">): string {
  return `${nameKey(row.stage)}\u0000${nameKey(row.touchpoint)}\u0000${foldName(row.lineItem)}\u0000${row.type}`;
}

/** Reads the Budget table; every bad cell becomes a problem, rows never throw. */
export function parseBudgetTable(block: SheetBlock, options: TableOptions, actualsElsewhere = false): ParsedRows<BudgetRow> {
  // With an Actuals table beside it, the budget needs no Actual column of its own.
  const columns = actualsElsewhere ? BUDGET_COLUMNS.map((c) => (c.key === "actual" ? { ...c, required: false } : c)) : BUDGET_COLUMNS;
  return parseRows("budget", block, columns, options, readBudgetRow);
}

function readBudgetRow(r: RowReader<BudgetColumn>): BudgetRow | null {
  const stage = r.requiredText("stage", "Stage", "the journey stage this budget line belongs to");
  const lineItem = r.requiredText("lineItem", "Line item", "the name of the budget line");
  const typeText = r.text("type");
  const type = parseLineType(typeText);
  if (!type) r.fail("type", "Type", "is not a line type", "cost (Expense, Spend) or revenue (Income, Sales)");
  const budget = r.number("budget", "Budget", true);
  const actual = r.number("actual", "Actual", false);
  const forecast = r.number("forecast", "Forecast", false);
  const budgetVolume = r.number("budgetVolume", "Budget volume", false, "a planned volume above 0 (leads, orders, tickets…)");
  if (budgetVolume !== null && budgetVolume <= 0) r.fail("budgetVolume", "Budget volume", "is not above 0", "a planned volume above 0 (leads, orders, tickets…)");
  const actualVolume = r.number("actualVolume", "Actual volume", false, "an actual volume of 0 or more");
  if (actualVolume !== null && actualVolume < 0) r.fail("actualVolume", "Actual volume", "is negative", "an actual volume of 0 or more");
  const fixedShare = r.fraction("fixedShare", "Fixed share");
  if (!r.ok) return null;
  return {
    rowIndex: r.rowIndex,
    stage,
    touchpoint: r.text("touchpoint"),
    lineItem,
    type: type!,
    budget: budget as number,
    actual,
    forecast,
    budgetVolume,
    actualVolume,
    fixedShare: fixedShare ?? 0,
    period: null,
  };
}
