/**
 * The balanced scorecard: KPIs of the as-of period scored, with trends, and rolled up by
 * perspective, stage, stage × perspective, touchpoint, objective and moments of truth.
 */
import { z } from "zod";
import { Groups, firstItemOf, groupIndexesByName, groupIndexesBySame, groupNumbers, nameKey, sameStage, touchpointKey } from "./group";
import { KpiRow, KpiRowSchema, PERSPECTIVES, sameKpiOfName } from "../input/journey-table";
import { Problem, problem } from "../input/problems";
import { RollUp, RollUpSums } from "./rollup";
import { KpiStatusSchema, kpiAchievement, kpiScore, kpiStatus, kpiTrend } from "./scoring";
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

/** Achievement of a row, or null without data. */
function achievementOf(row: KpiRow): number | null {
  return row.actual === null ? null : kpiAchievement(row.actual, row);
}

/**
 * Scores one KPI row. The fields are listed one by one (not spread) so that every scored
 * KPI shares one compact object shape: spreading 20 fields made 100k rows several times slower.
 */
export function scoreKpi(row: KpiRow, settings: Settings): ScoredKpi {
  const tolerance = row.tolerance ?? settings.kpiTolerance;
  const achievement = achievementOf(row);
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
    achievement,
    score: achievement === null ? null : kpiScore(achievement, settings.scoreCap),
    status: kpiStatus(achievement, tolerance),
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
  asOf: string | null,
  periodIndex: ReadonlyMap<string, number>,
  settings: Settings,
  problems: Problem[],
  kpiNames: Groups = groupIndexesByName(rows, (r) => r.kpi),
): Scorecard {
  const asOfIndex = asOf === null ? -1 : (periodIndex.get(asOf) ?? -1);
  const current: ScoredKpi[] = [];
  // The scored KPI of each current row, by row index (for trends).
  const scoredAt: (ScoredKpi | undefined)[] = new Array(rows.length);
  // Stages are noted in the same pass: at 100k rows every pass over them costs 3× per row what it does at 1k.
  const journey = new JourneyOrder();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    journey.note(row.stage);
    // A row without a period belongs to a Journey table without periods (only the Budget
    // table has them): it is current whatever the as-of period.
    if (asOf === null || row.period === null || row.period === asOf) current.push((scoredAt[i] = scoreKpi(row, settings)));
  }
  if (asOf !== null) addTrends(rows, scoredAt, kpiNames, asOfIndex, periodIndex, settings);

  const stageOrder = journey.stages;
  const scorecard: Scorecard = { kpis: current, ...rollUps(current, stageOrder, settings.kpiTolerance), stageOrder };
  warnZeroWeights(scorecard, problems);
  return scorecard;
}

/**
 * Every roll-up of §2.2 from one pass over the current KPIs (see RollUpSums for why one).
 * Groups come in journey order (stages), the order of the perspectives, or the order in
 * which they first appear (touchpoints, objectives).
 */
function rollUps(current: readonly ScoredKpi[], stageOrder: readonly string[], tol: number): Omit<Scorecard, "kpis" | "stageOrder"> {
  const stageIndex = new Map(stageOrder.map((s, i) => [nameKey(s), i]));
  const perspectiveIndex = new Map(PERSPECTIVES.map((p, i) => [p, i]));
  const touchpointGroups = groupIndexesBySame(current, (k) => k.touchpoint, sameStage, touchpointKey);
  const objectiveGroups = groupIndexesByName(current, (k) => k.objective);
  const touchpointOf = groupNumbers(touchpointGroups);
  const objectiveOf = groupNumbers(objectiveGroups);
  const overall = new RollUpSums();
  const moments = new RollUpSums();
  const perspectives = PERSPECTIVES.map(() => new RollUpSums());
  const stages = stageOrder.map(() => new RollUpSums());
  const heatMap = stageOrder.map(() => PERSPECTIVES.map(() => new RollUpSums()));
  const touchpoints = Array.from({ length: touchpointGroups.count }, () => new RollUpSums());
  const objectives = Array.from({ length: objectiveGroups.count }, () => new RollUpSums());
  for (let i = 0; i < current.length; i++) {
    const k = current[i];
    const stage = stageIndex.get(nameKey(k.stage))!;
    const perspective = perspectiveIndex.get(k.perspective)!;
    overall.add(k);
    if (k.momentOfTruth) moments.add(k);
    perspectives[perspective].add(k);
    stages[stage].add(k);
    heatMap[stage][perspective].add(k);
    touchpoints[touchpointOf[i]].add(k);
    objectives[objectiveOf[i]].add(k);
  }
  // A group is named after its first KPI, as typed there.
  return {
    overall: overall.rollUp("Overall", tol),
    perspectives: perspectives.map((sums, p) => sums.rollUp(PERSPECTIVES[p], tol)),
    stages: stages.map((sums, s) => sums.rollUp(stageOrder[s], tol)),
    stagePerspectives: heatMap.map((cells, s) => ({ stage: stageOrder[s], cells: cells.map((sums, p) => sums.rollUp(PERSPECTIVES[p], tol)) })),
    touchpoints: touchpoints.map((sums, g) => {
      const { stage, touchpoint } = firstItemOf(touchpointGroups, g, current);
      return { ...sums.rollUp(touchpoint ? `${stage} / ${touchpoint}` : stage, tol), stage, touchpoint };
    }),
    // KPIs without an objective are in no objective's roll-up.
    objectives: objectives.flatMap((sums, g) => (objectiveGroups.keys[g] ? [sums.rollUp(firstItemOf(objectiveGroups, g, current).objective, tol)] : [])),
    momentsOfTruth: moments.rollUp("Moments of truth", tol),
  };
}

/** Stage names in order of first appearance (case- and space-insensitive), noted row by row. */
class JourneyOrder {
  readonly stages: string[] = [];
  private readonly seenText = new Set<string>();
  private readonly seenKey = new Set<string>();

  note(stage: string): void {
    if (this.seenText.has(stage)) return;
    this.seenText.add(stage);
    const key = nameKey(stage);
    if (this.seenKey.has(key)) return;
    this.seenKey.add(key);
    this.stages.push(stage);
  }
}

/**
 * Trend of each current KPI against the latest earlier period in which the same KPI
 * (Stage + Touchpoint + Perspective + KPI) has data. KPIs are matched by name first, then
 * by the rest of the key, which avoids building a composite key string for every row.
 */
function addTrends(
  rows: readonly KpiRow[],
  scoredAt: readonly (ScoredKpi | undefined)[],
  kpiNames: Groups,
  asOfIndex: number,
  periodIndex: ReadonlyMap<string, number>,
  settings: Settings,
): void {
  const { starts, members } = kpiNames;
  // The current KPIs of one name; reused across names (emptying an array frees its storage).
  const now: ScoredKpi[] = [];
  for (let g = 0; g < kpiNames.count; g++) {
    const from = starts[g];
    const to = starts[g + 1];
    let nowCount = 0;
    for (let m = from; m < to; m++) {
      const k = scoredAt[members[m]];
      if (k) now[nowCount++] = k;
    }
    if (nowCount === 0 || nowCount === to - from) continue;
    for (let m = from; m < to; m++) {
      const i = members[m];
      const row = rows[i];
      if (scoredAt[i] || row.actual === null) continue;
      const idx = periodIndex.get(row.period!)!;
      if (idx >= asOfIndex) continue;
      for (let c = 0; c < nowCount; c++) {
        const k = now[c];
        if (!sameKpiOfName(k, row) || (k.previousPeriod !== null && periodIndex.get(k.previousPeriod)! >= idx)) continue;
        k.previousPeriod = row.period;
        k.trend = kpiTrend(k.score, kpiScore(kpiAchievement(row.actual!, row), settings.scoreCap));
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
