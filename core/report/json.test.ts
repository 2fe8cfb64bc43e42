import { describe, expect, it } from "vitest";
import { kpi, line, table } from "../../test/fixtures";
import { analyse } from "../compute/analyse";
import { DEFAULT_SETTINGS } from "../input/settings";
import { AnalysisJsonSchema, analysisToJson } from "./json";

describe("JSON result", () => {
  const { analysis } = analyse(
    {
      journey: table("Journey", [kpi({ Period: "2026-01", Actual: 80 }), kpi({ Period: "2026-02", Actual: 90 })]),
      budget: table("Budget", [
        line({ Period: "2026-01", Budget: 1000, Actual: 900, "Budget volume": 100, "Actual volume": 110 }),
        line({ Period: "2026-02", Budget: 1000, Actual: 1200, "Budget volume": 100, "Actual volume": 120 }),
      ]),
    },
    DEFAULT_SETTINGS,
  );
  const json = analysisToJson(analysis!);

  it("matches its schema exactly, through a JSON round trip (no key lost, none unlisted)", () => {
    const wire = JSON.parse(JSON.stringify(json));
    expect(AnalysisJsonSchema.parse(wire)).toEqual(wire);
    expect(wire).toEqual(json);
  });

  it("budget lines serialise every figure", () => {
    const [wireLine] = JSON.parse(JSON.stringify(json)).budgetLines;
    // YTD Jan + Feb: budget 2000, actual 2100 → −100 (−5%); flexed 1100 + 1200 = 2300: volume −300, spending +200.
    expect(wireLine).toMatchObject({
      budget: 2000, actual: 2100, variance: -100, variancePct: -0.05, status: "On budget",
      flexedBudget: 2300, volumeVariance: -300, spendingVariance: 200, forecast: 2100, forecastVariance: -100,
      period: { budget: 1000, actual: 1200, variance: -200, variancePct: -0.2, status: "Unfavourable" },
    });
  });

  it("KPIs carry their trend and its symbol", () => {
    // 0.9 now against 0.8 in 2026-01: +0.1.
    expect(json.kpis).toHaveLength(1);
    expect(json.kpis[0].trend).toBeCloseTo(0.1, 12);
    expect(json.kpis[0]).toMatchObject({ period: "2026-02", previousPeriod: "2026-01", trendSymbol: "▲" });
  });
});
