import { describe, expect, it } from "vitest";
import {
  COSTPER, FLEXBUDGET, KPIACHIEVEMENT, KPISCORE, KPISTATUS, RUNRATE, SCORECARD, VARIANCE, VARIANCEPCT, VARIANCESTATUS, WEIGHTEDSCORE, isFnError,
} from "./functions";

const close = (v: unknown, expected: number) => {
  expect(typeof v).toBe("number");
  expect(v as number).toBeCloseTo(expected, 12);
};
const errorOf = (v: unknown) => (isFnError(v) ? v.error : `not an error: ${JSON.stringify(v)}`);

describe("KPI functions", () => {
  it("KPISCORE: scalars", () => {
    close(KPISCORE(60, 80), 0.75);
    close(KPISCORE(100, 80), 1);
    close(KPISCORE(100, 80, "higher", null, 1.5), 1.25);
    // lower without baseline: 2 − 120/100 = 0.8
    close(KPISCORE(120, 100, "lower"), 0.8);
    // lower with baseline: (16 − 60) / (15 − 60)
    close(KPISCORE(16, 15, "Lower is better", 60), 44 / 45);
    close(KPISCORE("85%", "90%"), 0.85 / 0.9);
    close(KPISCORE(-10, 80), 0);
  });
  it("KPIACHIEVEMENT keeps the raw ratio", () => {
    close(KPIACHIEVEMENT(110, 100), 1.1);
    close(KPIACHIEVEMENT(10, 50, "higher", 20), -1 / 3);
  });
  it("KPISTATUS", () => {
    expect(KPISTATUS(100, 100)).toBe("Green");
    expect(KPISTATUS(92, 100)).toBe("Amber");
    expect(KPISTATUS(85, 100)).toBe("Red");
    expect(KPISTATUS(85, 100, "higher", null, "20%")).toBe("Amber");
    expect(KPISTATUS(null, 100)).toBe("No data");
  });
  it("blank in, blank out", () => {
    expect(KPISCORE(null, 80)).toBeNull();
    expect(KPISCORE("", 80)).toBeNull();
    expect(KPISCORE(60, null)).toBeNull();
    expect(KPIACHIEVEMENT(undefined, 80)).toBeNull();
  });
  it("bad values give typed errors, never a throw", () => {
    expect(errorOf(KPISCORE("abc", 80))).toBe("#VALUE!");
    expect(errorOf(KPISCORE(60, 80, "sideways"))).toBe("#VALUE!");
    expect(errorOf(KPISCORE(60, 50, "higher", 50))).toBe("#DIV/0!");
    expect(errorOf(KPISCORE(60, 50, "higher", 70))).toBe("#VALUE!");
    expect(errorOf(KPISCORE("#N/A", 80))).toBe("#N/A");
    expect(errorOf(KPISCORE(true, 80))).toBe("#VALUE!");
    expect(errorOf(KPISCORE(Number.NaN, 80))).toBe("#NUM!");
    expect(errorOf(KPISCORE(60, 80, "range"))).toBe("#VALUE!");
    // overflow from an extreme target is #NUM!, never Infinity in a cell
    expect(errorOf(KPIACHIEVEMENT(1, 5e-324))).toBe("#NUM!");
    expect(errorOf(VARIANCEPCT(1, 5e-324))).toBe("#NUM!");
    expect(errorOf(COSTPER(1e15, 5e-324))).toBe("#NUM!");
    expect(errorOf(KPISTATUS(60, 80, "higher", null, 3))).toBe("#VALUE!");
    const e = KPISCORE("abc", 80);
    expect(isFnError(e) && e.message).toContain('"abc"');
  });
});

describe("broadcasting", () => {
  it("a column of actuals against one target spills a column", () => {
    const out = KPISCORE([[60], [80], [null], [100]], 80) as unknown[][];
    expect(out).toHaveLength(4);
    close(out[0][0], 0.75);
    close(out[1][0], 1);
    expect(out[2][0]).toBeNull();
    close(out[3][0], 1);
  });
  it("ranges of the same shape pair element-wise; a 1×1 range broadcasts", () => {
    const out = VARIANCE([[1200, 900]], [[1000, 1000]], [["cost"]]) as number[][];
    expect(out).toEqual([[-200, 100]]);
    const rev = VARIANCE([[1200], [900]], [[1000], [1000]], [["revenue"], ["cost"]]) as number[][];
    expect(rev).toEqual([[200], [100]]);
  });
  it("mismatched shapes are #VALUE!", () => {
    expect(errorOf(VARIANCE([[1], [2]], [[1, 2]]))).toBe("#VALUE!");
  });
  it("an error in one cell stays in that cell", () => {
    const out = KPISCORE([[60], ["x"]], 80) as unknown[][];
    close(out[0][0], 0.75);
    expect(errorOf(out[1][0])).toBe("#VALUE!");
  });
});

describe("budget functions", () => {
  it("VARIANCE, VARIANCEPCT, VARIANCESTATUS", () => {
    expect(VARIANCE(1200, 1000)).toBe(-200);
    expect(VARIANCE(1200, 1000, "Income")).toBe(200);
    close(VARIANCEPCT(1200, 1000), -0.2);
    expect(errorOf(VARIANCEPCT(10, 0))).toBe("#DIV/0!");
    expect(VARIANCESTATUS(1030, 1000)).toBe("On budget");
    expect(VARIANCESTATUS(1100, 1000)).toBe("Unfavourable");
    expect(VARIANCESTATUS(1100, 1000, "revenue")).toBe("Favourable");
    expect(VARIANCESTATUS(1100, 1000, "cost", "15%")).toBe("On budget");
    expect(VARIANCESTATUS(null, 1000)).toBe("No data");
    expect(VARIANCE(null, 1000)).toBeNull();
    expect(errorOf(VARIANCE(1, 1, "asset"))).toBe("#VALUE!");
  });
  it("FLEXBUDGET", () => {
    close(FLEXBUDGET(1000, 100, 120, "40%"), 1120);
    close(FLEXBUDGET(1000, 100, 120), 1200);
    expect(errorOf(FLEXBUDGET(1000, 0, 120))).toBe("#DIV/0!");
    expect(errorOf(FLEXBUDGET(1000, 100, -1))).toBe("#NUM!");
    expect(errorOf(FLEXBUDGET(1000, 100, 120, 2))).toBe("#VALUE!");
  });
  it("RUNRATE and COSTPER", () => {
    expect(RUNRATE(300, 3, 12)).toBe(1200);
    expect(errorOf(RUNRATE(300, 0, 12))).toBe("#DIV/0!");
    expect(COSTPER(5000, 250)).toBe(20);
    expect(errorOf(COSTPER(5000, 0))).toBe("#DIV/0!");
    expect(COSTPER(null, 250)).toBeNull();
  });
  it("WEIGHTEDSCORE skips blanks", () => {
    close(WEIGHTEDSCORE([[1], [0.5], [null]], [[2], [1], [5]]), 2.5 / 3);
    close(WEIGHTEDSCORE([[1, 0.5]]), 0.75);
    expect(WEIGHTEDSCORE([[null, ""]])).toBeNull();
    expect(errorOf(WEIGHTEDSCORE([[1], [0.5]], [[0], [0]]))).toBe("#DIV/0!");
    expect(errorOf(WEIGHTEDSCORE([[1], [0.5]], [[1], [2], [3]]))).toBe("#VALUE!");
    expect(errorOf(WEIGHTEDSCORE([[1], [0.5]], [[1], [-2]]))).toBe("#NUM!");
  });
});

describe("SCORECARD", () => {
  const range = [
    ["Stage", "Perspective", "KPI", "Target", "Actual", "Weight"],
    ["Awareness", "Customer", "Reach", 100, 90, 1],
    ["Awareness", "Financial", "CPL", 40, 40, 1],
    ["Purchase", "Customer", "Conversion", 10, 5, 3],
  ];
  it("by perspective (default): header, the four perspectives, overall", () => {
    const out = SCORECARD(range) as unknown[][];
    expect(out[0]).toEqual(["Perspective", "Score", "Status", "KPIs", "With data", "Red", "Amber"]);
    expect(out.map((r) => r[0])).toEqual(["Perspective", "Financial", "Customer", "Internal process", "Learning & growth", "Overall"]);
    // Customer: (1 × 0.9 + 3 × 0.5) / 4 = 0.6
    close(out[2][1], 0.6);
    expect(out[2].slice(2)).toEqual(["Red", 2, 2, 1, 1]);
    expect(out[3][1]).toBeNull();
    // overall: (0.9 + 1 + 1.5) / 5 = 0.68
    close(out[5][1], 0.68);
  });
  it("by stage and as a matrix", () => {
    const stages = SCORECARD(range, "stage") as unknown[][];
    expect(stages.map((r) => r[0])).toEqual(["Stage", "Awareness", "Purchase", "Overall"]);
    close(stages[1][1], 0.95);
    const matrix = SCORECARD(range, "matrix") as unknown[][];
    expect(matrix[0]).toEqual(["Stage", "Financial", "Customer", "Internal process", "Learning & growth", "Stage score"]);
    expect(matrix[1][0]).toBe("Awareness");
    close(matrix[1][1], 1);
    close(matrix[1][2], 0.9);
    expect(matrix[1][3]).toBeNull();
  });
  it("bad tables and words are #VALUE! with the cell named", () => {
    const bad = SCORECARD([...range, ["Purchase", "Customer", "X", "lots", 1, 1]]);
    expect(errorOf(bad)).toBe("#VALUE!");
    expect(isFnError(bad) && bad.message).toContain("range!D5");
    expect(errorOf(SCORECARD(range, "colour"))).toBe("#VALUE!");
    expect(errorOf(SCORECARD(5))).toBe("#VALUE!");
  });
});
