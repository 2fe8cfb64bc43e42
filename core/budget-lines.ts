/**
 * Budgetary control per line (year to date with periods), then per stage, touchpoint,
 * type and total; with flexible budget, cost per outcome and the full-period forecast.
 */
import { z } from "zod";
import {
  LineType, LineTypeSchema, VarianceStatusSchema, costPerOutcome, flexedBudget, runRateForecast,
  spendingVariance, variance, variancePct, varianceStatus, volumeVariance,
} from "./budget";
import { BudgetRow, lineKey, sameLineOfName } from "./budget-table";
import { groupIndexesBySame, mapGroups } from "./group";
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
 * Totals of the lines of one type (null when there are none): budget over all of them;
 * actual, variance and variance % over those with an actual (so a missing actual never reads
 * as a saving). One pass, no filtered copies: stages and touchpoints hold every line.
 */
export function totalOfType(lines: readonly BudgetLine[], type: LineType, tolerance: number): VarianceFigures | null {
  let lineCount = 0;
  let withData = 0;
  let budget = 0;
  let budgetWithData = 0;
  let actual = 0;
  for (const l of lines) {
    if (l.type !== type) continue;
    lineCount++;
    budget += l.budget;
    if (l.actual === null) continue;
    withData++;
    budgetWithData += l.budget;
    actual += l.actual;
  }
  if (lineCount === 0) return null;
  if (withData === 0) return { budget, actual: null, variance: null, variancePct: null, status: "No data" };
  return { ...figures(budgetWithData, actual, type, tolerance), budget };
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
  return mapGroups(groupIndexesBySame(rows, (r) => r.lineItem, sameLineOfName, lineKey), rows, (group) => buildLine(group, asOfIndex, ctx));
}

function buildLine(group: BudgetRow[], asOfIndex: number, ctx: LineContext): BudgetLine {
  const { type, stage, touchpoint, lineItem } = group[0];
  const tol = ctx.settings.budgetTolerance;
  // One pass to learn whether any row to date has an actual yet.
  let anyReported = false;
  let laterBudget = 0;
  let fullBudget = 0;
  for (let i = 0; i < group.length; i++) {
    const r = group[i];
    fullBudget += r.budget;
    if (!isToDate(r, ctx.periodIndex, asOfIndex)) laterBudget += r.budget;
    else if (r.actual !== null) anyReported = true;
  }
  // Like for like: a period without an actual yet is left out of the year-to-date budget too,
  // so a missing figure never reads as a saving. A line with no actual at all keeps its budget.
  // Sums are plain numbers with counts beside them (null only at the end): a `number | null`
  // sum would box a new number on every addition.
  let budget = 0;
  let actualSum = 0;
  let actuals = 0;
  let rows = 0;
  let flexed = 0;
  let flexable = true;
  let budgetVolumeSum = 0;
  let budgetVolumes = 0;
  let budgetForVolume = 0;
  let actualVolumeSum = 0;
  let actualVolumes = 0;
  let spendWithVolume = 0;
  let volumeWithSpend = 0;
  let anyWithVolume = false;
  let periodBudget = 0;
  let periodActualSum = 0;
  let periodActuals = 0;
  let periodRows = 0;
  for (let i = 0; i < group.length; i++) {
    const r = group[i];
    if (ctx.asOf !== null && r.period === ctx.asOf) {
      periodRows++;
      periodBudget += r.budget;
      if (r.actual !== null) {
        periodActualSum += r.actual;
        periodActuals++;
      }
    }
    if (!isToDate(r, ctx.periodIndex, asOfIndex) || (anyReported && r.actual === null)) continue;
    rows++;
    budget += r.budget;
    if (r.actual !== null) {
      actualSum += r.actual;
      actuals++;
    }
    if (r.budgetVolume !== null) {
      budgetVolumeSum += r.budgetVolume;
      budgetVolumes++;
      budgetForVolume += r.budget;
    }
    if (r.actualVolume !== null) {
      actualVolumeSum += r.actualVolume;
      actualVolumes++;
    }
    // Flexing needs both volumes on every year-to-date row; it is summed period by period.
    if (r.budgetVolume !== null && r.actualVolume !== null) flexed += flexedBudget(r.budget, r.budgetVolume, r.actualVolume, r.fixedShare);
    else flexable = false;
    if (r.actualVolume !== null && r.actual !== null) {
      anyWithVolume = true;
      spendWithVolume += r.actual;
      volumeWithSpend += r.actualVolume;
    }
  }
  const actual = actuals ? actualSum : null;
  const budgetVolume = budgetVolumes ? budgetVolumeSum : null;
  const actualVolume = actualVolumes ? actualVolumeSum : null;
  const flex = flexable && rows > 0 && Number.isFinite(flexed) ? flexed : null;
  const { forecast, source } = lineForecast(group, actual, laterBudget, ctx);
  const forecastVariance = forecast === null ? null : variance(forecast, fullBudget, type);
  const main = figures(budget, actual, type, tol);
  return {
    stage,
    touchpoint,
    lineItem,
    type,
    budget: main.budget,
    actual: main.actual,
    variance: main.variance,
    variancePct: main.variancePct,
    status: main.status,
    period: periodRows === 0 ? null : figures(periodBudget, periodActuals ? periodActualSum : null, type, tol),
    budgetVolume,
    actualVolume,
    flexedBudget: flex,
    volumeVariance: flex === null ? null : volumeVariance(budget, flex, type),
    spendingVariance: flex === null || actual === null ? null : spendingVariance(actual, flex, type),
    costPerOutcome: anyWithVolume ? costPerOutcome(spendWithVolume, volumeWithSpend) : null,
    budgetCostPerOutcome: budgetVolume === null ? null : costPerOutcome(budgetForVolume, budgetVolume),
    fullBudget,
    forecast,
    forecastSource: source,
    forecastVariance,
    forecastVariancePct: forecastVariance === null ? null : variancePct(forecastVariance, fullBudget),
  };
}

/** A row at or before the as-of period (every row when there are no periods). */
function isToDate(r: BudgetRow, periodIndex: ReadonlyMap<string, number>, asOfIndex: number): boolean {
  return (r.period === null ? 0 : (periodIndex.get(r.period) ?? 0)) <= asOfIndex;
}

/**
 * The Forecast column where given (its latest row), else YTD actual + remaining budget,
 * or the run-rate when the settings say so.
 */
function lineForecast(group: BudgetRow[], ytdActual: number | null, laterBudget: number, ctx: LineContext): {
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
  return { forecast: ytdActual + laterBudget, source: "remaining budget" };
}

export interface BudgetGroupTotal {
  name: string;
  cost: VarianceFigures | null;
  revenue: VarianceFigures | null;
}

/** Totals per group of lines, cost and revenue kept apart (they are never summed together). */
export function budgetTotals(groups: readonly BudgetLine[][], name: (l: BudgetLine) => string, tolerance: number): BudgetGroupTotal[] {
  return groups.map((g) => ({
    name: name(g[0]),
    cost: totalOfType(g, "cost", tolerance),
    revenue: totalOfType(g, "revenue", tolerance),
  }));
}
