import { describe, expect, it } from "vitest";
import { kpi, line, table } from "../../test/fixtures";
import { analyse } from "../compute/analyse";
import { DEFAULT_SETTINGS } from "../input/settings";
import { SummarySchema, buildSummary, summaryText } from "./summary";

function summary() {
  const { analysis } = analyse(
    {
      journey: table("Journey", [
        kpi({ Stage: "Awareness", KPI: "Reach", Perspective: "Customer", Target: 100, Actual: 90, "Moment of truth": "yes" }),
        kpi({ Stage: "Purchase", KPI: "Orders", Perspective: "Financial", Target: 100, Actual: 100 }),
      ]),
      budget: table("Budget", [line({ Stage: "Awareness", Budget: 1000, Actual: 1100 }), line({ Stage: "Purchase", "Line item": "Fees", Budget: 2000, Actual: 1950 })]),
    },
    DEFAULT_SETTINGS,
  );
  return buildSummary(analysis!);
}

describe("summary", () => {
  it("figures with the text they are shown as", () => {
    const s = summary();
    expect(SummarySchema.parse(s)).toEqual(s);
    // (0.9 + 1) / 2 = 0.95: Amber within 10%.
    expect(s.scorecard!.overall).toEqual({ score: { value: 0.95, text: "95.0%" }, status: "Amber", kpis: 2, withData: 2 });
    expect(s.scorecard!.groups.find((p) => p.name === "Customer")).toMatchObject({ score: { text: "90.0%" }, status: "Amber", amber: 1 });
    expect(s.scorecard!.momentsAtRisk).toEqual({ count: 1, worst: [{ stage: "Awareness", touchpoint: "Search", kpi: "Reach", status: "Amber", achievement: { value: 0.9, text: "90.0%" } }] });
    // Awareness: 1000 budget, 1100 actual → −100, −10%; Purchase: 2000 → 1950, +50, +2.5%.
    expect(s.budget!.stages.map((st) => [st.stage, st.variance.text, st.variancePct.text, st.status])).toEqual([
      ["Awareness", "-100", "-10.0%", "Unfavourable"],
      ["Purchase", "50", "2.5%", "On budget"],
    ]);
  });

  it("prints as the command line shows it", () => {
    expect(summaryText(summary()).split("\n")).toEqual([
      "Balanced scorecard (no periods): overall 95.0% (Amber), 2 KPIs, 2 with data",
      "  Financial          100.0%  Green   1 KPIs, 0 red, 0 amber",
      "  Customer            90.0%  Amber   1 KPIs, 0 red, 1 amber",
      "  Internal process      n/a  No data 0 KPIs, 0 red, 0 amber",
      "  Learning & growth     n/a  No data 0 KPIs, 0 red, 0 amber",
      "Worst moments of truth (1 at risk):",
      "  Awareness / Search: Reach — Amber, achievement 90.0%",
      "Budget variance by stage (cost lines; positive = favourable):",
      "  Awareness              budget     1,000  actual     1,100  variance     -100 (-10.0%)  Unfavourable",
      "  Purchase               budget     2,000  actual     1,950  variance       50 (2.5%)  On budget",
    ]);
  });
});
