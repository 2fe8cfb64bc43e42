/**
 * Budget variance (docs/formulas.md §2.3): favourable is always positive.
 */
import { z } from "zod";

export const LineTypeSchema = z.enum(["cost", "revenue"]);
export type LineType = z.infer<typeof LineTypeSchema>;

export const VarianceStatusSchema = z.enum(["Favourable", "On budget", "Unfavourable", "No data"]);
export type VarianceStatus = z.infer<typeof VarianceStatusSchema>;

const TYPE_WORDS: Record<string, LineType> = {
  cost: "cost", costs: "cost", expense: "cost", expenses: "cost", spend: "cost",
  revenue: "revenue", revenues: "revenue", income: "revenue", sales: "revenue",
};

/** `Expense` → cost; blank → cost; unknown → null. */
export function parseLineType(text: string): LineType | null {
  const key = text.toLowerCase().trim();
  if (key === "") return "cost";
  return TYPE_WORDS[key] ?? null;
}

/** `actual − budget` for revenue, `budget − actual` for cost. Example: cost 1000 budget, 1200 actual → −200. */
export function variance(actual: number, budget: number, type: LineType): number {
  return type === "revenue" ? actual - budget : budget - actual;
}

/** variance / |budget|; null when the budget is 0 (shown n/a). */
export function variancePct(varianceValue: number, budget: number): number | null {
  return budget === 0 ? null : finiteOrNull(varianceValue / Math.abs(budget));
}

/** A ratio over a near-zero denominator can overflow; it is then shown as n/a. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * On budget when |variance %| ≤ tolerance, else by the sign of the variance.
 * Budget 0: actual 0 is On budget, otherwise by sign. Blank actual → No data.
 */
export function varianceStatus(actual: number | null, budget: number, type: LineType, tolerance: number): VarianceStatus {
  if (actual === null) return "No data";
  const v = variance(actual, budget, type);
  const pct = variancePct(v, budget);
  if (pct === null) {
    if (v === 0) return "On budget";
  } else if (Math.abs(pct) <= tolerance + 1e-12) {
    return "On budget";
  }
  return v > 0 ? "Favourable" : "Unfavourable";
}

/**
 * `budget × (fixed + (1 − fixed) × actualVolume / budgetVolume)`.
 * Example: budget 1000, 40% fixed, volume 120 of 100 → 1000 × (0.4 + 0.6 × 1.2) = 1120.
 */
export function flexedBudget(budget: number, budgetVolume: number, actualVolume: number, fixedShare: number): number {
  return budget * (fixedShare + (1 - fixedShare) * (actualVolume / budgetVolume));
}

/** The part of the variance due to volume: budget − flexed (cost), flexed − budget (revenue). */
export function volumeVariance(budget: number, flexed: number, type: LineType): number {
  return type === "revenue" ? flexed - budget : budget - flexed;
}

/** The part due to spending or price: flexed − actual (cost), actual − flexed (revenue). */
export function spendingVariance(actual: number, flexed: number, type: LineType): number {
  return type === "revenue" ? actual - flexed : flexed - actual;
}

/** Spend per outcome; null when there are no outcomes. Example: 5000 over 250 leads → 20. */
export function costPerOutcome(spend: number, outcomes: number): number | null {
  return outcomes === 0 ? null : finiteOrNull(spend / outcomes);
}

/** `YTD actual × periods / elapsed periods`. Example: 300 after 3 of 12 → 1200. */
export function runRateForecast(ytdActual: number, elapsedPeriods: number, totalPeriods: number): number | null {
  return elapsedPeriods <= 0 ? null : (ytdActual * totalPeriods) / elapsedPeriods;
}
