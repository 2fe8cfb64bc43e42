/**
 * The journey view (docs/formulas.md §2.4): scorecard and budget joined on Stage (and Touchpoint where
 * both have it), stage by stage in journey order.
 */
import { z } from "zod";
import { VarianceStatusSchema } from "./variance";
import { BudgetGroup } from "./budget-lines";
import { groupByName, nameKey, touchpointKey } from "./group";
import { RollUp } from "./rollup";
import { KpiStatusSchema } from "./scoring";
import { Scorecard } from "./scorecard";

export const SpendSchema = z.object({
  /** Cost lines only (year to date with periods). */
  budget: z.number().nullable(),
  actual: z.number().nullable(),
  variance: z.number().nullable(),
  variancePct: z.number().nullable(),
  spendStatus: VarianceStatusSchema,
  /** Share of the total cost actual. */
  spendShare: z.number().nullable(),
  /** Σ actual cost of cost lines with an actual volume ÷ Σ those volumes. */
  costPerOutcome: z.number().nullable(),
  revenueActual: z.number().nullable(),
  /** (revenue actual − cost actual) / cost actual, where the stage has revenue lines. */
  returnOnSpend: z.number().nullable(),
});

export const StageViewSchema = SpendSchema.extend({
  name: z.string(),
  /** False for a stage found only in the Budget table. */
  inJourney: z.boolean(),
  score: z.number().nullable(),
  status: KpiStatusSchema,
  kpis: z.number().int(),
  momentsOfTruth: z.number().int(),
  momentsAtRisk: z.number().int(),
});
export type StageView = z.infer<typeof StageViewSchema>;

export const TouchpointViewSchema = SpendSchema.extend({
  stage: z.string(),
  touchpoint: z.string(),
  score: z.number().nullable(),
  status: KpiStatusSchema,
  kpis: z.number().int(),
});
export type TouchpointView = z.infer<typeof TouchpointViewSchema>;


/** The budget side of the journey view, grouped once by the analysis for both views. */
export interface JourneyBudget {
  byStage: BudgetGroup[];
  byTouchpoint: BudgetGroup[];
  /** Actual of all cost lines (the base of spend shares). */
  totalCostActual: number | null;
}

function spendOf(group: BudgetGroup | undefined, totalCostActual: number | null): z.infer<typeof SpendSchema> {
  const c = group?.totals.cost ?? null;
  const revenueActual = group?.totals.revenue?.actual ?? null;
  // Cost per outcome: only cost lines that have both an actual and an actual volume.
  const volume = group?.outcomeVolume ?? 0;
  const spendWithVolume = group?.outcomeSpend ?? 0;
  const costActual = c?.actual ?? null;
  return {
    budget: c ? c.budget : null,
    actual: costActual,
    variance: c?.variance ?? null,
    variancePct: c?.variancePct ?? null,
    spendStatus: c?.status ?? "No data",
    spendShare: costActual !== null && totalCostActual ? costActual / totalCostActual : null,
    costPerOutcome: volume > 0 ? spendWithVolume / volume : null,
    revenueActual,
    returnOnSpend: revenueActual !== null && costActual ? (revenueActual - costActual) / costActual : null,
  };
}

/** Stages in journey order, then stages found only in the budget. */
export function buildJourneyView(card: Scorecard, budget: JourneyBudget): {
  stages: StageView[];
  touchpoints: TouchpointView[];
  budgetOnlyStages: string[];
} {
  const { totalCostActual } = budget;
  const budgetOfStage = new Map(budget.byStage.map((g) => [nameKey(g.stage), g]));
  const kpisByStage = groupByName(card.kpis, (k) => k.stage);
  const journeyStages = new Set(card.stageOrder.map(nameKey));
  const budgetOnlyStages = budget.byStage.map((g) => g.stage).filter((s) => !journeyStages.has(nameKey(s)));

  const stageRollUps = new Map(card.stages.map((r) => [nameKey(r.name), r]));
  const stages: StageView[] = [...card.stageOrder, ...budgetOnlyStages].map((name) => {
    const key = nameKey(name);
    const roll: RollUp | undefined = stageRollUps.get(key);
    const kpis = kpisByStage.get(key) ?? [];
    const mot = kpis.filter((k) => k.momentOfTruth);
    return {
      name,
      inJourney: journeyStages.has(key),
      score: roll?.score ?? null,
      status: roll?.status ?? "No data",
      kpis: kpis.length,
      momentsOfTruth: mot.length,
      momentsAtRisk: mot.filter((k) => k.status === "Amber" || k.status === "Red").length,
      ...spendOf(budgetOfStage.get(key), totalCostActual),
    };
  });

  const budgetOfTouchpoint = new Map(budget.byTouchpoint.map((g) => [touchpointKey(g), g]));
  const seen = new Set<string>();
  const touchpoints: TouchpointView[] = [];
  const addTouchpoint = (stage: string, touchpoint: string, roll: RollUp | null) => {
    const key = touchpointKey({ stage, touchpoint });
    if (seen.has(key)) return;
    seen.add(key);
    touchpoints.push({
      stage,
      touchpoint,
      score: roll?.score ?? null,
      status: roll?.status ?? "No data",
      kpis: roll?.kpis ?? 0,
      ...spendOf(budgetOfTouchpoint.get(key), totalCostActual),
    });
  };
  for (const t of card.touchpoints) if (t.touchpoint) addTouchpoint(t.stage, t.touchpoint, t);
  for (const g of budget.byTouchpoint) addTouchpoint(g.stage, g.touchpoint, null);
  // Keep journey order: stage first, then touchpoints in order of appearance.
  const stageRank = new Map(stages.map((s, i) => [nameKey(s.name), i]));
  touchpoints.sort((a, b) => (stageRank.get(nameKey(a.stage)) ?? 0) - (stageRank.get(nameKey(b.stage)) ?? 0));
  return { stages, touchpoints, budgetOnlyStages };
}
