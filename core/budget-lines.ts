/**
 * Budgetary control per line (year to date with periods), then per stage, touchpoint,
 * type and total; with flexible budget, cost per outcome and the full-period forecast.
 */
import { z } from "zod";
import {
  LineType, LineTypeSchema, VarianceStatusSchema, costPerOutcome, flexedBudget, runRateForecast,
  spendingVariance, variance, variancePct, varianceStatus, volumeVariance,
} from "./budget";
import { BudgetRow, lineKey } from "./budget-table";
import { groupBy, nameKey, sumOrNull } from "./group";
import { Settings } from "./settings";

export const VarianceFiguresSchema = z.object({
  budget: z.number(),
  actual: z.number().nullable(),
  /** Favourable-positive; null without an actual. */
  variance: z.number().nullable(),
  /** variance / |budget|; null when the budget is 0 or there is no actual. */
  variancePct: z.number().nullable(),
  status: VarianceStatusSchema,
});
export type VarianceFigures = z.infer<typeof VarianceFiguresSchema>;

export const BudgetLineSchema = VarianceFiguresSchema.extend({
  stage: z.string(),
  touchpoint: z.string(),
  lineItem: z.string(),
  type: LineTypeSchema,
  /**
   * The as-of period alone (null without periods). The top-level figures are year to date,
   * like for like: periods up to the as-of period that have an actual.
   */
  period: VarianceFiguresSchema.nullable(),
  budgetVolume: z.number().nullable(),
  actualVolume: z.number().nullable(),
  /** null unless every year-to-date row has both volumes. */
  flexedBudget: z.number().nullable(),
  volumeVariance: z.number().nullable(),
  spendingVariance: z.number().nullable(),
  costPerOutcome: z.number().nullable(),
  budgetCostPerOutcome: z.number().nullable(),
  /** Budget of every period (= budget without periods). */
  fullBudget: z.number(),
  forecast: z.number().nullable(),
  forecastSource: z.enum(["forecast column", "remaining budget", "run-rate", "actual"]).nullable(),
  forecastVariance: z.number().nullable(),
  forecastVariancePct: z.number().nullable(),
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

/** Figures from a budget and an actual, with the sign rule and status. */
export function figures(budget: number, actual: number | null, type: LineType, tolerance: number): VarianceFigures {
  const v = actual === null ? null : variance(actual, budget, type);
  return {
    budget,
    actual,
    variance: v,
    variancePct: v === null ? null : variancePct(v, budget),
    status: varianceStatus(actual, budget, type, tolerance),
  };
}

/**
 * Aggregates lines of one type: budget over all lines; actual, variance and variance %
 * over the lines that have an actual (so a missing actual never reads as a saving).
 */
export function totalOf(lines: readonly VarianceFigures[], type: LineType, tolerance: number): VarianceFigures {
  const withData = lines.filter((l) => l.actual !== null);
  const budget = lines.reduce((s, l) => s + l.budget, 0);
  if (withData.length === 0) return { budget, actual: null, variance: null, variancePct: null, status: "No data" };
  const budgetWithData = withData.reduce((s, l) => s + l.budget, 0);
  const actual = withData.reduce((s, l) => s + (l.actual as number), 0);
  const f = figures(budgetWithData, actual, type, tolerance);
  return { ...f, budget };
}

interface LineContext {
  asOf: string | null;
  periodIndex: ReadonlyMap<string, number>;
  /** Number of distinct budget periods, and how many of them are at or before the as-of period. */
  totalPeriods: number;
  elapsedPeriods: number;
  settings: Settings;
}

/** One result per budget line (Stage + Touchpoint + Line item + Type), in table order. */
export function buildBudgetLines(rows: readonly BudgetRow[], ctx: LineContext): BudgetLine[] {
  const asOfIndex = ctx.asOf === null ? Infinity : (ctx.periodIndex.get(ctx.asOf) ?? Infinity);
  return [...groupBy(rows, lineKey).values()].map((group) => buildLine(group, asOfIndex, ctx));
}

function buildLine(group: BudgetRow[], asOfIndex: number, ctx: LineContext): BudgetLine {
  const { type, stage, touchpoint, lineItem } = group[0];
  const tol = ctx.settings.budgetTolerance;
  const idx = (r: BudgetRow) => (r.period === null ? 0 : (ctx.periodIndex.get(r.period) ?? 0));
  const toDate = group.filter((r) => idx(r) <= asOfIndex);
  const later = group.filter((r) => idx(r) > asOfIndex);
  // Like for like: a period without an actual yet is left out of the year-to-date budget too,
  // so a missing figure never reads as a saving. A line with no actual at all keeps its budget.
  const reported = toDate.filter((r) => r.actual !== null);
  const ytd = reported.length ? reported : toDate;
  const budget = ytd.reduce((s, r) => s + r.budget, 0);
  const actual = sumOrNull(ytd.map((r) => r.actual));
  const main = figures(budget, actual, type, tol);

  const periodRows = ctx.asOf === null ? null : group.filter((r) => r.period === ctx.asOf);
  const period = periodRows === null || periodRows.length === 0
    ? null
    : figures(periodRows.reduce((s, r) => s + r.budget, 0), sumOrNull(periodRows.map((r) => r.actual)), type, tol);

  // Flexing needs both volumes on every year-to-date row; it is summed period by period.
  const flexable = ytd.length > 0 && ytd.every((r) => r.budgetVolume !== null && r.actualVolume !== null);
  const flexed = flexable ? ytd.reduce((s, r) => s + flexedBudget(r.budget, r.budgetVolume!, r.actualVolume!, r.fixedShare), 0) : null;
  const budgetVolume = sumOrNull(ytd.map((r) => r.budgetVolume));
  const withVolume = ytd.filter((r) => r.actualVolume !== null && r.actual !== null);
  const actualVolume = sumOrNull(ytd.map((r) => r.actualVolume));

  const fullBudget = group.reduce((s, r) => s + r.budget, 0);
  const { forecast, source } = lineForecast(group, actual, later, ctx);
  const forecastVariance = forecast === null ? null : variance(forecast, fullBudget, type);
  return {
    stage, touchpoint, lineItem, type,
    ...main,
    period,
    budgetVolume,
    actualVolume,
    flexedBudget: flexed,
    volumeVariance: flexed === null ? null : volumeVariance(budget, flexed, type),
    spendingVariance: flexed === null || actual === null ? null : spendingVariance(actual, flexed, type),
    costPerOutcome: withVolume.length === 0 ? null
      : costPerOutcome(withVolume.reduce((s, r) => s + r.actual!, 0), withVolume.reduce((s, r) => s + r.actualVolume!, 0)),
    budgetCostPerOutcome: budgetVolume === null ? null
      : costPerOutcome(ytd.filter((r) => r.budgetVolume !== null).reduce((s, r) => s + r.budget, 0), budgetVolume),
    fullBudget,
    forecast,
    forecastSource: source,
    forecastVariance,
    forecastVariancePct: forecastVariance === null ? null : variancePct(forecastVariance, fullBudget),
  };
}

/**
 * The Forecast column where given (its latest row), else YTD actual + remaining budget,
 * or the run-rate when the settings say so.
 */
function lineForecast(group: BudgetRow[], ytdActual: number | null, later: BudgetRow[], ctx: LineContext): {
  forecast: number | null;
  source: BudgetLine["forecastSource"];
} {
  for (let i = group.length - 1; i >= 0; i--) {
    if (group[i].forecast !== null) return { forecast: group[i].forecast, source: "forecast column" };
  }
  if (ytdActual === null) return { forecast: null, source: null };
  if (ctx.asOf === null) return { forecast: ytdActual, source: "actual" };
  if (ctx.settings.forecastMethod === "run-rate") {
    return { forecast: runRateForecast(ytdActual, ctx.elapsedPeriods, ctx.totalPeriods), source: "run-rate" };
  }
  return { forecast: ytdActual + later.reduce((s, r) => s + r.budget, 0), source: "remaining budget" };
}

export interface BudgetGroupTotal {
  name: string;
  cost: VarianceFigures | null;
  revenue: VarianceFigures | null;
}

/** Totals per group, cost and revenue kept apart (they are never summed together). */
export function budgetTotals(lines: readonly BudgetLine[], key: (l: BudgetLine) => string, name: (l: BudgetLine) => string, tolerance: number): BudgetGroupTotal[] {
  return [...groupBy(lines, key).values()].map((g) => {
    const cost = g.filter((l) => l.type === "cost");
    const revenue = g.filter((l) => l.type === "revenue");
    return {
      name: name(g[0]),
      cost: cost.length ? totalOf(cost, "cost", tolerance) : null,
      revenue: revenue.length ? totalOf(revenue, "revenue", tolerance) : null,
    };
  });
}

export const byStage = (l: BudgetLine) => nameKey(l.stage);
