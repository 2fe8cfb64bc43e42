/**
 * The computed result as plain JSON for scripts (`journey-scorecard build --json`):
 * numbers as fractions, a missing figure as null.
 */
import { Analysis } from "../compute/analyse";
import { Problem } from "../input/problems";
import { RollUp } from "../compute/rollup";
import { trendSymbol } from "../compute/scoring";

function group(r: RollUp) {
  return { name: r.name, score: r.score, status: r.status, kpis: r.kpis, withData: r.withData, red: r.red, amber: r.amber };
}

export function analysisToJson(a: Analysis) {
  const card = a.scorecard;
  return {
    asOf: a.asOf,
    periods: a.periods,
    overall: { score: card.overall.score, status: card.overall.status, kpis: card.overall.kpis, withData: card.overall.withData, red: card.overall.red, amber: card.overall.amber },
    perspectives: card.perspectives.map(group),
    stages: a.stages.map((s) => ({
      name: s.name,
      inJourney: s.inJourney,
      score: s.score,
      status: s.status,
      kpis: s.kpis,
      momentsOfTruth: s.momentsOfTruth,
      momentsAtRisk: s.momentsAtRisk,
      budget: s.budget,
      actual: s.actual,
      variance: s.variance,
      variancePct: s.variancePct,
      spendStatus: s.spendStatus,
      spendShare: s.spendShare,
      costPerOutcome: s.costPerOutcome,
      revenueActual: s.revenueActual,
      returnOnSpend: s.returnOnSpend,
    })),
    stagePerspectives: card.stagePerspectives.map((row) => ({
      stage: row.stage,
      perspectives: Object.fromEntries(row.cells.map((c) => [c.name, { score: c.score, status: c.status, kpis: c.kpis }])),
    })),
    touchpoints: card.touchpoints.map(group),
    objectives: card.objectives.map(group),
    momentsOfTruth: group(card.momentsOfTruth),
    kpis: card.kpis.map((k) => ({
      stage: k.stage,
      touchpoint: k.touchpoint,
      perspective: k.perspective,
      kpi: k.kpi,
      objective: k.objective,
      momentOfTruth: k.momentOfTruth,
      direction: k.direction,
      period: k.period,
      baseline: k.baseline,
      target: k.target,
      targetMax: k.targetMax,
      actual: k.actual,
      weight: k.weight,
      achievement: k.achievement,
      score: k.score,
      status: k.status,
      trend: k.trend,
      trendSymbol: trendSymbol(k.trend),
      previousPeriod: k.previousPeriod,
    })),
    budgetLines: a.budgetLines.map((l) => ({
      stage: l.stage,
      touchpoint: l.touchpoint,
      lineItem: l.lineItem,
      type: l.type,
      budget: l.budget,
      actual: l.actual,
      variance: l.variance,
      variancePct: l.variancePct,
      status: l.status,
      period: l.period,
      flexedBudget: l.flexedBudget,
      volumeVariance: l.volumeVariance,
      spendingVariance: l.spendingVariance,
      costPerOutcome: l.costPerOutcome,
      budgetCostPerOutcome: l.budgetCostPerOutcome,
      fullBudget: l.fullBudget,
      forecast: l.forecast,
      forecastSource: l.forecastSource,
      forecastVariance: l.forecastVariance,
      forecastVariancePct: l.forecastVariancePct,
    })),
    budgetByStage: a.budgetByStage,
    budgetByTouchpoint: a.budgetByTouchpoint,
    budgetTotal: a.budgetTotal,
    momentsAtRisk: a.momentsAtRisk.map((k) => ({
      stage: k.stage,
      touchpoint: k.touchpoint,
      kpi: k.kpi,
      status: k.status,
      achievement: k.achievement,
      weight: k.weight,
    })),
    problems: a.problems.map(problemJson),
  };
}

export function problemJson(p: Problem) {
  return { severity: p.severity, cell: p.cell, message: p.message, value: p.value, expected: p.expected };
}
