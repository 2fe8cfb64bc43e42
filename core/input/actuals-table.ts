/**
 * An Actuals table kept apart from the budget (docs/formulas.md §1.2): line item, stage, period and
 * actual, matched to the budget lines by those keys (trimmed, case-folded) and summed.
 */
import { SheetBlock } from "./cells";
import { ACTUALS_COLUMNS, ActualsColumn } from "./columns";
import { foldName, nameKey } from "../compute/group";
import { BudgetRow } from "./budget-table";
import { Problem, problem } from "./problems";
import { ParsedRows, TableOptions, parseRows } from "./read-rows";
import { RowReader } from "./row-reader";

export interface ActualRow {
  rowIndex: number;
  stage: string;
  touchpoint: string;
  lineItem: string;
  actual: number | null;
  period: string | null;
}

export function parseActualsTable(block: SheetBlock, options: TableOptions): ParsedRows<ActualRow> {
  return parseRows("actuals", block, ACTUALS_COLUMNS, options, readActualRow);
}

function readActualRow(r: RowReader<ActualsColumn>): ActualRow | null {
  const stage = r.requiredText("stage", "Stage", "the journey stage of the budget line this actual belongs to");
  const lineItem = r.requiredText("lineItem", "Line item", "the budget line this actual belongs to");
  const actual = r.number("actual", "Actual", false);
  if (!r.ok) return null;
  return { rowIndex: r.rowIndex, stage, touchpoint: r.text("touchpoint"), lineItem, actual, period: null };
}

/** The budget periods an actual's period can fall in: itself, then its month, then its quarter. */
function periodsOf(period: string | null): (string | null)[] {
  if (period === null) return [null];
  const day = /^(\d{4})-(\d{2})-\d{2}$/.exec(period);
  const month = day ? `${day[1]}-${day[2]}` : /^\d{4}-\d{2}$/.test(period) ? period : null;
  const quarter = month ? `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}` : null;
  return [period, month, quarter].filter((p, i, all): p is string => p !== null && all.indexOf(p) === i);
}

/**
 * Budget rows with the Actuals table's sums as their actuals. A budget row is keyed by Stage + Line
 * item + Period (+ Touchpoint when the Actuals table has that column); a dated actual also finds
 * the month or quarter holding it. Actuals that match no budget line are listed, once per line.
 */
export function applyActuals(budget: ParsedRows<BudgetRow>, actuals: ParsedRows<ActualRow>, problems: Problem[]): BudgetRow[] {
  const byTouchpoint = actuals.cellOf(0, "touchpoint") !== null;
  const keyOf = (stage: string, touchpoint: string, lineItem: string, period: string | null) =>
    `${nameKey(stage)}\u0000${byTouchpoint ? nameKey(touchpoint) : ""}\u0000${foldName(lineItem)}\u0000${period ?? ""}`;
  const rowOf = new Map<string, number>();
  budget.rows.forEach((row, i) => {
    const key = keyOf(row.stage, row.touchpoint, row.lineItem, row.period);
    if (!rowOf.has(key)) rowOf.set(key, i);
  });
  const sums = new Map<number, number>();
  const unmatched = new Map<string, { first: ActualRow; total: number; count: number }>();
  for (const a of actuals.rows) {
    if (a.actual === null) continue;
    const target = periodsOf(a.period).map((p) => rowOf.get(keyOf(a.stage, a.touchpoint, a.lineItem, p))).find((i) => i !== undefined);
    if (target !== undefined) {
      sums.set(target, (sums.get(target) ?? 0) + a.actual);
      continue;
    }
    const key = keyOf(a.stage, a.touchpoint, a.lineItem, null);
    const seen = unmatched.get(key);
    if (seen) {
      seen.total += a.actual;
      seen.count++;
    } else unmatched.set(key, { first: a, total: a.actual, count: 1 });
  }
  for (const { first, total, count } of unmatched.values()) {
    problems.push(problem({
      severity: "warning",
      table: "actuals",
      cell: actuals.cellOf(first.rowIndex, "lineItem"),
      value: `${first.stage} / ${byTouchpoint ? `${first.touchpoint || "-"} / ` : ""}${first.lineItem}`,
      expected: "a budget line with the same Stage, Line item and Period; they are left out of the report",
      what: `${count} actual${count === 1 ? "" : "s"} totalling ${total.toLocaleString("en-US")} match${count === 1 ? "es" : ""} no budget line`,
      rowIndex: first.rowIndex,
    }));
  }
  return budget.rows.map((row, i) => {
    const sum = sums.get(i);
    if (sum === undefined) return row;
    if (row.actual !== null) {
      problems.push(problem({
        severity: "warning",
        table: "budget",
        cell: budget.cellOf(row.rowIndex, "actual"),
        value: String(row.actual),
        expected: `one source of actuals per line; the Actuals table's ${sum.toLocaleString("en-US")} is used`,
        what: "This budget line has an Actual of its own and actuals in the Actuals table",
        rowIndex: row.rowIndex,
      }));
    }
    return { ...row, actual: sum };
  });
}
