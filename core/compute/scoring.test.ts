import { describe, expect, it } from "vitest";
import { definitionProblem, kpiAchievement, kpiResult, kpiScore, kpiStatus, kpiTrend, parseDirection, trendSymbol } from "./scoring";

const def = (direction: "higher" | "lower" | "range", target: number, baseline: number | null = null, targetMax: number | null = null) => ({ direction, target, baseline, targetMax });

describe("KPI achievement (docs/formulas.md §2.1)", () => {
  it("higher without baseline: actual / target", () => {
    expect(kpiAchievement(60, def("higher", 80))).toBeCloseTo(0.75, 12);
    expect(kpiAchievement(100, def("higher", 80))).toBeCloseTo(1.25, 12);
  });
  it("higher with a baseline: (actual − baseline) / (target − baseline)", () => {
    // (0.43 − 0.2) / (0.45 − 0.2) = 0.23 / 0.25 = 0.92
    expect(kpiAchievement(0.43, def("higher", 0.45, 0.2))).toBeCloseTo(0.92, 12);
    // below the baseline goes negative: (10 − 20) / (50 − 20) = −1/3
    expect(kpiAchievement(10, def("higher", 50, 20))).toBeCloseTo(-1 / 3, 12);
  });
  it("lower without baseline: baseline 2 × target, i.e. 2 − actual / target", () => {
    // target 40, actual 44 → 2 − 1.1 = 0.9
    expect(kpiAchievement(44, def("lower", 40))).toBeCloseTo(0.9, 12);
    expect(kpiAchievement(30, def("lower", 40))).toBeCloseTo(1.25, 12);
    // at twice the target the achievement is 0, beyond it negative
    expect(kpiAchievement(80, def("lower", 40))).toBeCloseTo(0, 12);
    expect(kpiAchievement(100, def("lower", 40))).toBeCloseTo(-0.5, 12);
  });
  it("lower with a baseline", () => {
    // first response: baseline 60, target 15, actual 16 → (16 − 60) / (15 − 60) = 44/45
    expect(kpiAchievement(16, def("lower", 15, 60))).toBeCloseTo(44 / 45, 12);
  });
  it("range: 1 inside, higher below, lower above (baseline 2 × Target max)", () => {
    const band = def("range", 6, null, 9);
    expect(kpiAchievement(6, band)).toBe(1);
    expect(kpiAchievement(7.5, band)).toBe(1);
    expect(kpiAchievement(9, band)).toBe(1);
    // below: 4.5 / 6 = 0.75 (baseline 0)
    expect(kpiAchievement(4.5, band)).toBeCloseTo(0.75, 12);
    // above: (10.8 − 18) / (9 − 18) = 0.8
    expect(kpiAchievement(10.8, band)).toBeCloseTo(0.8, 12);
    // below with the row's own baseline 1: (1.5 − 1) / (2 − 1) = 0.5
    expect(kpiAchievement(1.5, def("range", 2, 1, 4))).toBeCloseTo(0.5, 12);
  });
});

describe("score, status, trend", () => {
  it("score clamps to [0, cap]", () => {
    expect(kpiScore(1.25, 1)).toBe(1);
    expect(kpiScore(1.25, 1.2)).toBe(1.2);
    expect(kpiScore(-0.5, 1)).toBe(0);
    expect(kpiScore(0.8, 1)).toBe(0.8);
  });
  it("status thresholds: Green ≥ 1, Amber ≥ 1 − tolerance, Red below, No data", () => {
    expect(kpiStatus(1, 0.1)).toBe("Green");
    expect(kpiStatus(0.9, 0.1)).toBe("Amber");
    // 0.9 computed in floating point (e.g. 2 − 1.1) is still Amber
    expect(kpiStatus(2 - 1.1, 0.1)).toBe("Amber");
    expect(kpiStatus(0.8999, 0.1)).toBe("Red");
    expect(kpiStatus(0.95, 0.04)).toBe("Red");
    expect(kpiStatus(null, 0.1)).toBe("No data");
  });
  it("trend is now − before, blank when either is missing", () => {
    expect(kpiTrend(0.9, 0.75)).toBeCloseTo(0.15, 12);
    expect(kpiTrend(null, 0.75)).toBeNull();
    expect(kpiTrend(0.9, null)).toBeNull();
    expect(trendSymbol(0.15)).toBe("▲");
    expect(trendSymbol(-0.033)).toBe("▼");
    expect(trendSymbol(0)).toBe("▬");
    expect(trendSymbol(null)).toBe("");
  });
});

describe("definitions that cannot be scored", () => {
  it("higher needs target > baseline; lower needs target < baseline", () => {
    expect(definitionProblem(def("higher", 50, 50))?.why).toBe("equals the Target");
    expect(definitionProblem(def("higher", 50, 60))?.column).toBe("baseline");
    expect(definitionProblem(def("lower", 15, 10))?.column).toBe("baseline");
    expect(definitionProblem(def("higher", 0))?.column).toBe("target");
    // Lower-is-better aiming at 0 without a baseline is scored by its own rule (kpiResult).
    expect(definitionProblem(def("lower", 0))).toBeNull();
    expect(definitionProblem(def("lower", -5))?.column).toBe("target");
    expect(definitionProblem(def("higher", 50, 20))).toBeNull();
  });
  it("lower-is-better with target 0 and no baseline: Green at or below 0, Red above, no achievement", () => {
    expect(kpiResult(0, def("lower", 0), 1, 0.1)).toEqual({ achievement: null, score: 1, status: "Green" });
    expect(kpiResult(-1, def("lower", 0), 1.2, 0.1)).toEqual({ achievement: null, score: 1, status: "Green" });
    expect(kpiResult(3, def("lower", 0), 1, 0.1)).toEqual({ achievement: null, score: 0, status: "Red" });
    expect(kpiResult(null, def("lower", 0), 1, 0.1)).toEqual({ achievement: null, score: null, status: "No data" });
    // With a baseline the formula applies: (30 − 5) / (30 − 0) = 0.8333.
    expect(kpiResult(5, def("lower", 0, 30), 1, 0.1).achievement).toBeCloseTo(25 / 30, 12);
    expect(kpiResult(5, null, 1, 0.1)).toEqual({ achievement: null, score: null, status: "No target" });
  });

  it("range needs Target max ≥ Target", () => {
    expect(definitionProblem(def("range", 6))?.column).toBe("targetMax");
    expect(definitionProblem(def("range", 6, null, 5))?.column).toBe("targetMax");
    expect(definitionProblem(def("range", 6, 7, 9))?.column).toBe("baseline");
    expect(definitionProblem(def("range", 6, null, 6))).toBeNull();
  });
  it("direction words", () => {
    expect(parseDirection("Higher is better")).toBe("higher");
    expect(parseDirection("")).toBe("higher");
    expect(parseDirection("↓")).toBe("lower");
    expect(parseDirection("min")).toBe("lower");
    expect(parseDirection("Within range")).toBe("range");
    expect(parseDirection("band")).toBe("range");
    expect(parseDirection("sideways")).toBeNull();
  });
});
