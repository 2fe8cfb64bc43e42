/**
 * Roll-ups (docs/formulas.md §2.2): weighted mean of KPI scores over rows with data.
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
  /** True when KPIs have data but every weight is 0 (the group has no score: a warning). */
  zeroWeights: z.boolean(),
});
export type RollUp = z.infer<typeof RollUpSchema>;

/**
 * A roll-up's running sums, members added one at a time: one pass over the KPIs fills the
 * sums of every group a KPI belongs to. Example: scores 1 (w 2) and 0.5 (w 1) and one KPI
 * without data → (2 + 0.5) / 3 = 0.8333, kpis 3, withData 2.
 */
export class RollUpSums {
  private weighted = 0;
  private weights = 0;
  private kpis = 0;
  private withData = 0;
  private red = 0;
  private amber = 0;
  private withoutTarget = 0;

  add(m: RollUpMember): void {
    this.kpis++;
    if (m.status === "Red") this.red++;
    else if (m.status === "Amber") this.amber++;
    else if (m.status === "No target") this.withoutTarget++;
    if (m.score === null) return;
    this.withData++;
    this.weighted += m.weight * m.score;
    this.weights += m.weight;
  }

  rollUp(name: string, tolerance: number): RollUp {
    const score = this.weights > 0 ? this.weighted / this.weights : null;
    // A group of KPIs none of which has a target yet (a monitoring sheet) says so, not "No data".
    const noTarget = this.kpis > 0 && this.withoutTarget === this.kpis;
    return {
      name,
      score,
      status: noTarget ? "No target" : kpiStatus(score, tolerance),
      kpis: this.kpis,
      withData: this.withData,
      red: this.red,
      amber: this.amber,
      zeroWeights: this.withData > 0 && this.weights === 0,
    };
  }
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
