/**
 * KPI score, achievement, status and trend (docs/formulas.md §2.1).
 */
import { z } from "zod";

export const DirectionSchema = z.enum(["higher", "lower", "range"]);
export type Direction = z.infer<typeof DirectionSchema>;

/** `No target`: a KPI whose Target is blank (not scored, still counted). */
export const KpiStatusSchema = z.enum(["Green", "Amber", "Red", "No data", "No target"]);
export type KpiStatus = z.infer<typeof KpiStatusSchema>;

/** What a KPI aims at: enough to turn an actual into an achievement. */
export interface KpiDefinition {
  direction: Direction;
  target: number;
  /** null = the default baseline (0 for higher, 2 × target for lower). */
  baseline: number | null;
  /** Upper bound of a range KPI. */
  targetMax: number | null;
}

/** Floating-point slack so that 0.9 computed as 0.8999999999 is still Amber at 10%. */
const EPSILON = 1e-9;

const DIRECTION_WORDS: Record<string, Direction> = {
  higher: "higher", higherisbetter: "higher", max: "higher", "↑": "higher", up: "higher", increase: "higher",
  lower: "lower", lowerisbetter: "lower", min: "lower", "↓": "lower", down: "lower", decrease: "lower",
  range: "range", withinrange: "range", band: "range", between: "range",
};

/** `Higher is better` → higher; blank → higher; unknown → null. */
export function parseDirection(text: string): Direction | null {
  const key = text.toLowerCase().replace(/[\s_\-.]/g, "");
  if (key === "") return "higher";
  return DIRECTION_WORDS[key] ?? null;
}

/** The baseline actually used: the row's own, else 0 (higher) or 2 × target (lower). */
export function effectiveBaseline(direction: Exclude<Direction, "range">, target: number, baseline: number | null): number {
  if (baseline !== null) return baseline;
  return direction === "higher" ? 0 : 2 * target;
}

/**
 * A lower-is-better KPI aiming at 0 without a Baseline ("zero complaints"): there is nothing to
 * scale an achievement against, so it is Green at or below 0 and Red above, with no achievement.
 */
export function isZeroTarget(def: KpiDefinition): boolean {
  return def.direction === "lower" && def.target === 0 && def.baseline === null;
}

export interface KpiResult {
  achievement: number | null;
  score: number | null;
  status: KpiStatus;
}

/**
 * Achievement, score and status of an actual against a KPI (a valid definition, or none when the
 * Target is blank). Example: higher, target 80, actual 60, cap 1, tolerance 0.1 → 0.75, 0.75, Red.
 */
export function kpiResult(actual: number | null, def: KpiDefinition | null, cap: number, tolerance: number): KpiResult {
  if (def === null) return { achievement: null, score: null, status: "No target" };
  if (actual === null) return { achievement: null, score: null, status: "No data" };
  if (isZeroTarget(def)) return actual <= 0 ? { achievement: null, score: Math.min(cap, 1), status: "Green" } : { achievement: null, score: 0, status: "Red" };
  const achievement = kpiAchievement(actual, def);
  return { achievement, score: kpiScore(achievement, cap), status: kpiStatus(achievement, tolerance) };
}

/** Why a KPI definition cannot be scored, naming the column at fault; null when it is fine. */
export function definitionProblem(def: KpiDefinition): { column: "baseline" | "target" | "targetMax"; why: string; expected: string } | null {
  const { direction, target, baseline, targetMax } = def;
  if (isZeroTarget(def)) return null;
  if (direction === "range") {
    if (targetMax === null) return { column: "targetMax", why: "is blank for a range KPI", expected: "the upper end of the range" };
    if (targetMax < target) return { column: "targetMax", why: `is below the Target ${target}`, expected: "a number ≥ Target" };
    if (targetMax <= 0) return { column: "targetMax", why: "is not above 0", expected: "a positive upper bound (above it the score falls to 0 at 2 × Target max)" };
    if (baseline !== null && baseline >= target) return { column: "baseline", why: `is not below the Target ${target}`, expected: "a Baseline below the range" };
    if (baseline === null && target <= 0) return { column: "target", why: "is not above 0 and there is no Baseline", expected: "a positive Target, or a Baseline below it" };
    return null;
  }
  const base = effectiveBaseline(direction, target, baseline);
  if (direction === "higher" && !(target > base)) {
    return baseline === null
      ? { column: "target", why: "is not above the default baseline 0", expected: "a positive Target, or a Baseline below the Target" }
      : { column: "baseline", why: target === base ? "equals the Target" : `is above the Target ${target}`, expected: "a Baseline below the Target for a higher-is-better KPI" };
  }
  if (direction === "lower" && !(target < base)) {
    return baseline === null
      ? { column: "target", why: "is not above 0, so the default baseline 2 × Target is not above it", expected: "a positive Target, or a Baseline above the Target" }
      : { column: "baseline", why: target === base ? "equals the Target" : `is below the Target ${target}`, expected: "a Baseline above the Target for a lower-is-better KPI" };
  }
  return null;
}

/**
 * Raw achievement: `(actual − baseline) / (target − baseline)`; a range KPI is 1 inside
 * [Target, Target max], scored as higher below it and as lower (baseline 2 × Target max) above.
 * Example: higher, target 80, no baseline, actual 60 → 0.75. Assumes a valid definition.
 */
export function kpiAchievement(actual: number, def: KpiDefinition): number {
  const { direction, target, baseline, targetMax } = def;
  if (direction === "range") {
    const max = targetMax as number;
    if (actual < target) return linear(actual, target, baseline ?? 0);
    if (actual > max) return linear(actual, max, 2 * max);
    return 1;
  }
  return linear(actual, target, effectiveBaseline(direction, target, baseline));
}

function linear(actual: number, target: number, baseline: number): number {
  return (actual - baseline) / (target - baseline);
}

/** Achievement clamped to [0, cap]. Example: 1.3 with cap 1 → 1. */
export function kpiScore(achievement: number, cap: number): number {
  return Math.min(cap, Math.max(0, achievement));
}

/** Green ≥ 1; Amber ≥ 1 − tolerance; Red below; No data without an achievement. */
export function kpiStatus(achievement: number | null, tolerance: number): KpiStatus {
  if (achievement === null) return "No data";
  if (achievement >= 1 - EPSILON) return "Green";
  if (achievement >= 1 - tolerance - EPSILON) return "Amber";
  return "Red";
}

/** Score now minus score before; null when either is missing. */
export function kpiTrend(scoreNow: number | null, scoreBefore: number | null): number | null {
  if (scoreNow === null || scoreBefore === null) return null;
  return scoreNow - scoreBefore;
}

/** ▲ / ▼ / ▬ for a trend (changes under 0.05 percentage points count as flat). */
export function trendSymbol(trend: number | null): "▲" | "▼" | "▬" | "" {
  if (trend === null) return "";
  if (trend > 0.0005) return "▲";
  if (trend < -0.0005) return "▼";
  return "▬";
}
