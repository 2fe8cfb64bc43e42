/**
 * The computed result as plain JSON: what `journey-scorecard build --json` prints and what
 * the Sheets sidebar receives from its server. Numbers are fractions, a missing figure is
 * null. The keys below are stable (README, "JSON").
 */
import { ColumnsFoundSchema } from "../input/header-match";
import { z } from "zod";
import type { Analysis } from "../compute/analyse";
import { BudgetLineSchema, VarianceFiguresSchema } from "../compute/budget-lines";
import { StageViewSchema } from "../compute/journey-view";
import { RollUp, RollUpSchema } from "../compute/rollup";
import { ScoredKpiSchema } from "../compute/scorecard";
import { KpiStatusSchema, trendSymbol } from "../compute/scoring";
import { Problem, ProblemSchema } from "../input/problems";

const GroupJsonSchema = RollUpSchema.pick({ name: true, score: true, status: true, kpis: true, withData: true, red: true, amber: true });

const BudgetTotalJsonSchema = z.object({ name: z.string(), cost: VarianceFiguresSchema.nullable(), revenue: VarianceFiguresSchema.nullable() });

export const ProblemJsonSchema = ProblemSchema.pick({ severity: true, cell: true, message: true, value: true, expected: true });
export type ProblemJson = z.infer<typeof ProblemJsonSchema>;

export const AnalysisJsonSchema = z.object({
  asOf: z.string().nullable(),
  periods: z.array(z.string()),
  overall: GroupJsonSchema.omit({ name: true }),
  perspectives: z.array(GroupJsonSchema),
  stages: z.array(StageViewSchema),
  stagePerspectives: z.array(z.object({
    stage: z.string(),
    perspectives: z.record(z.string(), z.object({ score: z.number().nullable(), status: KpiStatusSchema, kpis: z.number().int() })),
  })),
  touchpoints: z.array(GroupJsonSchema),
  objectives: z.array(GroupJsonSchema),
  momentsOfTruth: GroupJsonSchema,
  kpis: z.array(
    ScoredKpiSchema.pick({
      stage: true, touchpoint: true, perspective: true, kpi: true, objective: true, momentOfTruth: true, direction: true, period: true,
      baseline: true, target: true, targetMax: true, actual: true, weight: true, achievement: true, score: true, status: true, trend: true, previousPeriod: true,
    }).extend({ trendSymbol: z.enum(["▲", "▼", "▬", ""]) }),
  ),
  budgetLines: z.array(
    BudgetLineSchema.pick({
      stage: true, touchpoint: true, lineItem: true, type: true, budget: true, actual: true, variance: true, variancePct: true, status: true,
      period: true, flexedBudget: true, volumeVariance: true, spendingVariance: true, costPerOutcome: true, budgetCostPerOutcome: true,
      fullBudget: true, forecast: true, forecastSource: true, forecastVariance: true, forecastVariancePct: true,
    }),
  ),
  budgetByStage: z.array(BudgetTotalJsonSchema),
  budgetByTouchpoint: z.array(BudgetTotalJsonSchema),
  budgetTotal: BudgetTotalJsonSchema,
  momentsAtRisk: z.array(ScoredKpiSchema.pick({ stage: true, touchpoint: true, kpi: true, status: true, achievement: true, weight: true })),
  problems: z.array(ProblemJsonSchema),
  /** How each table's columns were found in its header row (named, mapped in settings, guessed). */
  columns: ColumnsFoundSchema,
});
export type AnalysisJson = z.infer<typeof AnalysisJsonSchema>;

function group(r: RollUp): z.infer<typeof GroupJsonSchema> {
  return { name: r.name, score: r.score, status: r.status, kpis: r.kpis, withData: r.withData, red: r.red, amber: r.amber };
}

export function analysisToJson(a: Analysis): AnalysisJson {
  const card = a.scorecard;
  const { name: _overall, ...overall } = group(card.overall);
  return {
    asOf: a.asOf,
    periods: a.periods,
    overall,
    perspectives: card.perspectives.map(group),
    stages: a.stages.map((s) => ({
      name: s.name, inJourney: s.inJourney, score: s.score, status: s.status, kpis: s.kpis, momentsOfTruth: s.momentsOfTruth, momentsAtRisk: s.momentsAtRisk,
      budget: s.budget, actual: s.actual, variance: s.variance, variancePct: s.variancePct, spendStatus: s.spendStatus, spendShare: s.spendShare,
      costPerOutcome: s.costPerOutcome, revenueActual: s.revenueActual, returnOnSpend: s.returnOnSpend,
    })),
    stagePerspectives: card.stagePerspectives.map((row) => ({
      stage: row.stage,
      perspectives: Object.fromEntries(row.cells.map((c) => [c.name, { score: c.score, status: c.status, kpis: c.kpis }])),
    })),
    touchpoints: card.touchpoints.map(group),
    objectives: card.objectives.map(group),
    momentsOfTruth: group(card.momentsOfTruth),
    kpis: card.kpis.map((k) => ({
      stage: k.stage, touchpoint: k.touchpoint, perspective: k.perspective, kpi: k.kpi, objective: k.objective, momentOfTruth: k.momentOfTruth,
      direction: k.direction, period: k.period, baseline: k.baseline, target: k.target, targetMax: k.targetMax, actual: k.actual, weight: k.weight,
      achievement: k.achievement, score: k.score, status: k.status, trend: k.trend, trendSymbol: trendSymbol(k.trend), previousPeriod: k.previousPeriod,
    })),
    budgetLines: a.budgetLines.map((l) => ({
      stage: l.stage, touchpoint: l.touchpoint, lineItem: l.lineItem, type: l.type, budget: l.budget, actual: l.actual, variance: l.variance,
      variancePct: l.variancePct, status: l.status, period: l.period, flexedBudget: l.flexedBudget, volumeVariance: l.volumeVariance,
      spendingVariance: l.spendingVariance, costPerOutcome: l.costPerOutcome, budgetCostPerOutcome: l.budgetCostPerOutcome, fullBudget: l.fullBudget,
      forecast: l.forecast, forecastSource: l.forecastSource, forecastVariance: l.forecastVariance, forecastVariancePct: l.forecastVariancePct,
    })),
    budgetByStage: a.budgetByStage,
    budgetByTouchpoint: a.budgetByTouchpoint,
    budgetTotal: a.budgetTotal,
    momentsAtRisk: a.momentsAtRisk.map((k) => ({ stage: k.stage, touchpoint: k.touchpoint, kpi: k.kpi, status: k.status, achievement: k.achievement, weight: k.weight })),
    problems: a.problems.map(problemJson),
    columns: a.columns,
  };
}

export function problemJson(p: Problem): ProblemJson {
  return { severity: p.severity, cell: p.cell, message: p.message, value: p.value, expected: p.expected };
}
