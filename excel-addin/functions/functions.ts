/**
 * The custom functions under the JOURNEY namespace: thin wrappers over the core's catalogue.
 * Their JSDoc is what users see in Excel's autocomplete, and what custom-functions-metadata-plugin
 * turns into functions.json at build time. Range parameters are `any[][]` so that text and
 * blanks reach the core as they are; results spill as 2-D arrays.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { functions as fn } from "../../core";
import { toExcelResult } from "./excel-result";

/**
 * A KPI's score: its achievement clamped to 0 and the cap.
 * @customfunction KPISCORE
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#21-kpi-score
 * @param actual The actual value, or a range of them.
 * @param target The target, or a range of targets.
 * @param [direction] higher (default), lower or range.
 * @param [baseline] The worst value; default 0 for higher, 2 × target for lower.
 * @param [cap] The highest score; default 100%.
 * @returns The score, from 0 to the cap.
 */
export function kpiScore(actual: any[][], target: any[][], direction?: any[][], baseline?: any[][], cap?: any[][]): any[][] {
  return toExcelResult(fn.KPISCORE(actual, target, direction, baseline, cap));
}

/**
 * A KPI's achievement: (actual − baseline) / (target − baseline), not clamped.
 * @customfunction KPIACHIEVEMENT
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#21-kpi-score
 * @param actual The actual value, or a range of them.
 * @param target The target, or a range of targets.
 * @param [direction] higher (default), lower or range.
 * @param [baseline] The worst value; default 0 for higher, 2 × target for lower.
 * @returns The achievement (1 = on target).
 */
export function kpiAchievement(actual: any[][], target: any[][], direction?: any[][], baseline?: any[][]): any[][] {
  return toExcelResult(fn.KPIACHIEVEMENT(actual, target, direction, baseline));
}

/**
 * A KPI's status: Green on target, Amber within the tolerance, else Red; No data without an actual.
 * @customfunction KPISTATUS
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#21-kpi-score
 * @param actual The actual value, or a range of them.
 * @param target The target, or a range of targets.
 * @param [direction] higher (default), lower or range.
 * @param [baseline] The worst value; default 0 for higher, 2 × target for lower.
 * @param [tolerance] The Amber band, such as 10% (the default).
 * @returns Green, Amber, Red or No data.
 */
export function kpiStatus(actual: any[][], target: any[][], direction?: any[][], baseline?: any[][], tolerance?: any[][]): any[][] {
  return toExcelResult(fn.KPISTATUS(actual, target, direction, baseline, tolerance));
}

/**
 * Budget variance, positive when favourable: budget − actual for a cost, actual − budget for revenue.
 * @customfunction VARIANCE
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#23-budget-variance
 * @param actual The actual, or a range of them.
 * @param budget The budget, or a range of budgets.
 * @param [type] cost (default) or revenue.
 * @returns The variance; positive is favourable.
 */
export function variance(actual: any[][], budget: any[][], type?: any[][]): any[][] {
  return toExcelResult(fn.VARIANCE(actual, budget, type));
}

/**
 * Budget variance as a share of the budget (favourable positive).
 * @customfunction VARIANCEPCT
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#23-budget-variance
 * @param actual The actual, or a range of them.
 * @param budget The budget, or a range of budgets.
 * @param [type] cost (default) or revenue.
 * @returns The variance divided by the budget.
 */
export function variancePct(actual: any[][], budget: any[][], type?: any[][]): any[][] {
  return toExcelResult(fn.VARIANCEPCT(actual, budget, type));
}

/**
 * Budget status: On budget within the tolerance, else Favourable or Unfavourable.
 * @customfunction VARIANCESTATUS
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#23-budget-variance
 * @param actual The actual, or a range of them.
 * @param budget The budget, or a range of budgets.
 * @param [type] cost (default) or revenue.
 * @param [tolerance] The On budget band, such as 5% (the default).
 * @returns Favourable, On budget, Unfavourable or No data.
 */
export function varianceStatus(actual: any[][], budget: any[][], type?: any[][], tolerance?: any[][]): any[][] {
  return toExcelResult(fn.VARIANCESTATUS(actual, budget, type, tolerance));
}

/**
 * The budget flexed to the actual volume: budget × (fixed + (1 − fixed) × actual volume / budget volume).
 * @customfunction FLEXBUDGET
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#23-budget-variance
 * @param budget The budget, or a range of budgets.
 * @param budgetVolume The planned volume (leads, orders, tickets…).
 * @param actualVolume The actual volume.
 * @param [fixedShare] The share of the budget that does not move with volume; default 0.
 * @returns The flexed budget.
 */
export function flexBudget(budget: any[][], budgetVolume: any[][], actualVolume: any[][], fixedShare?: any[][]): any[][] {
  return toExcelResult(fn.FLEXBUDGET(budget, budgetVolume, actualVolume, fixedShare));
}

/**
 * A full-period forecast at the run rate: actual to date × periods / elapsed periods.
 * @customfunction RUNRATE
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#23-budget-variance
 * @param ytdActual The actual to date.
 * @param periodsElapsed Periods elapsed so far.
 * @param totalPeriods Periods in the whole budget.
 * @returns The forecast for the full period.
 */
export function runRate(ytdActual: any[][], periodsElapsed: any[][], totalPeriods: any[][]): any[][] {
  return toExcelResult(fn.RUNRATE(ytdActual, periodsElapsed, totalPeriods));
}

/**
 * Spend per outcome: spend / outcomes.
 * @customfunction COSTPER
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#23-budget-variance
 * @param spend The spend, or a range of it.
 * @param outcomes The outcomes (leads, orders…).
 * @returns The cost per outcome.
 */
export function costPer(spend: any[][], outcomes: any[][]): any[][] {
  return toExcelResult(fn.COSTPER(spend, outcomes));
}

/**
 * The weighted mean of scores, blanks skipped: Σ weight × score / Σ weight.
 * @customfunction WEIGHTEDSCORE
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#22-roll-ups
 * @param scores The scores.
 * @param [weights] Their weights, the same shape; default 1 each.
 * @returns The weighted mean score.
 */
export function weightedScore(scores: any[][], weights?: any[][]): any[][] {
  return toExcelResult(fn.WEIGHTEDSCORE(scores, weights));
}

/**
 * A balanced scorecard of a Journey table: one row per group with score, status and counts.
 * @customfunction SCORECARD
 * @helpurl https://github.com/journey-scorecard/journey-scorecard/blob/main/docs/formulas.md#4-custom-functions
 * @param journeyRange The Journey table, header row included.
 * @param [groupBy] perspective (default), stage, touchpoint or matrix.
 * @returns A table that spills: a header row, then one row per group.
 */
export function scorecard(journeyRange: any[][], groupBy?: any[][]): any[][] {
  return toExcelResult(fn.SCORECARD(journeyRange, groupBy));
}
