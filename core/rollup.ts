/**
 * Roll-ups (SPEC §2.2): weighted mean of KPI scores over rows with data.
 */
import { z } from "zod";
import { KpiStatus, KpiStatusSchema, kpiStatus } from "./scoring";

/** What a roll-up needs of each KPI. */
export interface RollUpMember {
  score: number | null;
  weight: number;
  status: KpiStatus;
}

export const RollUpSchema = z.object({
  name: z.string(),
  /** Σ w·s / Σ w over KPIs with data; null when none have data or their weights sum to 0. */
  score: z.number().nullable(),
  status: KpiStatusSchema,
  kpis: z.number().int(),
  withData: z.number().int(),
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  /** True when KPIs have data but every weight is 0 (the group has no score: a warning). */
  zeroWeights: z.boolean(),
});
export type RollUp = z.infer<typeof RollUpSchema>;

/**
 * Example: scores 1 (w 2) and 0.5 (w 1) and one KPI without data → (2 + 0.5) / 3 = 0.8333,
 * kpis 3, withData 2.
 */
export function rollUp(name: string, members: readonly RollUpMember[], tolerance: number): RollUp {
  let weighted = 0;
  let weights = 0;
  let withData = 0;
  let red = 0;
  let amber = 0;
  let green = 0;
  for (const m of members) {
    if (m.status === "Red") red++;
    else if (m.status === "Amber") amber++;
    else if (m.status === "Green") green++;
    if (m.score === null) continue;
    withData++;
    weighted += m.weight * m.score;
    weights += m.weight;
  }
  const score = weights > 0 ? weighted / weights : null;
  return {
    name,
    score,
    status: kpiStatus(score, tolerance),
    kpis: members.length,
    withData,
    red,
    amber,
    green,
    zeroWeights: withData > 0 && weights === 0,
  };
}

/** Weighted mean of scores, blanks skipped (null scores); null when Σ weights is 0. */
export function weightedMean(scores: readonly (number | null)[], weights?: readonly number[]): number | null {
  let weighted = 0;
  let total = 0;
  scores.forEach((s, i) => {
    if (s === null) return;
    const w = weights ? weights[i] : 1;
    weighted += w * s;
    total += w;
  });
  return total > 0 ? weighted / total : null;
}
