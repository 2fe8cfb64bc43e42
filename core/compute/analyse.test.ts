import { describe, expect, it } from "vitest";
import { kpi, line, table } from "../../test/fixtures";
import { analyse } from "./analyse";
import { DEFAULT_SETTINGS, Settings } from "../input/settings";

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

function run(kpis: Record<string, unknown>[], lines: Record<string, unknown>[] | null = null, over: Partial<Settings> = {}) {
  const outcome = analyse(
    { journey: table("Journey", kpis as never), budget: lines ? table("Budget", lines as never) : null },
    settings(over),
  );
  return outcome;
}

function ok(...args: Parameters<typeof run>) {
  const outcome = run(...args);
  if (!outcome.analysis) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.analysis;
}

describe("roll-ups (docs/formulas.md §2.2)", () => {
  it("weighted mean over KPIs with data; no-data rows excluded but counted", () => {
    const a = ok([
      kpi({ KPI: "A", Perspective: "Financial", Target: 100, Actual: 100, Weight: 2 }),
      kpi({ KPI: "B", Perspective: "Financial", Target: 100, Actual: 50, Weight: 1 }),
      kpi({ KPI: "C", Perspective: "Financial", Target: 100, Actual: null, Weight: 5 }),
    ]);
    const fin = a.scorecard.perspectives.find((p) => p.name === "Financial")!;
    // (2 × 1 + 1 × 0.5) / 3 = 0.8333
    expect(fin.score).toBeCloseTo(2.5 / 3, 12);
    expect(fin.status).toBe("Red");
    expect(fin).toMatchObject({ kpis: 3, withData: 2, red: 1, amber: 0 });
    // perspectives without KPIs are listed with No data
    const lg = a.scorecard.perspectives.find((p) => p.name === "Learning & growth")!;
    expect(lg).toMatchObject({ score: null, status: "No data", kpis: 0 });
    expect(a.scorecard.perspectives.map((p) => p.name)).toEqual(["Financial", "Customer", "Internal process", "Learning & growth"]);
  });

  it("a group whose weights with data sum to 0 has no score, and a warning", () => {
    const out = run([
      kpi({ KPI: "A", Stage: "Awareness", Weight: 0, Actual: 90 }),
      kpi({ KPI: "B", Stage: "Purchase", Weight: 1, Actual: 50 }),
    ]);
    const a = out.analysis!;
    const awareness = a.scorecard.stages.find((s) => s.name === "Awareness")!;
    expect(awareness.score).toBeNull();
    expect(awareness.status).toBe("No data");
    expect(awareness.withData).toBe(1);
    expect(out.problems.some((p) => p.severity === "warning" && p.message.includes('stage "Awareness"') && p.message.includes("weight 0"))).toBe(true);
    // overall still scores from Purchase alone: 0.5
    expect(a.scorecard.overall.score).toBeCloseTo(0.5, 12);
  });

  it("a group with no data at all is No data", () => {
    const a = ok([kpi({ KPI: "A", Actual: null }), kpi({ KPI: "B", Stage: "Purchase", Actual: 80 })]);
    expect(a.scorecard.stages[0]).toMatchObject({ name: "Awareness", score: null, status: "No data", kpis: 1, withData: 0 });
  });

  it("stage × perspective, touchpoint, objective and moments of truth", () => {
    const a = ok([
      kpi({ KPI: "A", Stage: "Purchase", Touchpoint: "Checkout", Perspective: "Customer", Objective: "Easy", "Moment of truth": "yes", Target: 10, Actual: 9 }),
      kpi({ KPI: "B", Stage: "Purchase", Touchpoint: "Checkout", Perspective: "Financial", Objective: "Easy", "Moment of truth": "x", Target: 10, Actual: 5 }),
      kpi({ KPI: "C", Stage: "Awareness", Touchpoint: "Search", Perspective: "Customer", Objective: "Known", "Moment of truth": "", Target: 10, Actual: 10 }),
    ]);
    // journey order: Purchase first (first appearance)
    expect(a.scorecard.stageOrder).toEqual(["Purchase", "Awareness"]);
    const purchase = a.scorecard.stagePerspectives[0];
    expect(purchase.cells.find((c) => c.name === "Customer")!.score).toBeCloseTo(0.9, 12);
    expect(purchase.cells.find((c) => c.name === "Financial")!.score).toBeCloseTo(0.5, 12);
    expect(purchase.cells.find((c) => c.name === "Internal process")!.score).toBeNull();
    expect(a.scorecard.touchpoints.map((t) => [t.name, t.score])).toEqual([["Purchase / Checkout", 0.7], ["Awareness / Search", 1]]);
    expect(a.scorecard.objectives.find((o) => o.name === "Easy")!.score).toBeCloseTo(0.7, 12);
    // moments of truth alone: A and B → (0.9 + 0.5) / 2 = 0.7
    expect(a.scorecard.momentsOfTruth).toMatchObject({ kpis: 2, withData: 2, red: 1, amber: 1 });
    expect(a.scorecard.momentsOfTruth.score).toBeCloseTo(0.7, 12);
  });

  it("objectives and touchpoints: first-appearance order, names as first typed, blanks left out or named by stage", () => {
    const a = ok([
      kpi({ KPI: "A", Stage: "Purchase", Touchpoint: "", Objective: "Fast checkout", Target: 10, Actual: 8 }),
      kpi({ KPI: "B", Stage: "Purchase", Touchpoint: "Checkout", Objective: "", Target: 10, Actual: 2 }),
      kpi({ KPI: "C", Stage: "Awareness", Touchpoint: "Search", Objective: "Be found", Target: 10, Actual: 6 }),
      kpi({ KPI: "D", Stage: "purchase", Touchpoint: "checkout ", Objective: "fast  CHECKOUT", Target: 10, Actual: 10, Weight: 3 }),
    ]);
    // Fast checkout: A (0.8, w 1) and D (1, w 3) → (0.8 + 3) / 4 = 0.95; B has no objective.
    expect(a.scorecard.objectives.map((o) => [o.name, o.kpis])).toEqual([["Fast checkout", 2], ["Be found", 1]]);
    expect(a.scorecard.objectives[0].score).toBeCloseTo(0.95, 12);
    // Checkout: B (0.2, w 1) and D (1, w 3) → (0.2 + 3) / 4 = 0.8.
    expect(a.scorecard.touchpoints.map((t) => [t.name, t.kpis])).toEqual([["Purchase", 1], ["Purchase / Checkout", 2], ["Awareness / Search", 1]]);
    expect(a.scorecard.touchpoints[1].score).toBeCloseTo(0.8, 12);
    // Stage Purchase: A, B, D → (0.8 + 0.2 + 3) / 5 = 0.8; heat map Purchase × Customer the same.
    expect(a.scorecard.stages.map((s) => [s.name, s.kpis])).toEqual([["Purchase", 3], ["Awareness", 1]]);
    expect(a.scorecard.stages[0].score).toBeCloseTo(0.8, 12);
    expect(a.scorecard.stagePerspectives[0].cells[1]).toMatchObject({ name: "Customer", kpis: 3 });
    expect(a.scorecard.stagePerspectives[0].cells[1].score).toBeCloseTo(0.8, 12);
  });

  it("moments of truth at risk, worst first by weight × (1 − achievement)", () => {
    const a = ok([
      kpi({ KPI: "A", "Moment of truth": "yes", Weight: 3, Target: 100, Actual: 90 }), // 3 × 0.1 = 0.3
      kpi({ KPI: "B", "Moment of truth": "yes", Weight: 1, Target: 100, Actual: 50 }), // 1 × 0.5 = 0.5
      kpi({ KPI: "C", "Moment of truth": "yes", Weight: 2, Target: 100, Actual: 95 }), // 2 × 0.05 = 0.1
      kpi({ KPI: "D", "Moment of truth": "yes", Weight: 9, Target: 100, Actual: 100 }), // Green: not at risk
      kpi({ KPI: "E", "Moment of truth": "no", Weight: 9, Target: 100, Actual: 10 }), // not a moment of truth
    ]);
    expect(a.momentsAtRisk.map((k) => k.kpi)).toEqual(["B", "A", "C"]);
    expect(a.stages[0]).toMatchObject({ momentsOfTruth: 4, momentsAtRisk: 3 });
  });

  it("a row tolerance overrides the settings for that KPI", () => {
    const a = ok([kpi({ KPI: "A", Target: 100, Actual: 85, Tolerance: "20%" }), kpi({ KPI: "B", Target: 100, Actual: 85 })]);
    expect(a.scorecard.kpis.map((k) => k.status)).toEqual(["Amber", "Red"]);
  });

  it("score cap from settings", () => {
    const a = ok([kpi({ KPI: "A", Target: 100, Actual: 130 })], null, { scoreCap: 1.2 });
    expect(a.scorecard.kpis[0].achievement).toBeCloseTo(1.3, 12);
    expect(a.scorecard.kpis[0].score).toBeCloseTo(1.2, 12);
  });

  it("duplicate KPI rows: a warning, both scored", () => {
    const out = run([kpi({ KPI: "A", Actual: 100 }), kpi({ KPI: "A", Actual: 50 })]);
    expect(out.analysis!.scorecard.kpis).toHaveLength(2);
    const dup = out.problems.find((p) => p.message.includes("Duplicate KPI row"))!;
    expect(dup.severity).toBe("warning");
    expect(dup.cell).toBe("Journey!3:3");
    expect(out.analysis!.scorecard.overall.score).toBeCloseTo(0.75, 12);
  });

  it("duplicates: same name in another stage is another KPI; a large group finds them too", () => {
    const few = run([
      kpi({ KPI: "NPS", Stage: "Purchase" }),
      kpi({ KPI: "NPS", Stage: "Advocacy" }),
      kpi({ KPI: "nps", Stage: "purchase " }),
      kpi({ KPI: "NPS", Stage: "Advocacy" }),
    ]);
    // Rows 4 and 5 repeat rows 2 and 3 (sheet rows: header on 1).
    expect(few.problems.filter((p) => p.message.includes("Duplicate")).map((p) => [p.cell, p.expected])).toEqual([
      ["Journey!4:4", "one row per KPI and period (same as row 2; both are scored)"],
      ["Journey!5:5", "one row per KPI and period (same as row 3; both are scored)"],
    ]);
    // 40 rows of one KPI name in 40 touchpoints, then a repeat of the 8th: compared by key.
    const many = run([
      ...Array.from({ length: 40 }, (_, i) => kpi({ KPI: "NPS", Touchpoint: `T${i}` })),
      kpi({ KPI: "NPS", Touchpoint: "t7" }),
    ]);
    expect(many.problems.filter((p) => p.message.includes("Duplicate")).map((p) => [p.cell, p.expected])).toEqual([
      ["Journey!42:42", "one row per KPI and period (same as row 9; both are scored)"],
    ]);
  });
});

describe("periods, as-of and trend (docs/formulas.md §2.1)", () => {
  const rows = [
    kpi({ KPI: "A", Period: "2026-01", Target: 80, Actual: 60 }), // 0.75
    kpi({ KPI: "B", Period: "2026-01", Target: 100, Actual: 50 }), // 0.5
    kpi({ KPI: "A", Period: "2026-02", Target: 80, Actual: 72 }), // 0.9
    kpi({ KPI: "B", Period: "2026-02", Target: 100, Actual: null }),
    kpi({ KPI: "A", Period: "2026-03", Target: 80, Actual: null }),
    kpi({ KPI: "B", Period: "2026-03", Target: 100, Actual: 80 }), // 0.8
    kpi({ KPI: "A", Period: "2026-04", Target: 80, Actual: null }),
    kpi({ KPI: "B", Period: "2026-04", Target: 100, Actual: null }),
  ];

  it("as-of defaults to the latest period with an actual; only its rows are scored", () => {
    const a = ok(rows);
    expect(a.periods).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(a.asOf).toBe("2026-03");
    expect(a.scorecard.kpis.map((k) => [k.kpi, k.status])).toEqual([["A", "No data"], ["B", "Red"]]);
  });

  it("trend against the previous period of the same KPI that has data", () => {
    const a = ok(rows);
    const b = a.scorecard.kpis.find((k) => k.kpi === "B")!;
    // 0.8 now, 0.5 in 2026-01 (2026-02 has no data) → +0.3
    expect(b.trend).toBeCloseTo(0.3, 12);
    expect(b.previousPeriod).toBe("2026-01");
    const k = a.scorecard.kpis.find((x) => x.kpi === "A")!;
    expect(k.trend).toBeNull();
  });

  it("as-of from the settings", () => {
    const a = ok(rows, null, { asOfPeriod: "2026-02" });
    expect(a.asOf).toBe("2026-02");
    const kA = a.scorecard.kpis.find((k) => k.kpi === "A")!;
    // 0.9 − 0.75 = 0.15
    expect(kA.trend).toBeCloseTo(0.15, 12);
  });

  it("an as-of period not in the tables is an error", () => {
    const out = run(rows, null, { asOfPeriod: "2027-01" });
    expect(out.analysis).toBeNull();
    expect(out.problems[0].message).toContain("2027-01");
  });

  it("periods sort by date when all parse (dates, YYYY-MM, quarters), else by first appearance", () => {
    const dated = ok([
      kpi({ KPI: "A", Period: "2026-03", Actual: 1 }),
      kpi({ KPI: "A", Period: new Date(Date.UTC(2026, 0, 1)), Actual: 1 }),
      kpi({ KPI: "A", Period: "2026-02", Actual: 1 }),
    ]);
    expect(dated.periods).toEqual(["2026-01", "2026-02", "2026-03"]);
    const text = ok([kpi({ KPI: "A", Period: "Wave 2", Actual: 1 }), kpi({ KPI: "A", Period: "Wave 1", Actual: 1 })]);
    expect(text.periods).toEqual(["Wave 2", "Wave 1"]);
    expect(text.asOf).toBe("Wave 1");
    const quarters = ok([kpi({ KPI: "A", Period: "2026-Q2", Actual: 1 }), kpi({ KPI: "A", Period: "2026-q1", Actual: 1 })]);
    expect(quarters.periods).toEqual(["2026-Q1", "2026-Q2"]);
  });

  it("a Journey table without periods is scored whole when only the Budget has periods", () => {
    const a = ok([kpi({ KPI: "A", Actual: 90 })], [line({ Period: "2026-01" }), line({ Period: "2026-02", Actual: 1100 })]);
    expect(a.asOf).toBe("2026-02");
    expect(a.scorecard.kpis.map((k) => [k.kpi, k.score])).toEqual([["A", 0.9]]);
    // budget year to date: 2,000 against 2,100
    expect(a.budgetLines[0]).toMatchObject({ budget: 2000, actual: 2100, variance: -100 });
  });

  it("a skipped row held the latest period's only actual: the period before is the as-of, with its trend", () => {
    // The cells show an actual in 2026-03, but in a skipped row: only valid rows count.
    const out = run(
      [
        kpi({ KPI: "A", Period: "2026-01", Target: 80, Actual: 60 }), // 0.75
        kpi({ KPI: "A", Period: "2026-02", Target: 80, Actual: 72 }), // 0.9
        kpi({ KPI: "A", Period: "2026-03", Target: 80, Actual: null }),
        kpi({ KPI: "B", Period: "2026-03", Target: 100, Actual: "lots" }),
      ],
      null,
      { skipInvalidRows: true },
    );
    const a = out.analysis!;
    expect(a.asOf).toBe("2026-02");
    expect(a.scorecard.kpis.map((k) => [k.kpi, k.score, k.previousPeriod])).toEqual([["A", 0.9, "2026-01"]]);
    expect(a.scorecard.kpis[0].trend).toBeCloseTo(0.15, 12);
    expect(a.skipped.map((p) => p.value)).toEqual(['"lots"']);
  });

  it("duplicates in an earlier period are found too, and every stage counts for the journey order", () => {
    const out = run([
      kpi({ KPI: "A", Stage: "Discovery", Period: "2026-01", Actual: 50 }),
      kpi({ KPI: "A", Stage: "discovery", Period: "2026-01", Actual: 60 }),
      kpi({ KPI: "A", Stage: "Awareness", Period: "2026-02", Actual: 70 }),
      kpi({ KPI: "A", Stage: "Discovery", Period: "2026-02", Actual: 80 }),
    ]);
    expect(out.problems.filter((p) => p.message.includes("Duplicate")).map((p) => [p.cell, p.value])).toEqual([
      ["Journey!3:3", "discovery / Search / Customer / A / 2026-01"],
    ]);
    const a = out.analysis!;
    expect(a.scorecard.stageOrder).toEqual(["Discovery", "Awareness"]);
    // Discovery's trend is against the first of its two January rows: 0.8 − 0.5.
    expect(a.scorecard.kpis.map((k) => [k.stage, k.score])).toEqual([["Awareness", 0.7], ["Discovery", 0.8]]);
    expect(a.scorecard.kpis[1].trend).toBeCloseTo(0.3, 12);
  });

  it("the as-of period looks at both tables", () => {
    const a = ok(
      [kpi({ KPI: "A", Period: "2026-01", Actual: 1 }), kpi({ KPI: "A", Period: "2026-02", Actual: null })],
      [line({ Period: "2026-01" }), line({ Period: "2026-02", Actual: 900 })],
    );
    expect(a.asOf).toBe("2026-02");
  });
});

describe("budget lines (docs/formulas.md §2.3)", () => {
  const months = ["2026-01", "2026-02", "2026-03", "2026-04"];
  const actuals = [90, 110, 120, null];
  const volumes = [9, 11, 12, null];
  const lines = months.map((p, i) => line({ Period: p, Budget: 100, Actual: actuals[i], "Budget volume": 10, "Actual volume": volumes[i], "Fixed share": "50%" }));
  const kpis = [kpi({ Period: "2026-01", Actual: 1 })];

  it("year to date up to the as-of period", () => {
    const a = ok(kpis, lines);
    expect(a.asOf).toBe("2026-03");
    const l = a.budgetLines[0];
    // budget 300, actual 320, cost variance −20, −6.67% → Unfavourable at 5%
    expect(l).toMatchObject({ budget: 300, actual: 320, variance: -20, status: "Unfavourable" });
    expect(l.variancePct).toBeCloseTo(-20 / 300, 12);
    expect(l.period).toMatchObject({ budget: 100, actual: 120, variance: -20 });
  });

  it("flexed period by period: volume + spending = variance", () => {
    const l = ok(kpis, lines).budgetLines[0];
    // flexed = 100 × (0.5 + 0.5 × 0.9) + 100 × (0.5 + 0.5 × 1.1) + 100 × (0.5 + 0.5 × 1.2) = 95 + 105 + 110 = 310
    expect(l.flexedBudget).toBeCloseTo(310, 9);
    expect(l.volumeVariance).toBeCloseTo(-10, 9);
    expect(l.spendingVariance).toBeCloseTo(-10, 9);
    // cost per outcome: 320 / 32 = 10 against 300 / 30 = 10
    expect(l.costPerOutcome).toBeCloseTo(10, 12);
    expect(l.budgetCostPerOutcome).toBeCloseTo(10, 12);
  });

  it("forecast: YTD actual + remaining budget (default)", () => {
    const l = ok(kpis, lines).budgetLines[0];
    expect(l.fullBudget).toBe(400);
    // 320 + 100 = 420; forecast variance (cost) 400 − 420 = −20, −5%
    expect(l.forecast).toBe(420);
    expect(l.forecastSource).toBe("remaining budget");
    expect(l.forecastVariance).toBe(-20);
    expect(l.forecastVariancePct).toBeCloseTo(-0.05, 12);
  });

  it("forecast: run-rate YTD × periods / elapsed", () => {
    const l = ok(kpis, lines, { forecastMethod: "run-rate" }).budgetLines[0];
    // 320 × 4 / 3
    expect(l.forecast).toBeCloseTo(1280 / 3, 9);
    expect(l.forecastSource).toBe("run-rate");
  });

  it("forecast: the Forecast column wins where given", () => {
    const withForecast = lines.map((r, i) => (i === 2 ? { ...r, Forecast: 410 } : r));
    const l = ok(kpis, withForecast).budgetLines[0];
    expect(l.forecast).toBe(410);
    expect(l.forecastVariance).toBe(-10);
  });

  it("year to date is like for like: a period without an actual leaves its budget out", () => {
    const gap = months.map((p, i) => line({ Period: p, Budget: 100, Actual: i === 1 || i === 3 ? null : 100 }));
    const a = ok([kpi({ Period: "2026-03", Actual: 1 })], gap);
    expect(a.asOf).toBe("2026-03");
    // Jan and Mar reported: budget 200, actual 200
    expect(a.budgetLines[0]).toMatchObject({ budget: 200, actual: 200, variance: 0, status: "On budget" });
  });

  it("revenue and cost lines, zero budget, and totals kept apart", () => {
    const a = ok(
      [kpi({ Stage: "Purchase" })],
      [
        line({ Stage: "Purchase", "Line item": "Fees", Type: "Expense", Budget: 300, Actual: 330 }),
        line({ Stage: "Purchase", "Line item": "Sales", Type: "Revenue", Budget: 1000, Actual: 1100 }),
        line({ Stage: "Purchase", "Line item": "Launch", Type: "Cost", Budget: 0, Actual: 50 }),
        line({ Stage: "Purchase", "Line item": "Spare", Type: "Cost", Budget: 0, Actual: 0 }),
      ],
    );
    const [fees, sales, launch, spare] = a.budgetLines;
    expect(fees).toMatchObject({ variance: -30, status: "Unfavourable" });
    expect(fees.variancePct).toBeCloseTo(-0.1, 12);
    expect(sales).toMatchObject({ variance: 100, status: "Favourable" });
    expect(launch).toMatchObject({ variance: -50, variancePct: null, status: "Unfavourable" });
    expect(spare).toMatchObject({ variance: 0, variancePct: null, status: "On budget" });
    expect(a.budgetTotal.cost).toMatchObject({ budget: 300, actual: 380, variance: -80 });
    expect(a.budgetTotal.revenue).toMatchObject({ budget: 1000, actual: 1100, variance: 100 });
    expect(a.budgetByStage).toHaveLength(1);
    expect(a.budgetByStage[0].cost).toMatchObject({ budget: 300, actual: 380, variance: -80, status: "Unfavourable" });
    expect(a.budgetByStage[0].revenue).toMatchObject({ budget: 1000, actual: 1100, variance: 100, status: "Favourable" });
  });

  it("blank actual: no variance, No data", () => {
    const a = ok([kpi()], [line({ Actual: null })]);
    expect(a.budgetLines[0]).toMatchObject({ actual: null, variance: null, variancePct: null, status: "No data" });
  });
});

describe("journey view (docs/formulas.md §2.4)", () => {
  it("stage spend from cost lines, share, cost per outcome, return on spend", () => {
    const a = ok(
      [kpi({ Stage: "Awareness" }), kpi({ Stage: "Purchase", KPI: "Orders" })],
      [
        line({ Stage: "Awareness", "Line item": "Media", Budget: 100, Actual: 100, "Actual volume": 50 }),
        line({ Stage: "Purchase", "Line item": "Fees", Budget: 200, Actual: 180, "Actual volume": 30 }),
        line({ Stage: "Purchase", "Line item": "Staff", Budget: 100, Actual: 120 }),
        line({ Stage: "Purchase", "Line item": "Sales", Type: "Revenue", Budget: 800, Actual: 900 }),
      ],
    );
    const [awareness, purchase] = a.stages;
    expect(awareness).toMatchObject({ name: "Awareness", budget: 100, actual: 100, variance: 0, revenueActual: null, returnOnSpend: null });
    expect(awareness.spendShare).toBeCloseTo(100 / 400, 12);
    expect(awareness.costPerOutcome).toBeCloseTo(2, 12);
    // cost lines only: budget 300, actual 300; revenue never added in
    expect(purchase).toMatchObject({ budget: 300, actual: 300, variance: 0, revenueActual: 900 });
    expect(purchase.spendShare).toBeCloseTo(0.75, 12);
    // only lines with an actual volume: 180 / 30 = 6
    expect(purchase.costPerOutcome).toBeCloseTo(6, 12);
    // (900 − 300) / 300 = 2
    expect(purchase.returnOnSpend).toBeCloseTo(2, 12);
  });

  it("stages found only in the budget follow, with a warning naming the cell", () => {
    const out = run([kpi({ Stage: "Awareness" })], [line({ Stage: "awareness " }), line({ Stage: "Retention", "Line item": "CRM" })]);
    const a = out.analysis!;
    expect(a.stages.map((s) => [s.name, s.inJourney])).toEqual([["Awareness", true], ["Retention", false]]);
    const w = out.problems.find((p) => p.message.includes("Retention"))!;
    expect(w.severity).toBe("warning");
    expect(w.cell).toBe("Budget!A3");
  });

  it("touchpoints joined on stage and touchpoint", () => {
    const a = ok(
      [kpi({ Stage: "Purchase", Touchpoint: "Checkout", Actual: 90 })],
      [line({ Stage: "Purchase", Touchpoint: "checkout", Budget: 50, Actual: 40 }), line({ Stage: "Purchase", Touchpoint: "Call", Budget: 10, Actual: 10 })],
    );
    expect(a.touchpoints.map((t) => [t.touchpoint, t.score, t.actual])).toEqual([["Checkout", 0.9, 40], ["Call", null, 10]]);
    expect(a.budgetByTouchpoint.map((t) => [t.name, t.cost?.variance])).toEqual([["Purchase / checkout", 10], ["Purchase / Call", 0]]);
  });

  it("budget totals: a line without a touchpoint counts for its stage and the total only", () => {
    const a = ok(
      [kpi({ Stage: "Purchase" })],
      [
        line({ Stage: "Purchase", Touchpoint: "Checkout", "Line item": "Fees", Budget: 50, Actual: 40, "Actual volume": 10 }),
        line({ Stage: "Purchase", Touchpoint: "", "Line item": "Staff", Budget: 100, Actual: 130, "Actual volume": 5 }),
        line({ Stage: "purchase", Touchpoint: "CHECKOUT", "Line item": "Sales", Type: "Revenue", Budget: 500, Actual: null }),
        line({ Stage: "Advocacy", Touchpoint: "Reviews", "Line item": "Tool", Budget: 20, Actual: null }),
      ],
    );
    // Purchase cost: budget 150, actual 170 (130 + 40) → 150 − 170 = −20; revenue has no actual yet.
    expect(a.budgetByStage.map((s) => [s.name, s.cost?.variance, s.revenue?.status])).toEqual([["Purchase", -20, "No data"], ["Advocacy", null, undefined]]);
    expect(a.budgetByTouchpoint.map((t) => [t.name, t.cost?.budget, t.revenue?.budget])).toEqual([["Purchase / Checkout", 50, 500], ["Advocacy / Reviews", 20, undefined]]);
    // Total cost: budget 170; actual 170 over the lines with one (budget 150) → −20.
    expect(a.budgetTotal).toEqual({
      name: "Total",
      cost: { budget: 170, actual: 170, variance: -20, variancePct: -20 / 150, status: "Unfavourable" },
      revenue: { budget: 500, actual: null, variance: null, variancePct: null, status: "No data" },
    });
    // Cost per outcome, stage: (40 + 130) / (10 + 5); touchpoint Checkout: 40 / 10.
    expect(a.stages[0].costPerOutcome).toBeCloseTo(170 / 15, 12);
    expect(a.touchpoints.find((t) => t.touchpoint === "Checkout")!.costPerOutcome).toBeCloseTo(4, 12);
  });
});

describe("skip invalid rows", () => {
  it("errors block the report by default", () => {
    const out = run([kpi({ KPI: "A" }), kpi({ KPI: "B", Target: "lots" })]);
    expect(out.analysis).toBeNull();
  });
  it("with the setting, valid rows go through and the skipped ones are listed", () => {
    const out = run([kpi({ KPI: "A" }), kpi({ KPI: "B", Target: "lots" })], null, { skipInvalidRows: true });
    expect(out.analysis!.scorecard.kpis.map((k) => k.kpi)).toEqual(["A"]);
    expect(out.analysis!.skipped.map((p) => p.cell)).toEqual(["Journey!E3"]);
  });
});
