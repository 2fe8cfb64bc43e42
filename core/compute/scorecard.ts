/**
 * The balanced scorecard: KPIs of the as-of period scored, with trends, and rolled up by
 * perspective, stage, stage × perspective, touchpoint, objective and moments of truth.
 */
import { z } from "zod";
import { SumsByKey, groupBy, nameKey, touchpointKey } from "./group";
import { KpiRow, KpiRowSchema, PERSPECTIVES, kpiDefinitionOf } from "../input/journey-table";
import { Problem, problem } from "../input/problems";
import { RollUp, RollUpSums } from "./rollup";
import { KpiStatusSchema, kpiResult, kpiTrend } from "./scoring";
import { Settings } from "../input/settings";

export const ScoredKpiSchema = KpiRowSchema.extend({
  /** Raw ratio; may exceed 1 or go below 0. null without data. */
  achievement: z.number().nullable(),
  /** Achievement clamped to [0, cap]. */
  score: z.number().nullable(),
  status: KpiStatusSchema,
  /** Score now minus score at `previousPeriod`. */
  trend: z.number().nullable(),
  previousPeriod: z.string().nullable(),
});
export type ScoredKpi = z.infer<typeof ScoredKpiSchema>;

export interface Scorecard {
  kpis: ScoredKpi[];
  overall: RollUp;
  /** Empty when the KPIs have no perspective. */
  perspectives: RollUp[];
  stages: RollUp[];
  /** Heat map: one roll-up per stage × perspective (name = perspective), stages in journey order. */
  stagePerspectives: { stage: string; cells: RollUp[] }[];
  touchpoints: (RollUp & { stage: string; touchpoint: string })[];
  objectives: RollUp[];
  momentsOfTruth: RollUp;
  /** Stage names in journey order (first appearance in the Journey table). */
  stageOrder: string[];
}

/**
 * Scores one KPI row. The fields are listed one by one (not spread) so that every scored
 * KPI shares one compact object shape (docs/performance.md).
 */
export function scoreKpi(row: KpiRow, settings: Settings): ScoredKpi {
  const result = kpiResult(row.actual, kpiDefinitionOf(row), settings.scoreCap, row.tolerance ?? settings.kpiTolerance);
  return {
    rowIndex: row.rowIndex,
    sheetRow: row.sheetRow,
    stage: row.stage,
    touchpoint: row.touchpoint,
    momentOfTruth: row.momentOfTruth,
    perspective: row.perspective,
    objective: row.objective,
    initiative: row.initiative,
    kpi: row.kpi,
    unit: row.unit,
    direction: row.direction,
    baseline: row.baseline,
    target: row.target,
    targetMax: row.targetMax,
    actual: row.actual,
    weight: row.weight,
    tolerance: row.tolerance,
    period: row.period,
    owner: row.owner,
    achievement: result.achievement,
    score: result.score,
    status: result.status,
    trend: null,
    previousPeriod: null,
  };
}

/**
 * Scores the rows of the as-of period (all rows without periods); earlier periods of the
 * same KPI feed the trend.
 */
export function buildScorecard(
  rows: readonly KpiRow[],
  byKpi: ReadonlyMap<string, readonly KpiRow[]>,
  asOf: string | null,
  periodIndex: ReadonlyMap<string, number>,
  settings: Settings,
  problems: Problem[],
): Scorecard {
  const asOfIndex = asOf === null ? -1 : (periodIndex.get(asOf) ?? -1);
  // A row without a period belongs to a Journey table without periods (only the Budget
  // table has them): it is current whatever the as-of period.
  const isCurrent = (row: KpiRow) => asOf === null || row.period === null || row.period === asOf;
  const scored = new Map(rows.filter(isCurrent).map((row) => [row, scoreKpi(row, settings)]));
  if (asOf !== null) addTrends(byKpi, scored, asOfIndex, periodIndex, settings);
  const current = [...scored.values()];
  const stageOrder = [...groupBy(rows, (r) => nameKey(r.stage)).values()].map((group) => group[0].stage);
  const scorecard: Scorecard = { kpis: current, ...rollUps(current, stageOrder, settings.kpiTolerance), stageOrder };
  warnZeroWeights(scorecard, problems);
  return scorecard;
}

/**
 * Every roll-up of §2.2 from one pass over the current KPIs. Groups come in journey order
 * (stages), the order of the perspectives, or the order in which they first appear
 * (touchpoints, objectives); a group is named as its first KPI has it.
 */
function rollUps(current: readonly ScoredKpi[], stageOrder: readonly string[], tol: number): Omit<Scorecard, "kpis" | "stageOrder"> {
  const stageIndex = new Map(stageOrder.map((s, i) => [nameKey(s), i]));
  const perspectiveIndex = new Map(PERSPECTIVES.map((p, i) => [p, i]));
  // Without perspectives (a KPI sheet without the column), the scorecard rolls up by stage,
  // touchpoint and objective only: no empty perspective rows.
  const byPerspective = current.some((k) => k.perspective !== null);
  const overall = new RollUpSums();
  const moments = new RollUpSums();
  const perspectives = PERSPECTIVES.map(() => new RollUpSums());
  const stages = stageOrder.map(() => new RollUpSums());
  const heatMap = stageOrder.map(() => PERSPECTIVES.map(() => new RollUpSums()));
  const touchpoints = new SumsByKey<ScoredKpi, RollUpSums>(() => new RollUpSums());
  const objectives = new SumsByKey<ScoredKpi, RollUpSums>(() => new RollUpSums());
  for (const k of current) {
    const stage = stageIndex.get(nameKey(k.stage))!;
    overall.add(k);
    if (k.momentOfTruth) moments.add(k);
    stages[stage].add(k);
    if (k.perspective !== null) {
      const perspective = perspectiveIndex.get(k.perspective)!;
      perspectives[perspective].add(k);
      heatMap[stage][perspective].add(k);
    }
    touchpoints.of(touchpointKey(k), k).add(k);
    // KPIs without an objective are in no objective's roll-up.
    if (k.objective) objectives.of(nameKey(k.objective), k).add(k);
  }
  return {
    overall: overall.rollUp("Overall", tol),
    perspectives: byPerspective ? perspectives.map((sums, p) => sums.rollUp(PERSPECTIVES[p], tol)) : [],
    stages: stages.map((sums, s) => sums.rollUp(stageOrder[s], tol)),
    stagePerspectives: !byPerspective ? [] : heatMap.map((cells, s) => ({ stage: stageOrder[s], cells: cells.map((sums, p) => sums.rollUp(PERSPECTIVES[p], tol)) })),
    touchpoints: touchpoints.map(({ stage, touchpoint }, sums) => ({ ...sums.rollUp(touchpoint ? `${stage} / ${touchpoint}` : stage, tol), stage, touchpoint })),
    objectives: objectives.map((first, sums) => sums.rollUp(first.objective, tol)),
    momentsOfTruth: moments.rollUp("Moments of truth", tol),
  };
}

/**
 * Trend of each current KPI against the latest earlier period in which the same KPI
 * (Stage + Touchpoint + Perspective + KPI) has data.
 */
function addTrends(
  byKpi: ReadonlyMap<string, readonly KpiRow[]>,
  scored: ReadonlyMap<KpiRow, ScoredKpi>,
  asOfIndex: number,
  periodIndex: ReadonlyMap<string, number>,
  settings: Settings,
): void {
  for (const rows of byKpi.values()) {
    if (rows.length < 2) continue;
    const now = rows.flatMap((row) => scored.get(row) ?? []);
    for (const row of rows) {
      if (row.actual === null || row.period === null || scored.has(row)) continue;
      const idx = periodIndex.get(row.period)!;
      if (idx >= asOfIndex) continue;
      for (const k of now) {
        if (k.previousPeriod !== null && periodIndex.get(k.previousPeriod)! >= idx) continue;
        k.previousPeriod = row.period;
        k.trend = kpiTrend(k.score, kpiResult(row.actual, kpiDefinitionOf(row), settings.scoreCap, 0).score);
      }
    }
  }
}

function warnZeroWeights(card: Scorecard, problems: Problem[]): void {
  const groups: [string, RollUp][] = [
    ["overall", card.overall],
    ...card.perspectives.map((r): [string, RollUp] => ["perspective", r]),
    ...card.stages.map((r): [string, RollUp] => ["stage", r]),
    ...card.touchpoints.map((r): [string, RollUp] => ["touchpoint", r]),
    ...card.objectives.map((r): [string, RollUp] => ["objective", r]),
  ];
  for (const [kind, group] of groups) {
    if (!group.zeroWeights) continue;
    problems.push(
      problem({
        severity: "warning",
        table: "journey",
        cell: null,
        value: "weight 0 on every row",
        expected: "at least one KPI with a weight above 0",
        what: `The ${kind} "${group.name}" has no score because every KPI with data in it has weight 0`,
      }),
    );
  }
}

/** How much a KPI at risk weighs on the journey: weight × (1 − achievement). */
export function riskOf(k: Pick<ScoredKpi, "weight" | "achievement">): number {
  return k.weight * (1 - (k.achievement ?? 0));
}

/** Moments of truth at Amber or Red, worst first by weight × (1 − achievement). */
export function momentsAtRisk(kpis: readonly ScoredKpi[]): ScoredKpi[] {
  return kpis
    .filter((k) => k.momentOfTruth && (k.status === "Amber" || k.status === "Red"))
    .sort((a, b) => riskOf(b) - riskOf(a));
}
