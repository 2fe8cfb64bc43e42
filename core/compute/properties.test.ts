import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyse } from "./analyse";
import { flexedBudget, spendingVariance, variance, volumeVariance } from "./variance";
import { CellValue } from "../input/cells";
import { parseBudgetTable } from "../input/budget-table";
import { parseJourneyTable } from "../input/journey-table";
import * as functions from "../functions/functions";
import { parseNumber } from "../input/numbers";
import { RollUpSums } from "./rollup";
import { kpiAchievement, kpiScore, kpiStatus } from "./scoring";
import { DEFAULT_SETTINGS } from "../input/settings";

const money = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true, noDefaultInfinity: true });
const share = fc.double({ min: 0, max: 1, noNaN: true });

describe("properties", () => {
  it("volume + spending = variance, for cost and revenue", () => {
    fc.assert(
      fc.property(money, money, positive, fc.double({ min: 0, max: 1e6, noNaN: true }), share, fc.constantFrom("cost" as const, "revenue" as const),
        (budget, actual, budgetVolume, actualVolume, fixed, type) => {
          const flexed = flexedBudget(budget, budgetVolume, actualVolume, fixed);
          const sum = volumeVariance(budget, flexed, type) + spendingVariance(actual, flexed, type);
          const total = variance(actual, budget, type);
          expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(budget), Math.abs(actual), Math.abs(flexed)));
        }),
    );
  });

  it("a roll-up lies within [min, max] of its members' scores", () => {
    const member = fc.record({
      score: fc.option(fc.double({ min: 0, max: 1.5, noNaN: true }), { nil: null }),
      // Weights as people type them: 0, or from a thousandth up (no subnormal doubles).
      weight: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 10, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 30 }), (members) => {
        const rows = members.map((m) => ({ ...m, status: kpiStatus(m.score, 0.1) }));
        const sums = new RollUpSums();
        for (const m of rows) sums.add(m);
        const r = sums.rollUp("g", 0.1);
        const scored = rows.filter((m) => m.score !== null && m.weight > 0).map((m) => m.score as number);
        if (r.score === null) {
          expect(scored.length).toBe(0);
          return;
        }
        expect(r.score).toBeGreaterThanOrEqual(Math.min(...scored) - 1e-12);
        expect(r.score).toBeLessThanOrEqual(Math.max(...scored) + 1e-12);
      }),
    );
  });

  it("a score lies within [0, cap]", () => {
    const kpi = fc.record({
      direction: fc.constantFrom("higher" as const, "lower" as const),
      target: positive,
      actual: money,
      cap: fc.double({ min: 0.1, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(kpi, ({ direction, target, actual, cap }) => {
        const s = kpiScore(kpiAchievement(actual, { direction, target, baseline: null, targetMax: null }), cap);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(cap);
      }),
    );
  });

  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom("#N/A", "#DIV/0!", "Stage", "KPI", "Target", "Actual", "Perspective", "Budget", "Line item", "Customer", "85%", "(1,200)", "range", "2026-Q1", "Period"),
    // Sheets as users keep them: wordy and wide headers, totals, text dates.
    fc.constantFrom("Budget Jan", "Actual Jan", "Budget Feb", "Actual Feb", "Jan", "Feb", "Total", "Awareness Total", "03/04/2026", "15/03/2026", "Mar-26", "budgeted_amount", "Metric_Name", "Amount", "Date", "lower", "0"),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 });

  it("parsing never throws on any 2-D array of cell values", () => {
    fc.assert(
      fc.property(grid, grid, grid, fc.boolean(), fc.constantFrom(null, "day-first", "month-first" as const), (journey, budget, actuals, locate, dateOrder) => {
        const j = { sheet: "J", origin: { row: 0, col: 0 }, values: journey };
        const b = { sheet: "B", origin: { row: 0, col: 0 }, values: budget };
        const a = { sheet: "A", origin: { row: 0, col: 0 }, values: actuals };
        const options = { decimalComma: false, mapping: {}, locate };
        parseJourneyTable(j, options);
        parseBudgetTable(b, options);
        const out = analyse(
          { journey: { block: j, locate }, budget: { block: b, locate }, actuals: { block: a, locate } },
          { ...DEFAULT_SETTINGS, skipInvalidRows: true, dateOrder },
        );
        for (const p of out.problems) expect(typeof p.message).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("custom functions never throw, whatever the arguments", () => {
    const scalar = fc.oneof(cell, fc.constantFrom("higher", "lower", "range", "cost", "revenue", "matrix", "stage"));
    const arg = fc.oneof(scalar, fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }));
    const all = Object.entries(functions).filter(([name]) => /^[A-Z]+$/.test(name)) as [string, (...a: unknown[]) => unknown][];
    expect(all.map(([n]) => n).sort()).toEqual(["COSTPER", "FLEXBUDGET", "KPIACHIEVEMENT", "KPISCORE", "KPISTATUS", "RUNRATE", "SCORECARD", "VARIANCE", "VARIANCEPCT", "VARIANCESTATUS", "WEIGHTEDSCORE"]);
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: 5 }), (args) => {
        for (const [, fn] of all) {
          const out = fn(...args);
          const values = Array.isArray(out) ? out.flat() : [out];
          for (const v of values) {
            const ok = v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || functions.isFnError(v);
            expect(ok, `${JSON.stringify(v)}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("parseNumber never throws and yields only finite numbers", () => {
    fc.assert(
      fc.property(cell, fc.boolean(), (v, decimalComma) => {
        const r = parseNumber(v, { decimalComma });
        if (r.kind === "number") expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });
});
