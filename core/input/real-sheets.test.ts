/**
 * Sheets as users really keep them (issue "Read the sheets users already have"): headers with
 * extra words, a table alone, and the rest. Figures are worked out by hand in each comment.
 */
import { describe, expect, it } from "vitest";
import { kpi, line, table } from "../../test/fixtures";
import { analyse } from "../compute/analyse";
import * as functions from "../functions/functions";
import { buildReport } from "../report/build-report";
import { blockValues } from "../report/model";
import { buildSummary } from "../report/summary";
import { headerWords, matchHeaders, namedColumns } from "./header-match";
import { BUDGET_COLUMNS } from "./columns";
import { DEFAULT_SETTINGS, Settings } from "./settings";
import { parsePeriod } from "./periods";
import type { CellValue } from "./cells";

const NO_EVENTS = { duplicate: () => {}, notTaken: () => {} };
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const warnings = (problems: { severity: string; message: string }[]) => problems.filter((p) => p.severity === "warning").map((p) => p.message);
const errors = (problems: { severity: string; message: string }[]) => problems.filter((p) => p.severity === "error").map((p) => p.message);

describe("headers with extra words", () => {
  it("splits headers into words, with the stems users write", () => {
    expect(headerWords("Metric_Name")).toEqual(["metric", "name"]);
    expect(headerWords("budgetedAmount")).toEqual(["budget", "amount"]);
    expect(headerWords("Reporting_Month")).toEqual(["reporting", "month"]);
    expect(headerWords("Actuals (USD)")).toEqual(["actual", "usd"]);
  });

  it("maps the headers of a real budget export, each to its column, without a warning", () => {
    const found = matchHeaders(["category_name", "Stage", "budgeted_amount", "actual_amount", "Reporting_Month"], BUDGET_COLUMNS, namedColumns(BUDGET_COLUMNS), new Map(), NO_EVENTS);
    expect(found.map((m) => [m.index, m.key, m.kind, m.doubtful])).toEqual([
      [0, "lineItem", "guessed", false],
      [1, "stage", "named", false],
      [2, "budget", "guessed", false],
      [3, "actual", "guessed", false],
      [4, "period", "guessed", false],
    ]);
  });

  it("a header clearly a column is not beaten to it by a vaguer one earlier in the row", () => {
    // "Budget units" could be Budget (its first word) or Actual volume (Units); total_budget is
    // plainly Budget, so it gets Budget, and the vaguer header takes what is left, in doubt.
    const found = matchHeaders(["Plan spend notes", "total_budget"], BUDGET_COLUMNS, namedColumns(BUDGET_COLUMNS), new Map(), NO_EVENTS);
    expect(found.find((m) => m.index === 1)).toMatchObject({ key: "budget", doubtful: false });
  });

  it("an exact header wins over a guess; a doubtful guess is a warning naming the header and the column", () => {
    const out = analyse({
      journey: table("KPIs", [
        { Stage: "Awareness", Perspective: "Customer", Metric_Name: "Reach", Target: 100, value_rounded: 80 },
      ]),
    }, settings());
    expect(errors(out.problems)).toEqual([]);
    // value_rounded → Actual (alias Value); "rounded" explains nothing, so it is a guess in doubt.
    expect(out.analysis!.scorecard.kpis[0]).toMatchObject({ kpi: "Reach", actual: 80, achievement: 0.8 });
    expect(warnings(out.problems)).toEqual([
      'KPIs!E1: Header "value_rounded" was taken as the Actual column; expected a header naming one column; if Actual is wrong, map "value_rounded" to the right column in settings (Column mapping).',
    ]);
    expect(out.columns.journey).toEqual([
      { column: "Stage", header: "Stage", cell: "KPIs!A1", kind: "named", doubtful: false },
      { column: "Perspective", header: "Perspective", cell: "KPIs!B1", kind: "named", doubtful: false },
      { column: "KPI", header: "Metric_Name", cell: "KPIs!C1", kind: "guessed", doubtful: false },
      { column: "Target", header: "Target", cell: "KPIs!D1", kind: "named", doubtful: false },
      { column: "Actual", header: "value_rounded", cell: "KPIs!E1", kind: "guessed", doubtful: true },
    ]);
  });

  it("the user's mapping still wins over a guess", () => {
    const out = analyse({
      journey: table("KPIs", [{ Stage: "Awareness", Perspective: "Customer", KPI: "Reach", Target: 100, actual_amount: 80, actual_rounded: 81 }]),
    }, settings({ columnMapping: { journey: { actual_rounded: "Actual" }, budget: {}, actuals: {} } }));
    expect(out.analysis!.scorecard.kpis[0].actual).toBe(81);
    expect(out.columns.journey.find((c) => c.column === "Actual")).toMatchObject({ header: "actual_rounded", kind: "mapped" });
  });

  it("a guess never hides a real error: text in a guessed number column is an error naming its cell", () => {
    const out = analyse({ budget: table("Budget", [{ Stage: "Awareness", "Line item": "Media", budgeted_amount: "lots", Actual: 10 }]) }, settings());
    expect(out.analysis).toBeNull();
    expect(errors(out.problems)).toEqual(['Budget!C2: budgeted_amount "lots" is not a number; expected a number such as 1,234.5, $1,200, 85% or (1,200).']);
  });
});

describe("either table alone", () => {
  it("a budget alone gives the Budget Variance only, with no warning per stage", () => {
    const out = analyse({ journey: null, budget: table("Budget", [line({ Budget: 1000, Actual: 900 }), line({ Stage: "Purchase", Budget: 500, Actual: 550 })]) }, settings());
    expect(out.problems).toEqual([]);
    const a = out.analysis!;
    expect(a.hasJourney).toBe(false);
    // cost: variance = budget − actual: 100 and −50, total 50.
    expect(a.budgetTotal.cost).toMatchObject({ budget: 1500, actual: 1450, variance: 50 });
    expect(buildReport(a).sheets.map((s) => s.key)).toEqual(["budget"]);
    expect(buildSummary(a).scorecard).toBeNull();
  });

  it("KPIs alone give the Scorecard and the Journey View, with no spend columns", () => {
    const a = analyse({ journey: table("Journey", [kpi({ Actual: 90 })]) }, settings()).analysis!;
    const sheets = buildReport(a).sheets;
    expect(sheets.map((s) => s.key)).toEqual(["scorecard", "journey"]);
    const headers = sheets[1].blocks.flatMap((b) => blockValues(b).flat()).filter((v) => typeof v === "string");
    expect(headers).not.toContain("Cost budget");
    expect(headers).not.toContain("Share of spend");
  });

  it("neither table is one clear error", () => {
    const out = analyse({ journey: null, budget: null }, settings());
    expect(out.analysis).toBeNull();
    expect(errors(out.problems)).toEqual([
      'No Journey or Budget table was found; expected an Excel table or named range "Journey" or "Budget", a sheet of that name, or a selected range with headers.',
    ]);
  });
});

describe("no Perspective column, no Direction column", () => {
  const noPerspective = () => table("KPIs", [
    { Stage: "Awareness", KPI: "Reach", Target: 100, Actual: 90 },
    { Stage: "Awareness", KPI: "Clicks", Target: 50, Actual: 50 },
    { Stage: "Purchase", KPI: "Orders", Target: 10, Actual: 5 },
  ]);

  it("without a default, the scorecard rolls up by stage, says so, and charts the stages", () => {
    const out = analyse({ journey: noPerspective() }, settings());
    expect(out.problems).toEqual([]);
    const card = out.analysis!.scorecard;
    expect(card.perspectives).toEqual([]);
    expect(card.stagePerspectives).toEqual([]);
    // Awareness: (0.9 + 1) / 2 = 0.95; Purchase: 0.5; overall (0.9 + 1 + 0.5) / 3 = 0.8.
    expect(card.stages.map((s) => [s.name, s.score])).toEqual([["Awareness", 0.95], ["Purchase", 0.5]]);
    expect(card.overall.score).toBeCloseTo(0.8, 12);
    const sheet = buildReport(out.analysis!).sheets[0];
    const texts = sheet.blocks.flatMap((b) => blockValues(b).flat());
    expect(texts).toContain("The KPIs have no perspective, so the scorecard rolls up by stage, touchpoint and objective. Set a default perspective in settings to group them.");
    expect(texts).not.toContain("Stage × perspective");
    expect(sheet.charts.map((c) => c.title)).toEqual(["Score by stage"]);
    expect(buildSummary(out.analysis!).scorecard).toMatchObject({ groupedBy: "Stage", groups: [{ name: "Awareness" }, { name: "Purchase" }] });
  });

  it("=SCORECARD rolls up by stage too, and has no matrix to give", () => {
    const range = [["Stage", "KPI", "Target", "Actual"], ["Awareness", "Reach", 100, 90], ["Purchase", "Orders", 10, 5]];
    const byDefault = functions.SCORECARD(range) as unknown[][];
    expect(byDefault.map((r) => [r[0], r[1]])).toEqual([["Stage", "Score"], ["Awareness", 0.9], ["Purchase", 0.5], ["Overall", 0.7]]);
    expect(functions.SCORECARD(range, "matrix")).toMatchObject({ error: "#N/A" });
  });

  it("with defaultPerspective, every KPI takes it", () => {
    const card = analyse({ journey: noPerspective() }, settings({ defaultPerspective: "Customer" })).analysis!.scorecard;
    expect(card.perspectives.map((p) => [p.name, p.kpis])).toEqual([["Financial", 0], ["Customer", 3], ["Internal process", 0], ["Learning & growth", 0]]);
    expect(card.perspectives[1].score).toBeCloseTo(0.8, 12);
  });

  it("defaultDirection applies to rows without a Direction; a row's own still wins", () => {
    const journey = table("KPIs", [
      { Stage: "Support", KPI: "Wait", Direction: "", Target: 10, Actual: 12 },
      { Stage: "Support", KPI: "CSAT", Direction: "higher", Target: 80, Actual: 72 },
    ]);
    const kpis = analyse({ journey }, settings({ defaultDirection: "lower" })).analysis!.scorecard.kpis;
    // Wait, lower, no baseline: 2 − 12/10 = 0.8; CSAT, higher: 72/80 = 0.9.
    expect(kpis[0]).toMatchObject({ direction: "lower" });
    expect(kpis[0].achievement).toBeCloseTo(0.8, 12);
    expect(kpis[1].achievement).toBeCloseTo(0.9, 12);
  });

  it("a blank Perspective in a sheet that has the column is still an error without a default", () => {
    const out = analyse({ journey: table("KPIs", [kpi({ Perspective: "" })]) }, settings());
    expect(errors(out.problems)[0]).toMatch(/^KPIs!C2: Perspective is blank/);
    expect(analyse({ journey: table("KPIs", [kpi({ Perspective: "" })]) }, settings({ defaultPerspective: "Financial" })).analysis!.scorecard.kpis[0].perspective).toBe("Financial");
  });
});

describe("blank or zero targets", () => {
  it("a blank Target is a KPI with no target yet: counted, not scored, never blocking", () => {
    const out = analyse({ journey: table("KPIs", [kpi({ KPI: "Reach", Target: 100, Actual: 80 }), kpi({ KPI: "NPS", Target: null, Actual: 42 })]) }, settings());
    expect(errors(out.problems)).toEqual([]);
    const card = out.analysis!.scorecard;
    expect(card.kpis[1]).toMatchObject({ kpi: "NPS", target: null, actual: 42, achievement: null, score: null, status: "No target" });
    // Only Reach is scored: 0.8; both are counted.
    expect(card.overall).toMatchObject({ score: 0.8, kpis: 2, withData: 1 });
  });

  it("a sheet without a Target column is a monitoring sheet: every KPI No target, one warning", () => {
    const out = analyse({ journey: table("KPIs", [
      { Stage: "Awareness", KPI: "Visits", Period: "2026-01", Actual: 100 },
      { Stage: "Awareness", KPI: "Visits", Period: "2026-02", Actual: 120 },
    ]) }, settings());
    expect(out.analysis!.scorecard.kpis).toEqual([expect.objectContaining({ kpi: "Visits", actual: 120, status: "No target", period: "2026-02" })]);
    // Its groups say why they have no score.
    expect(out.analysis!.scorecard.overall.status).toBe("No target");
    expect(out.analysis!.scorecard.stages[0].status).toBe("No target");
    expect(warnings(out.problems)).toEqual([
      "KPIs: The Journey table has no Target column, so every KPI is shown as No target; expected a Target column to score KPIs (or a column mapping in settings); actuals and trends are still shown.",
    ]);
  });

  it("lower-is-better with target 0 and no baseline: Green at or below 0, Red above, and the report says so once per KPI", () => {
    const rows = [1, 2].flatMap((m) => [
      kpi({ KPI: "Complaints", Direction: "lower", Target: 0, Actual: m === 2 ? 0 : 3, Period: `2026-0${m}` }),
      kpi({ KPI: "Defects", Direction: "lower", Target: 0, Actual: m === 2 ? 2 : 0, Period: `2026-0${m}` }),
    ]);
    const out = analyse({ journey: table("KPIs", rows) }, settings());
    expect(errors(out.problems)).toEqual([]);
    const kpis = out.analysis!.scorecard.kpis;
    expect(kpis.map((k) => [k.kpi, k.status, k.achievement, k.score])).toEqual([["Complaints", "Green", null, 1], ["Defects", "Red", null, 0]]);
    // Trend: Complaints 1 − 0 = +1; Defects 0 − 1 = −1.
    expect(kpis.map((k) => k.trend)).toEqual([1, -1]);
    expect(warnings(out.problems).filter((w) => w.includes("Target 0"))).toEqual([
      'KPIs!E2: KPI "Complaints" is lower-is-better with Target 0 and no Baseline; expected a Baseline to score it by the formula; until then it is Green at or below 0 and Red above, with no achievement figure.',
      'KPIs!E3: KPI "Defects" is lower-is-better with Target 0 and no Baseline; expected a Baseline to score it by the formula; until then it is Green at or below 0 and Red above, with no achievement figure.',
    ]);
    expect(functions.KPISTATUS(2, 0, "lower")).toBe("Red");
    expect(functions.KPISCORE(0, 0, "lower")).toBe(1);
  });
});

describe("a missing actual inside elapsed periods", () => {
  // Media: 100 a month for six months; actuals Jan–Mar, April blank. Events reports April, so
  // the as-of period is April. To date (like for like): budget 300, actual 300.
  const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
  const mediaActuals = [90, 110, 100, null, null, null];
  const rows = [
    ...months.map((p, i) => line({ "Line item": "Media", Period: p, Budget: 100, Actual: mediaActuals[i] })),
    ...months.map((p, i) => line({ "Line item": "Events", Period: p, Budget: 50, Actual: i < 4 ? 50 : null })),
  ];

  it("counts as budget still to spend: forecast 300 + April 100 + May–June 200 = 600, no variance", () => {
    const a = analyse({ budget: table("Budget", rows) }, settings()).analysis!;
    expect(a.asOf).toBe("2026-04");
    const media = a.budgetLines.find((l) => l.lineItem === "Media")!;
    expect(media).toMatchObject({ budget: 300, actual: 300, fullBudget: 600, forecast: 600, forecastVariance: 0, forecastSource: "remaining budget" });
  });

  it("the run-rate runs over the periods that have an actual: 300 × 6 / 3 = 600", () => {
    const a = analyse({ budget: table("Budget", rows) }, settings({ forecastMethod: "run-rate" })).analysis!;
    expect(a.budgetLines.find((l) => l.lineItem === "Media")).toMatchObject({ forecast: 600, forecastVariance: 0 });
    // Events: 200 over 4 periods → 200 × 6 / 4 = 300, its full budget.
    expect(a.budgetLines.find((l) => l.lineItem === "Events")).toMatchObject({ forecast: 300, forecastVariance: 0 });
  });
});

describe("no Direction column", () => {
  it("marketing's cost names too (CPC), in a sheet whose actuals are headed Result", () => {
    const out = analyse({ journey: table("KPIs", [{ Stage: "Awareness", KPI: "CPC", Target: 1.2, Result: 1.35 }]) }, settings());
    // Scored as the sheet says nothing: 1.35 / 1.2 = 1.125.
    expect(out.analysis!.scorecard.kpis[0].achievement).toBeCloseTo(1.125, 12);
    expect(out.columns.journey.find((c) => c.column === "Actual")).toMatchObject({ header: "Result", kind: "named" });
    expect(warnings(out.problems)).toEqual([
      'KPIs!B2: KPI "CPC" sounds lower-is-better ("cpc") but the table has no Direction column; expected a Direction column saying lower for it (or the setting defaultDirection); it is scored as higher-is-better.',
    ]);
  });

  it("a KPI whose name says cost, time, churn, defects… gets a warning suggesting lower, once; nothing is guessed", () => {
    const rows = ["2026-01", "2026-02"].flatMap((p) => [
      kpi({ KPI: "Cost per lead", Target: 40, Actual: 50, Period: p }),
      kpi({ KPI: "Cart abandonment rate", Target: 0.6, Actual: 0.7, Period: p }),
      kpi({ KPI: "Leads", Target: 100, Actual: 90, Period: p }),
    ]);
    const out = analyse({ journey: table("KPIs", rows) }, settings());
    expect(warnings(out.problems)).toEqual([
      'KPIs!D2: KPI "Cost per lead" sounds lower-is-better ("cost") but the table has no Direction column; expected a Direction column saying lower for it (or the setting defaultDirection); it is scored as higher-is-better.',
      'KPIs!D3: KPI "Cart abandonment rate" sounds lower-is-better ("abandonment") but the table has no Direction column; expected a Direction column saying lower for it (or the setting defaultDirection); it is scored as higher-is-better.',
    ]);
    // Not guessed: Cost per lead is still scored higher-is-better, 50 / 40 = 1.25.
    expect(out.analysis!.scorecard.kpis[0].achievement).toBeCloseTo(1.25, 12);
    expect(warnings(analyse({ journey: table("KPIs", rows) }, settings({ defaultDirection: "lower" })).problems)).toEqual([]);
  });
});

describe("dates as text", () => {
  it("reads the ways users write months, quarters and dates", () => {
    const label = (text: string, order: "day-first" | "month-first" | null = null) => parsePeriod(text, order)?.label;
    expect(["03-2026", "3/2026", "Mar 2026", "March 2026", "Mar-26", "mar-2026", "Sept 2026"].map((t) => label(t))).toEqual(["2026-03", "2026-03", "2026-03", "2026-03", "2026-03", "2026-03", "2026-09"]);
    expect(["2026 Q1", "Q1 2026", "2026-Q1"].map((t) => label(t))).toEqual(["2026-Q1", "2026-Q1", "2026-Q1"]);
    expect(label("FY2026 Q1")).toBe("FY2026-Q1");
    expect(label("15/03/2026", "day-first")).toBe("2026-03-15");
    expect(label("03/15/2026", "month-first")).toBe("2026-03-15");
    expect(label("01/03/2026", "day-first")).toBe("2026-03");
    expect(label("01/03/2026", "month-first")).toBe("2026-01-03");
    // Without an order a slash date stays text: never guessed.
    expect(parsePeriod("03/04/2026")).toEqual({ label: "03/04/2026", start: null });
    expect(label("Marchland 2026")).toBe("Marchland 2026");
  });

  it("day-first is decided from a day above 12; the periods are then dated and ordered", () => {
    const rows = ["15/01/2026", "15/02/2026", "01/03/2026"].map((p, i) => kpi({ Period: p, Actual: 80 + i * 10 }));
    const a = analyse({ journey: table("KPIs", rows) }, settings()).analysis!;
    expect(a.periods).toEqual(["2026-01-15", "2026-02-15", "2026-03"]);
    expect(a.asOf).toBe("2026-03");
  });

  it("month-first is decided from a second part above 12", () => {
    const rows = ["01/15/2026", "02/15/2026", "03/01/2026"].map((p) => kpi({ Period: p }));
    expect(analyse({ journey: table("KPIs", rows) }, settings()).analysis!.periods).toEqual(["2026-01-15", "2026-02-15", "2026-03"]);
  });

  it("when the data cannot tell, the user is told (an error naming the cell and the setting), and the setting decides", () => {
    const rows = ["01/02/2026", "01/03/2026"].map((p) => kpi({ Period: p }));
    const out = analyse({ journey: table("KPIs", rows) }, settings());
    expect(out.analysis).toBeNull();
    expect(errors(out.problems)).toEqual([
      'KPIs!G2: Period "01/02/2026" could be read day-first or month-first; expected the setting dateOrder (day-first or month-first): no date in the column has a day above 12 to tell.',
    ]);
    expect(analyse({ journey: table("KPIs", rows) }, settings({ dateOrder: "day-first" })).analysis!.periods).toEqual(["2026-02", "2026-03"]);
    expect(analyse({ journey: table("KPIs", rows) }, settings({ dateOrder: "month-first" })).analysis!.periods).toEqual(["2026-01-02", "2026-01-03"]);
  });

  it("Mar-26 style months order by date across the year end", () => {
    const rows = ["Nov-25", "Dec-25", "Jan-26"].map((p) => line({ Period: p }));
    expect(analyse({ budget: table("Budget", rows) }, settings()).analysis!.periods).toEqual(["2025-11", "2025-12", "2026-01"]);
  });
});

describe("totals inside a table, another table below", () => {
  it("total and subtotal rows are left out of the sums, each with a warning naming its row", () => {
    const budget = table("Budget", [
      line({ Stage: "Awareness", "Line item": "Media", Budget: 1000, Actual: 900 }),
      line({ Stage: "Awareness", "Line item": "Events", Budget: 500, Actual: 500 }),
      { Stage: "Awareness Total", "Line item": null, Type: null, Budget: 1500, Actual: 1400 },
      line({ Stage: "Purchase", "Line item": "Fees", Budget: 200, Actual: 250 }),
      { Stage: "", "Line item": "Grand total", Type: null, Budget: 1700, Actual: 1650 },
    ]);
    const out = analyse({ budget }, settings());
    expect(errors(out.problems)).toEqual([]);
    // Without the totals: budget 1700, actual 1650, cost variance 50 (not 100 counted twice).
    expect(out.analysis!.budgetTotal.cost).toMatchObject({ budget: 1700, actual: 1650, variance: 50 });
    // A budget alone: its report's one sheet carries the notes.
    const sheet = buildReport(out.analysis!).sheets[0];
    const texts = sheet.blocks.flatMap((b) => blockValues(b).flat());
    expect(texts).toContain("Notes");
    expect(texts).toContain("Budget!4:4: A total row was left out of the sums; expected budget lines and KPIs only; the report makes its own totals.");
    expect(warnings(out.problems)).toEqual([
      'Budget!4:4: A total row was left out of the sums; expected budget lines and KPIs only; the report makes its own totals.',
      'Budget!6:6: A total row was left out of the sums; expected budget lines and KPIs only; the report makes its own totals.',
    ]);
  });

  it("a KPI named Total revenue is a KPI, not a total row", () => {
    const out = analyse({ journey: table("KPIs", [kpi({ KPI: "Total revenue", Target: 100, Actual: 90 })]) }, settings());
    expect(out.analysis!.scorecard.kpis.map((k) => k.kpi)).toEqual(["Total revenue"]);
  });

  it("rows below the first empty row that look like another table are named in a warning", () => {
    const values = [
      ["Stage", "Line item", "Budget", "Actual"],
      ["Awareness", "Media", 100, 90],
      [],
      ["Source: finance"],
      ["Stage", "Line item", "Budget", "Actual"],
      ["Purchase", "Fees", 50, 60],
    ];
    const out = analyse({ budget: { block: { sheet: "Budget", origin: { row: 0, col: 0 }, values }, locate: true } }, settings());
    expect(out.analysis!.budgetLines).toHaveLength(1);
    expect(warnings(out.problems)).toEqual([
      "Budget!5:6: Rows below the table look like another table; expected one table per sheet; the Budget table ends at its first empty row (3), so these rows were not read. Remove the empty row if they belong to it, or name the table in settings.",
    ]);
  });
});

describe("wide layouts", () => {
  const wide = (values: CellValue[][]) => analyse({ budget: { block: { sheet: "Budget", origin: { row: 0, col: 0 }, values }, locate: true } }, settings());

  it("Budget Jan | Actual Jan | Budget Feb | Actual Feb is read as one line per month", () => {
    const out = wide([
      ["Stage", "Line item", "Budget Jan", "Actual Jan", "Budget Feb", "Actual Feb"],
      ["Awareness", "Media", 100, 90, 100, 120],
      ["Purchase", "Fees", 50, 50, 50, null],
    ]);
    expect(errors(out.problems)).toEqual([]);
    const a = out.analysis!;
    expect(a.periods).toEqual(["Jan", "Feb"]);
    // As of Feb (Media reports it): Media 200 vs 210 → −10; Fees like for like: Jan only, 50 vs 50.
    expect(a.asOf).toBe("Feb");
    expect(a.budgetLines.map((l) => [l.lineItem, l.budget, l.actual, l.variance])).toEqual([["Media", 200, 210, -10], ["Fees", 50, 50, 0]]);
    expect(out.columns.budget.map((c) => [c.column, c.cell])).toEqual([["Stage", "Budget!A1"], ["Line item", "Budget!B1"], ["Budget", "Budget!C1"], ["Actual", "Budget!D1"], ["Period", "Budget!C1"]]);
  });

  it("Jan Act | Jan Plan, and a bad cell is named where it really is", () => {
    const out = wide([
      ["Stage", "Line item", "Jan Plan", "Jan Act", "Feb Plan", "Feb Act"],
      ["Awareness", "Media", 100, 90, 100, "lots"],
    ]);
    expect(errors(out.problems)).toEqual(['Budget!F2: Actual "lots" is not a number; expected a number such as 1,234.5, $1,200, 85% or (1,200).']);
  });

  it("Budget_2024 | Actual_2024 | Budget_2025 | Actual_2025: years as periods", () => {
    const a = wide([
      ["Stage", "Line item", "Budget_2024", "Actual_2024", "Budget_2025", "Actual_2025"],
      ["Awareness", "Media", 1000, 1100, 1200, 1150],
    ]).analysis!;
    expect(a.periods).toEqual(["2024", "2025"]);
    expect(a.budgetLines[0]).toMatchObject({ budget: 2200, actual: 2250, variance: -50 });
  });

  it("a row of months under a Budget / Actual band", () => {
    const out = wide([
      ["Stage", "Line item", "Budget", null, "Actual", null],
      [null, null, "Jan", "Feb", "Jan", "Feb"],
      ["Awareness", "Media", 100, 100, 80, "x"],
    ]);
    // The bad cell is on sheet row 3, column F (Actual Feb).
    expect(errors(out.problems)).toEqual(['Budget!F3: Actual "x" is not a number; expected a number such as 1,234.5, $1,200, 85% or (1,200).']);
    const ok = wide([
      ["Stage", "Line item", "Budget", null, "Actual", null],
      [null, null, "Jan", "Feb", "Jan", "Feb"],
      ["Awareness", "Media", 100, 100, 80, 130],
      ["Grand total", null, 100, 100, 80, 130],
    ]);
    expect(ok.analysis!.budgetLines[0]).toMatchObject({ budget: 200, actual: 210, variance: -10 });
    // The total row is two long rows (Jan, Feb) but one row of the sheet: one warning.
    expect(warnings(ok.problems)).toEqual(["Budget!4:4: A total row was left out of the sums; expected budget lines and KPIs only; the report makes its own totals."]);
  });

  it("a long Period column beside columns per period is an error that says so", () => {
    const out = wide([
      ["Stage", "Line item", "Month", "Budget Jan", "Actual Jan"],
      ["Awareness", "Media", "Jan", 100, 90],
    ]);
    expect(out.analysis).toBeNull();
    expect(errors(out.problems)).toEqual(['Budget!C1: The Budget table has both a Period column and columns per period; expected either a Period column or one column per period (Jan), not both.']);
  });

  it("a KPI sheet wide by month: Target Jan | Actual Jan | Target Feb | Actual Feb", () => {
    const values: CellValue[][] = [
      ["Stage", "KPI", "Target Jan", "Actual Jan", "Target Feb", "Actual Feb"],
      ["Awareness", "Reach", 100, 80, 100, 90],
    ];
    const a = analyse({ journey: { block: { sheet: "KPIs", origin: { row: 0, col: 0 }, values }, locate: true } }, settings()).analysis!;
    // As of Feb: 90 / 100 = 0.9, trend 0.9 − 0.8 = +0.1.
    expect(a.asOf).toBe("Feb");
    expect(a.scorecard.kpis[0].achievement).toBeCloseTo(0.9, 12);
    expect(a.scorecard.kpis[0].trend).toBeCloseTo(0.1, 12);
  });

  it("one Target for the year beside an Actual per month", () => {
    const values: CellValue[][] = [
      ["Stage", "KPI", "Target", "Actual Jan", "Actual Feb", "Actual Mar"],
      ["Awareness", "Reach", 100, 70, 85, null],
    ];
    const a = analyse({ journey: { block: { sheet: "KPIs", origin: { row: 0, col: 0 }, values }, locate: true } }, settings()).analysis!;
    // March has no actual: as of Feb, 85 / 100 = 0.85, trend 0.85 − 0.70 = +0.15.
    expect(a.periods).toEqual(["Jan", "Feb"]);
    expect(a.scorecard.kpis[0]).toMatchObject({ target: 100, actual: 85, period: "Feb" });
    expect(a.scorecard.kpis[0].trend).toBeCloseTo(0.15, 12);
  });

  it("a long table with last year's figures beside its own stays long", () => {
    const out = wide([["Stage", "Line item", "Budget", "Actual", "Budget 2025", "Actual 2025"], ["Awareness", "Media", 100, 90, 80, 85]]);
    expect(out.analysis!.periods).toEqual([]);
    expect(out.analysis!.budgetLines[0]).toMatchObject({ budget: 100, actual: 90, variance: 10 });
  });

  it("Budget volume and Actual volume are not periods: a long table stays long", () => {
    const a = wide([["Stage", "Line item", "Budget", "Actual", "Budget volume", "Actual volume"], ["Awareness", "Media", 100, 90, 10, 12]]).analysis!;
    expect(a.budgetLines[0]).toMatchObject({ budget: 100, actual: 90, budgetVolume: 10, actualVolume: 12 });
  });
});

describe("budget and actuals in two tables", () => {
  it("a ledger export: Cost Center, Posting Date, Amount (USD)", () => {
    const budget = table("Budget", [{ Stage: "Awareness", "Line item": "Media", Budget: 1000, Period: "2026-01" }]);
    const ledger = table("Actuals", [
      { Stage: "Awareness", "Cost Center": "Media", "Posting Date": "2026-01-12", "Amount (USD)": 700 },
      { Stage: "Awareness", "Cost Center": "Media", "Posting Date": "2026-01-28", "Amount (USD)": 250 },
    ]);
    const out = analyse({ budget, actuals: ledger }, settings());
    // 700 + 250 = 950 against 1000: +50.
    expect(out.analysis!.budgetLines[0]).toMatchObject({ budget: 1000, actual: 950, variance: 50 });
    expect(out.columns.actuals.map((c) => [c.column, c.header, c.kind, c.doubtful])).toEqual([
      ["Stage", "Stage", "named", false], ["Line item", "Cost Center", "named", false],
      ["Period", "Posting Date", "guessed", true], ["Actual", "Amount (USD)", "guessed", false],
    ]);
  });

  const budgetRows = [
    { Stage: "Awareness", "Line item": "Media", Budget: 1000, Period: "2026-01" },
    { Stage: "Awareness", "Line item": "Media", Budget: 1000, Period: "2026-02" },
    { Stage: "Purchase", "Line item": "Fees", Budget: 300, Period: "2026-01" },
    { Stage: "Purchase", "Line item": "Fees", Budget: 300, Period: "2026-02" },
  ];
  const actualRows = [
    { Stage: " awareness ", "Line item": "MEDIA", Date: "2026-01-10", Amount: 400 },
    { Stage: "Awareness", "Line item": "Media", Date: "2026-01-25", Amount: 500 },
    { Stage: "Awareness", "Line item": "Media", Date: "2026-02-03", Amount: 1200 },
    { Stage: "Purchase", "Line item": "Fees", Date: "2026-01-31", Amount: 310 },
    { Stage: "Purchase", "Line item": "Card fees", Date: "2026-02-02", Amount: 40 },
    { Stage: "Purchase", "Line item": "Card fees", Date: "2026-02-09", Amount: 35 },
  ];

  it("matches actuals to budget lines by stage, line item and period (trimmed, case-folded; a date finds its month) and sums them", () => {
    const out = analyse({ budget: table("Budget", budgetRows), actuals: table("Actuals", actualRows) }, settings());
    expect(errors(out.problems)).toEqual([]);
    const a = out.analysis!;
    // As of Feb. Media: Jan 400 + 500, Feb 1200 → 2100 against 2000 → −100.
    // Fees: Jan 310, Feb none → like for like Jan only: 300 vs 310 → −10.
    expect(a.asOf).toBe("2026-02");
    expect(a.budgetLines.map((l) => [l.lineItem, l.budget, l.actual, l.variance])).toEqual([["Media", 2000, 2100, -100], ["Fees", 300, 310, -10]]);
    expect(out.columns.actuals.map((c) => [c.column, c.header])).toEqual([["Stage", "Stage"], ["Line item", "Line item"], ["Period", "Date"], ["Actual", "Amount"]]);
    // Unmatched actuals are listed once per line, with their total.
    expect(warnings(out.problems)).toEqual([
      "Actuals!B6: 2 actuals totalling 75 match no budget line; expected a budget line with the same Stage, Line item and Period; they are left out of the report.",
    ]);
  });
});

describe("a doubtful guess for a column the table can do without", () => {
  it("Target is needed for a scorecard: a doubtful guess for it is taken, with a warning", () => {
    const out = analyse({ journey: table("KPIs", [{ Stage: "Awareness", KPI: "Reach", Target_2026: 100, Actual: 90 }]) }, settings());
    expect(out.analysis!.scorecard.kpis[0]).toMatchObject({ target: 100, achievement: 0.9 });
    expect(warnings(out.problems)).toEqual([
      'KPIs!C1: Header "Target_2026" was taken as the Target column; expected a header naming one column; if Target is wrong, map "Target_2026" to the right column in settings (Column mapping).',
    ]);
  });

  it("is not used but mentioned: a review date does not become the Period", () => {
    const out = analyse({ journey: table("KPIs", [{ Stage: "Awareness", KPI: "Reach", Target: 100, Actual: 90, "Last review date": "2026-01-15" }]) }, settings());
    expect(out.analysis!.periods).toEqual([]);
    expect(out.columns.journey.map((c) => c.column)).not.toContain("Period");
    expect(warnings(out.problems)).toEqual([
      'KPIs!E1: Header "Last review date" might be the Period column; expected a column mapping in settings ("Last review date" = Period) if it is; until then it is not read.',
    ]);
  });
});

describe("period words in wide headers", () => {
  it("reads months, quarters, years and fiscal years, with or without brackets", async () => {
    const { periodOfText } = await import("./wide-table");
    expect(["Jan", "(Feb)", "Q3", "2024", "FY24", "FY 2025", "Jan-26", "Mar 2026", "2026-Q1", "notes", "Q5"].map(periodOfText)).toEqual([
      "Jan", "Feb", "Q3", "2024", "FY2024", "FY2025", "2026-01", "2026-03", "2026-Q1", null, null,
    ]);
  });
});
