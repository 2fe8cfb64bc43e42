import { describe, expect, it } from "vitest";
import { costPerOutcome, flexedBudget, parseLineType, runRateForecast, spendingVariance, variance, variancePct, varianceStatus, volumeVariance } from "./variance";

describe("budget variance (docs/formulas.md §2.3): positive is favourable", () => {
  it("cost: budget − actual", () => {
    expect(variance(1200, 1000, "cost")).toBe(-200);
    expect(variance(900, 1000, "cost")).toBe(100);
  });
  it("revenue: actual − budget", () => {
    expect(variance(1200, 1000, "revenue")).toBe(200);
    expect(variance(900, 1000, "revenue")).toBe(-100);
  });
  it("variance % divides by |budget|; budget 0 → none", () => {
    expect(variancePct(-200, 1000)).toBeCloseTo(-0.2, 12);
    // a negative budget (a refund line): variance 50 on budget −500 is +10%
    expect(variancePct(50, -500)).toBeCloseTo(0.1, 12);
    expect(variancePct(100, 0)).toBeNull();
  });
  it("status: On budget within tolerance, else by sign", () => {
    expect(varianceStatus(1030, 1000, "cost", 0.05)).toBe("On budget");
    expect(varianceStatus(1050, 1000, "cost", 0.05)).toBe("On budget");
    expect(varianceStatus(1051, 1000, "cost", 0.05)).toBe("Unfavourable");
    expect(varianceStatus(900, 1000, "cost", 0.05)).toBe("Favourable");
    expect(varianceStatus(1100, 1000, "revenue", 0.05)).toBe("Favourable");
    expect(varianceStatus(900, 1000, "revenue", 0.05)).toBe("Unfavourable");
    expect(varianceStatus(null, 1000, "cost", 0.05)).toBe("No data");
  });
  it("budget 0: actual 0 is On budget, otherwise by sign", () => {
    expect(varianceStatus(0, 0, "cost", 0.05)).toBe("On budget");
    expect(varianceStatus(10, 0, "cost", 0.05)).toBe("Unfavourable");
    expect(varianceStatus(10, 0, "revenue", 0.05)).toBe("Favourable");
  });
});

describe("flexible budget", () => {
  it("fully variable: budget × actual volume / budget volume", () => {
    // 20,000 for 400 leads, 430 leads → 21,500
    expect(flexedBudget(20000, 400, 430, 0)).toBeCloseTo(21500, 9);
  });
  it("with a fixed share", () => {
    // 1000 × (0.4 + 0.6 × 120/100) = 1000 × 1.12 = 1120
    expect(flexedBudget(1000, 100, 120, 0.4)).toBeCloseTo(1120, 9);
    // fully fixed does not move
    expect(flexedBudget(1000, 100, 120, 1)).toBe(1000);
  });
  it("volume + spending = variance, for cost and revenue", () => {
    // cost: budget 1000, flexed 1120, actual 1150 → volume −120, spending −30, total −150
    expect(volumeVariance(1000, 1120, "cost")).toBeCloseTo(-120, 9);
    expect(spendingVariance(1150, 1120, "cost")).toBeCloseTo(-30, 9);
    expect(volumeVariance(1000, 1120, "cost") + spendingVariance(1150, 1120, "cost")).toBeCloseTo(variance(1150, 1000, "cost"), 9);
    // revenue: budget 1000, flexed 1120, actual 1150 → volume +120, spending +30
    expect(volumeVariance(1000, 1120, "revenue")).toBeCloseTo(120, 9);
    expect(spendingVariance(1150, 1120, "revenue")).toBeCloseTo(30, 9);
  });
});

describe("cost per outcome and run-rate", () => {
  it("cost per outcome", () => {
    expect(costPerOutcome(5000, 250)).toBe(20);
    expect(costPerOutcome(5000, 0)).toBeNull();
  });
  it("run-rate: YTD × periods / elapsed", () => {
    expect(runRateForecast(300, 3, 12)).toBe(1200);
    expect(runRateForecast(300, 0, 12)).toBeNull();
  });
  it("type words", () => {
    expect(parseLineType("Expense")).toBe("cost");
    expect(parseLineType("")).toBe("cost");
    expect(parseLineType("Sales")).toBe("revenue");
    expect(parseLineType("Income")).toBe("revenue");
    expect(parseLineType("asset")).toBeNull();
  });
});
