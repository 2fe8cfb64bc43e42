/**
 * The Excel custom functions as Excel loads them: functions.json generated from the JSDoc, and
 * the built bundle run with a fake CustomFunctions runtime that records every association.
 */
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { functions as core } from "../core";
import { buildAddins } from "./build";

class FakeCfError {
  constructor(readonly code: string, readonly message?: string) {}
}

let metadata: { functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean; dimensionality: string }[] }[] };
const associated = new Map<string, (...args: unknown[]) => unknown>();

beforeAll(() => {
  buildAddins();
  metadata = JSON.parse(readFileSync("dist/excel-addin/functions.json", "utf8"));
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
    Error: FakeCfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
  runInNewContext(readFileSync("dist/excel-addin/functions.js", "utf8"), { CustomFunctions, self: {}, window: {}, console });
}, 120_000);

const CATALOGUE = Object.keys(core).filter((k) => /^[A-Z]+$/.test(k)).sort();

describe("Excel custom functions", () => {
  it("functions.json lists every function of the core's catalogue, with described parameters", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(CATALOGUE);
    for (const f of metadata.functions) {
      expect(f.description.length, f.id).toBeGreaterThan(20);
      for (const p of f.parameters) {
        expect(p.description.length, `${f.id} ${p.name}`).toBeGreaterThan(5);
        expect(p.dimensionality).toBe("matrix");
      }
    }
    const score = metadata.functions.find((f) => f.id === "KPISCORE")!;
    expect(score.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([["actual", false], ["target", false], ["direction", true], ["baseline", true], ["cap", true]]);
  });

  it("the bundle associates every id", () => {
    expect([...associated.keys()].sort()).toEqual(CATALOGUE);
  });

  it("gives the core's figures for single values and ranges, spilled as 2-D arrays", () => {
    // Higher, target 80, actual 60 → 0.75; lower, target 100, actual 120 → 2 − 1.2 = 0.8.
    expect(associated.get("KPISCORE")!([[60]], [[80]], null, null, null)).toEqual([[0.75]]);
    expect(associated.get("KPISCORE")!([[60], [120]], [[80], [100]], [["higher"], ["lower"]], null, null)).toEqual([[0.75], [0.8]]);
    // Cost 1000 budget, 1200 actual → −200; revenue → +200.
    expect(associated.get("VARIANCE")!([[1200, 1200]], [[1000, 1000]], [["cost", "revenue"]])).toEqual([[-200, 200]]);
    expect(associated.get("KPISTATUS")!([[92]], [[100]], null, null, null)).toEqual([["Amber"]]);
    expect(associated.get("FLEXBUDGET")!([[1000]], [[100]], [[120]], [["40%"]])).toEqual([[1120]]);
    expect(associated.get("KPISCORE")!([[null]], [[80]], null, null, null)).toEqual([[""]]);
    const table = associated.get("SCORECARD")!([["Stage", "Perspective", "KPI", "Target", "Actual"], ["Awareness", "Customer", "Reach", 100, 90]], null) as unknown[][];
    expect(table[0][0]).toBe("Perspective");
  });

  it("maps the core's error values to Excel's, with messages where Excel shows them", () => {
    const bad = associated.get("KPISCORE")!([["lots"]], [[80]], null, null, null) as FakeCfError[][];
    expect(bad[0][0]).toBeInstanceOf(FakeCfError);
    expect(bad[0][0].code).toBe("#VALUE!");
    expect(bad[0][0].message).toContain('"lots"');
    const div = associated.get("KPIACHIEVEMENT")!([[5]], [[0]], null, [[0]]) as FakeCfError[][];
    expect(div[0][0].code).toBe("#DIV/0!");
    expect(div[0][0].message).toBeUndefined();
  });
});
