/**
 * The columns of the two input tables (docs/formulas.md §1.1, §1.2): our name for each, the headers
 * users write for it, and whether the table needs it.
 */

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The header we document and show in messages. */
  label: string;
  aliases: readonly string[];
  /** The header must be present (its cells may still be blank where the spec allows). */
  required: boolean;
  /**
   * The report is hardly useful without it (required columns, and Target): a guess in doubt is
   * taken for it, with a warning, rather than left out.
   */
  needed: boolean;
}

function column<K extends string>(key: K, label: string, aliases: string[], required = false, needed = required): ColumnSpec<K> {
  return { key, label, aliases, required, needed };
}

export const JOURNEY_COLUMNS = [
  column("stage", "Stage", ["Journey stage", "Phase"], true),
  column("touchpoint", "Touchpoint", ["Channel"]),
  column("momentOfTruth", "Moment of truth", ["MoT", "Critical"]),
  column("perspective", "Perspective", ["BSC perspective"]),
  column("objective", "Objective", ["Strategic objective", "Goal"]),
  column("initiative", "Initiative", ["Action", "Project"]),
  column("kpi", "KPI", ["Measure", "Metric", "Indicator"], true),
  column("unit", "Unit", []),
  column("direction", "Direction", ["Polarity", "Better"]),
  column("baseline", "Baseline", ["Start", "Worst"]),
  column("target", "Target", ["Goal value", "Plan"], false, true),
  column("targetMax", "Target max", ["Upper target"]),
  column("actual", "Actual", ["Actuals", "Value", "Result", "Achieved"], true),
  column("weight", "Weight", []),
  column("tolerance", "Tolerance", ["Amber band"]),
  column("period", "Period", ["Month", "Quarter", "Date"]),
  column("owner", "Owner", []),
] as const;
export type JourneyColumn = (typeof JOURNEY_COLUMNS)[number]["key"];

export const BUDGET_COLUMNS = [
  column("stage", "Stage", ["Journey stage", "Phase"], true),
  column("touchpoint", "Touchpoint", ["Channel"]),
  column("lineItem", "Line item", ["Account", "Category", "Item", "Cost centre", "Cost center"], true),
  column("type", "Type", ["Kind"]),
  column("budget", "Budget", ["Plan", "Budgeted"], true),
  column("actual", "Actual", ["Actuals", "Spent"], true),
  column("forecast", "Forecast", ["Outturn", "Estimate"]),
  column("budgetVolume", "Budget volume", ["Planned volume", "Plan units"]),
  column("actualVolume", "Actual volume", ["Volume", "Units"]),
  column("fixedShare", "Fixed share", ["Fixed %", "Fixed"]),
  column("period", "Period", ["Month", "Quarter", "Date"]),
] as const;
export type BudgetColumn = (typeof BUDGET_COLUMNS)[number]["key"];

/** Actuals kept apart from the budget (an export of the ledger): matched to budget lines. */
export const ACTUALS_COLUMNS = [
  column("stage", "Stage", ["Journey stage", "Phase"], true),
  column("touchpoint", "Touchpoint", ["Channel"]),
  column("lineItem", "Line item", ["Account", "Category", "Item", "Cost centre", "Cost center"], true),
  column("actual", "Actual", ["Actuals", "Spent", "Amount"], true),
  // A ledger's dates are how its actuals find their budget periods: a doubtful guess is taken.
  column("period", "Period", ["Month", "Quarter", "Date"], false, true),
] as const;
export type ActualsColumn = (typeof ACTUALS_COLUMNS)[number]["key"];

/** Our columns of each table, by label: what a user can map a header to. */
export const COLUMN_LABELS = {
  journey: JOURNEY_COLUMNS.map((c) => c.label),
  budget: BUDGET_COLUMNS.map((c) => c.label),
  actuals: ACTUALS_COLUMNS.map((c) => c.label),
};

/** Headers match ignoring case, spaces, `_`, `-` and `.` (docs/formulas.md §1). */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.\u00a0]/g, "");
}
