/**
 * Budgetary control per line (year to date with periods), then per stage, touchpoint,
 * type and total; with flexible budget, cost per outcome and the full-period forecast.
 */
import { z } from "zod";
import {
  LineType, LineTypeSchema, VarianceStatus, VarianceStatusSchema, costPerOutcome, flexedBudget, runRateForecast,
  spendingVariance, variance, variancePct, varianceStatus, volumeVariance,
} from "./variance";
import { BudgetRow, lineKey } from "../input/budget-table";
import { SumsByKey, groupBy, nameKey, touchpointKey } from "./group";
import { Settings } from "../input/settings";

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

/** What a budget line keeps: the figures summed from its rows (year to date with periods). */
export const LineSumsSchema = z.object({
  stage: z.string(),
  touchpoint: z.string(),
  lineItem: z.string(),
  type: LineTypeSchema,
  /**
   * Year to date, like for like: periods up to the as-of period that have an actual.
   * Without periods, the whole table.
   */
  budget: z.number(),
  actual: z.number().nullable(),
  status: VarianceStatusSchema,
  /** The as-of period alone; null without periods or without rows in that period. */
  periodBudget: z.number().nullable(),
  periodActual: z.number().nullable(),
  periodStatus: VarianceStatusSchema.nullable(),
  budgetVolume: z.number().nullable(),
  actualVolume: z.number().nullable(),
  /** null unless every year-to-date row has both volumes. */
  flexedBudget: z.number().nullable(),
  costPerOutcome: z.number().nullable(),
  budgetCostPerOutcome: z.number().nullable(),
  /** Budget of every period (= budget without periods). */
  fullBudget: z.number(),
  forecast: z.number().nullable(),
  forecastSource: z.enum(["forecast column", "remaining budget", "run-rate", "actual"]).nullable(),
});
export type LineSums = z.infer<typeof LineSumsSchema>;

export const BudgetLineSchema = LineSumsSchema.extend({
  /** Favourable-positive; null without an actual. */
  variance: z.number().nullable(),
  /** variance / |budget|; null when the budget is 0 or there is no actual. */
  variancePct: z.number().nullable(),
  /** The as-of period's figures (null without periods or without rows in that period). */
  period: VarianceFiguresSchema.nullable(),
  /** Flexed budget split: volume + spending = variance. */
  volumeVariance: z.number().nullable(),
  spendingVariance: z.number().nullable(),
  /** Forecast against the full budget. */
  forecastVariance: z.number().nullable(),
  forecastVariancePct: z.number().nullable(),
});
/** One budget line (Stage + Touchpoint + Line item + Type): its sums and every figure that follows from them. */
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

/** A budget line from its sums: the variances, flexed split and forecast variance worked out. */
export function budgetLine(sums: LineSums): BudgetLine {
  const { budget, actual, type, flexedBudget: flexed, forecast, fullBudget } = sums;
  const lineVariance = actual === null ? null : variance(actual, budget, type);
  const forecastVariance = forecast === null ? null : variance(forecast, fullBudget, type);
  // Fields listed one by one (not spread): every line gets one compact object shape
  // (docs/performance.md).
  return {
    stage: sums.stage,
    touchpoint: sums.touchpoint,
    lineItem: sums.lineItem,
    type,
    budget,
    actual,
    status: sums.status,
    periodBudget: sums.periodBudget,
    periodActual: sums.periodActual,
    periodStatus: sums.periodStatus,
    budgetVolume: sums.budgetVolume,
    actualVolume: sums.actualVolume,
    flexedBudget: flexed,
    costPerOutcome: sums.costPerOutcome,
    budgetCostPerOutcome: sums.budgetCostPerOutcome,
    fullBudget,
    forecast,
    forecastSource: sums.forecastSource,
    variance: lineVariance,
    variancePct: lineVariance === null ? null : variancePct(lineVariance, budget),
    period: sums.periodBudget === null ? null : withVariance(sums.periodBudget, sums.periodActual, type, sums.periodStatus!),
    volumeVariance: flexed === null ? null : volumeVariance(budget, flexed, type),
    spendingVariance: flexed === null || actual === null ? null : spendingVariance(actual, flexed, type),
    forecastVariance,
    forecastVariancePct: forecastVariance === null ? null : variancePct(forecastVariance, fullBudget),
  };
}

/** Figures from a budget and an actual, with the sign rule and status. */
export function figures(budget: number, actual: number | null, type: LineType, tolerance: number): VarianceFigures {
  return withVariance(budget, actual, type, varianceStatus(actual, budget, type, tolerance));
}

function withVariance(budget: number, actual: number | null, type: LineType, status: VarianceStatus): VarianceFigures {
  const v = actual === null ? null : variance(actual, budget, type);
  return { budget, actual, variance: v, variancePct: v === null ? null : variancePct(v, budget), status };
}

interface LineContext {
  asOf: string | null;
  periodIndex: ReadonlyMap<string, number>;
  /** Number of distinct budget periods (the run-rate's full period). */
  totalPeriods: number;
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
  // One pass to learn whether any row to date has an actual yet.
  let anyReported = false;
  let laterBudget = 0;
  let fullBudget = 0;
  let unreportedBudget = 0;
  for (let i = 0; i < group.length; i++) {
    const r = group[i];
    fullBudget += r.budget;
    if (!isToDate(r, ctx.periodIndex, asOfIndex)) laterBudget += r.budget;
    else if (r.actual !== null) anyReported = true;
    else unreportedBudget += r.budget;
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
  // A period to date without an actual yet is budget still to spend, never zero spend.
  const { forecast, source } = lineForecast(group, actual, laterBudget + unreportedBudget, asOfIndex, ctx);
  const periodActual = periodActuals ? periodActualSum : null;
  return budgetLine({
    stage,
    touchpoint,
    lineItem,
    type,
    budget,
    actual,
    status: varianceStatus(actual, budget, type, tol),
    periodBudget: periodRows === 0 ? null : periodBudget,
    periodActual,
    periodStatus: periodRows === 0 ? null : varianceStatus(periodActual, periodBudget, type, tol),
    budgetVolume,
    actualVolume,
    flexedBudget: flex,
    costPerOutcome: anyWithVolume ? costPerOutcome(spendWithVolume, volumeWithSpend) : null,
    budgetCostPerOutcome: budgetVolume === null ? null : costPerOutcome(budgetForVolume, budgetVolume),
    fullBudget,
    forecast,
    forecastSource: source,
  });
}

/** A row at or before the as-of period (every row when there are no periods). */
function isToDate(r: BudgetRow, periodIndex: ReadonlyMap<string, number>, asOfIndex: number): boolean {
  return (r.period === null ? 0 : (periodIndex.get(r.period) ?? 0)) <= asOfIndex;
}

/**
 * The Forecast column where given (its latest row), else YTD actual + the budget of every period
 * without an actual (later periods, and earlier ones not reported yet), or the run-rate over the
 * periods that have an actual when the settings say so.
 */
function lineForecast(group: BudgetRow[], ytdActual: number | null, remainingBudget: number, asOfIndex: number, ctx: LineContext): {
  forecast: number | null;
  source: LineSums["forecastSource"];
} {
  for (let i = group.length - 1; i >= 0; i--) {
    if (group[i].forecast !== null) return { forecast: group[i].forecast, source: "forecast column" };
  }
  if (ytdActual === null) return { forecast: null, source: null };
  if (ctx.asOf === null) return { forecast: ytdActual, source: "actual" };
  if (ctx.settings.forecastMethod === "run-rate") {
    // The periods to date with an actual, counted only here: most reports never ask for a run-rate.
    const reported = new Set(group.filter((r) => r.actual !== null && isToDate(r, ctx.periodIndex, asOfIndex)).map((r) => r.period));
    return { forecast: runRateForecast(ytdActual, reported.size, ctx.totalPeriods), source: "run-rate" };
  }
  return { forecast: ytdActual + remainingBudget, source: "remaining budget" };
}

export interface BudgetGroupTotal {
  name: string;
  cost: VarianceFigures | null;
  revenue: VarianceFigures | null;
}

/** Budget lines of one stage or touchpoint, or all of them, summed. */
export interface BudgetGroup {
  /** Stage and touchpoint as typed on the group's first line (touchpoint "" for a stage group). */
  stage: string;
  touchpoint: string;
  totals: BudgetGroupTotal;
  /** Cost lines with both an actual and an actual volume: their actual volumes and their actuals, summed (cost per outcome). */
  outcomeVolume: number;
  outcomeSpend: number;
}

/**
 * Totals by stage, by touchpoint and of all lines, cost and revenue kept apart (they are
 * never summed together), from one pass over the lines.
 * Groups come in order of first appearance; lines without a touchpoint are in no touchpoint.
 */
export function groupBudget(lines: readonly BudgetLine[], tolerance: number): { byStage: BudgetGroup[]; byTouchpoint: BudgetGroup[]; all: BudgetGroup } {
  const all = new BudgetSums();
  const stages = new SumsByKey<BudgetLine, BudgetSums>(() => new BudgetSums());
  const touchpoints = new SumsByKey<BudgetLine, BudgetSums>(() => new BudgetSums());
  for (const l of lines) {
    all.add(l);
    stages.of(nameKey(l.stage), l).add(l);
    if (l.touchpoint) touchpoints.of(touchpointKey(l), l).add(l);
  }
  return {
    byStage: stages.map(({ stage }, sums) => sums.group(stage, "", stage, tolerance)),
    byTouchpoint: touchpoints.map(({ stage, touchpoint }, sums) => sums.group(stage, touchpoint, `${stage} / ${touchpoint}`, tolerance)),
    all: all.group("", "", "Total", tolerance),
  };
}

/** Running sums of budget lines, added one at a time. */
class BudgetSums {
  private readonly cost = new TypeSums("cost");
  private readonly revenue = new TypeSums("revenue");
  private outcomeVolume = 0;
  private outcomeSpend = 0;

  add(l: BudgetLine): void {
    (l.type === "cost" ? this.cost : this.revenue).add(l);
    if (l.type === "cost" && l.actual !== null && l.actualVolume !== null) {
      this.outcomeVolume += l.actualVolume;
      this.outcomeSpend += l.actual;
    }
  }

  group(stage: string, touchpoint: string, name: string, tolerance: number): BudgetGroup {
    return {
      stage,
      touchpoint,
      totals: { name, cost: this.cost.figures(tolerance), revenue: this.revenue.figures(tolerance) },
      outcomeVolume: this.outcomeVolume,
      outcomeSpend: this.outcomeSpend,
    };
  }
}

/**
 * Totals of the lines of one type: budget over all of them; actual, variance and variance %
 * over those with an actual (so a missing actual never reads as a saving).
 */
class TypeSums {
  private lines = 0;
  private withData = 0;
  private budget = 0;
  private budgetWithData = 0;
  private actual = 0;

  constructor(private readonly type: LineType) {}

  add(l: BudgetLine): void {
    this.lines++;
    this.budget += l.budget;
    if (l.actual === null) return;
    this.withData++;
    this.budgetWithData += l.budget;
    this.actual += l.actual;
  }

  /** null when there are no lines of the type. */
  figures(tolerance: number): VarianceFigures | null {
    if (this.lines === 0) return null;
    if (this.withData === 0) return { budget: this.budget, actual: null, variance: null, variancePct: null, status: "No data" };
    return { ...figures(this.budgetWithData, this.actual, this.type, tolerance), budget: this.budget };
  }
}
