import { describe, expect, it } from "vitest";
import { Row, kpi, line, table } from "../../test/fixtures";
import { analyse } from "../compute/analyse";
import { PALETTES } from "./palette";
import { buildReport } from "./build-report";
import { CellRange, ReportSheet, ReportValue, TEXT_FORMAT, blockValues, forEachChunk } from "./model";
import { DEFAULT_SETTINGS, Settings, parseSettings, parseStoredSettings } from "../input/settings";

function model(over: Partial<Settings> = {}) {
  const settings = { ...DEFAULT_SETTINGS, ...over };
  const { analysis } = analyse(
    {
      journey: table("Journey", [
        kpi({ Stage: "Awareness", KPI: "=1+1", Perspective: "Customer", Target: 100, Actual: 90, "Moment of truth": "yes" }),
        kpi({ Stage: "Purchase", KPI: "Orders", Perspective: "Financial", Target: 100, Actual: 100 }),
      ]),
      budget: table("Budget", [
        line({ Stage: "Awareness", Touchpoint: "Search", Budget: 1000, Actual: 1100 }),
        line({ Stage: "Purchase", Touchpoint: "Checkout", "Line item": "Sales", Type: "Revenue", Budget: 500, Actual: 600 }),
      ]),
    },
    settings,
  );
  return buildReport(analysis!, { generatedAt: "2026-11-23" });
}

/** The value at (row, col) of a sheet, wherever its block put it. */
function cell(sheet: ReportSheet, row: number, col: number): ReportValue | undefined {
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && r < b.rows && c >= 0 && c < b.cols) return b.rowsAt(r, 1)[0][c];
  }
  return undefined;
}

function find(sheet: ReportSheet, text: string): { row: number; col: number } {
  for (const b of sheet.blocks) {
    const values = blockValues(b);
    for (let r = 0; r < values.length; r++) {
      const c = values[r].indexOf(text);
      if (c >= 0) return { row: b.row + r, col: b.col + c };
    }
  }
  throw new Error(`"${text}" not in ${sheet.name}`);
}

/** The first row of the budget lines table as header → value; fails when the row is longer than its headers. */
function budgetLineRow(sheet: ReportSheet): Record<string, ReportValue | undefined> {
  const at = find(sheet, "Line item");
  const row: Record<string, ReportValue | undefined> = {};
  let col = at.col - 2;
  for (; cell(sheet, at.row, col) !== undefined; col++) row[String(cell(sheet, at.row, col))] = cell(sheet, at.row + 1, col);
  expect(cell(sheet, at.row + 1, col)).toBeUndefined();
  return row;
}

const inside = (range: CellRange, row: number, col: number) => row >= range.row && row < range.row + range.rows && col >= range.col && col < range.col + range.cols;

describe("report model", () => {
  it("three sheets named from settings, title rows frozen", () => {
    const m = model({ sheetNames: { scorecard: "BSC", budget: "Budget vs Actual", journey: "Journey map" } });
    expect(m.sheets.map((s) => s.name)).toEqual(["BSC", "Budget vs Actual", "Journey map"]);
    for (const s of m.sheets) expect(s.frozenRows).toBe(2);
    expect(cell(m.sheets[0], 0, 0)).toBe("Balanced scorecard — all rows (no periods)");
    // overall: (0.9 + 1) / 2
    expect(cell(m.sheets[0], 1, 1)).toBeCloseTo(0.95, 12);
    expect(cell(m.sheets[0], 1, 2)).toBe("Amber");
  });

  it("status words are coloured by rules on their cells, in the settings' palette", () => {
    for (const palette of ["standard", "colour-blind"] as const) {
      const s = model({ palette }).sheets[0];
      const at = find(s, "Perspective");
      const statusCol = at.col + 2;
      const rules = s.conditionalFormats.filter((r) => r.kind === "textEquals" && inside(r.range, at.row + 1, statusCol));
      const green = rules.find((r) => r.kind === "textEquals" && r.text === "Green");
      expect(rules.map((r) => (r.kind === "textEquals" ? r.text : ""))).toEqual(["Green", "Amber", "Red", "No data", "No target"]);
      expect(green).toMatchObject({ fill: PALETTES[palette].good.fill, fontColor: PALETTES[palette].good.font });
      expect(green!.range.rows).toBe(4);
    }
    expect(PALETTES["colour-blind"].good.fill).not.toBe(PALETTES.standard.good.fill);
  });

  it("heat map 3-colour scale at 0, 1 − tolerance, 1; data bars up to the cap", () => {
    const s = model({ kpiTolerance: 0.15, scoreCap: 1.2 }).sheets[0];
    const heat = s.conditionalFormats.find((r) => r.kind === "colorScale");
    expect(heat?.kind === "colorScale" && heat.stops.map((x) => x.value)).toEqual([0, 0.85, 1]);
    expect(heat!.range.cols).toBe(1);
    const scales = s.conditionalFormats.filter((r) => r.kind === "colorScale");
    expect(scales).toHaveLength(4); // one per perspective column
    const bar = s.conditionalFormats.find((r) => r.kind === "dataBar");
    expect(bar).toMatchObject({ min: 0, max: 1.2 });
  });

  it("variance % red/green by sign beyond the budget tolerance", () => {
    const s = model({ budgetTolerance: 0.08 }).sheets[1];
    const rules = s.conditionalFormats.filter((r) => r.kind === "numberCompare");
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((r) => (r.kind === "numberCompare" ? `${r.operator} ${r.value}` : "")))).toEqual(new Set(["greaterThan 0.08", "lessThan -0.08"]));
  });

  it("number formats on the figures", () => {
    const s = model().sheets[1];
    const at = find(s, "Cost by stage");
    const awareness = at.row + 2;
    expect(cell(s, awareness, 0)).toBe("Awareness");
    expect(cell(s, awareness, 3)).toBe(-100);
    const formatOf = (row: number, col: number) => s.numberFormats.filter((f) => inside(f.range, row, col)).map((f) => f.format);
    expect(formatOf(awareness, 1)).toEqual(["#,##0"]);
    expect(formatOf(awareness, 4)).toEqual(["0.0%"]);
  });

  it("header rows whose labels wrap get the height for their lines", () => {
    const s = model().sheets[1];
    const at = find(s, "Budget cost per outcome");
    // 23 characters in a 13-character column: two lines of 20 pixels (15 points each)
    expect(s.rowHeights).toContainEqual({ row: at.row, height: 40 });
    expect(s.rowHeights.find((h) => h.row === find(s, "Cost variance").row)).toBeUndefined();
  });

  it("charts: perspective scores and budget vs actual by stage", () => {
    const m = model();
    const [chart] = m.sheets[0].charts;
    expect(chart.kind).toBe("bar");
    expect(cell(m.sheets[0], chart.categories.row, chart.categories.col)).toBe("Financial");
    expect(chart.categories.rows).toBe(4);
    expect(cell(m.sheets[0], chart.series[0].values.row - 1, chart.series[0].values.col)).toBe("Score");
    expect(chart.valueAxis).toEqual({ format: "0%", min: 0, max: 1 });
    expect(chart.size).toEqual({ width: 480, height: 280 });
    expect(chart.anchor).toEqual({ row: find(m.sheets[0], "Perspectives").row, col: 9 });
    const [budgetChart] = m.sheets[1].charts;
    expect(budgetChart.kind).toBe("column");
    expect(budgetChart.series.map((x) => x.name)).toEqual(["Budget", "Actual"]);
    expect(cell(m.sheets[1], budgetChart.series[1].values.row - 1, budgetChart.series[1].values.col)).toBe("Actual");
    expect(budgetChart.valueAxis.format).toBe("#,##0");
    expect(budgetChart.legend).toBe(true);
    expect(cell(m.sheets[1], budgetChart.categories.row, budgetChart.categories.col)).toBe("Awareness");
  });

  it("text stays a plain string value (hosts write it as text)", () => {
    const s = model().sheets[0];
    expect(() => find(s, "=1+1")).not.toThrow();
  });

  it("every string cell, and no figure, is formatted as text before hosts write it", () => {
    for (const s of model().sheets) {
      const formatsAt = (row: number, col: number) => s.numberFormats.filter((f) => inside(f.range, row, col)).map((f) => f.format);
      let strings = 0;
      for (const b of s.blocks) {
        blockValues(b).forEach((values, r) =>
          values.forEach((v, c) => {
            const formats = formatsAt(b.row + r, b.col + c);
            if (typeof v === "string") {
              strings++;
              expect(formats, `${s.name} ${b.row + r}:${b.col + c} ${v}`).toEqual([TEXT_FORMAT]);
            } else if (typeof v === "number") {
              expect(formats, `${s.name} ${b.row + r}:${b.col + c} ${v}`).not.toContain(TEXT_FORMAT);
            }
          }),
        );
      }
      expect(strings).toBeGreaterThan(20);
    }
  });

  it("data bars carry a two-colour scale over the same cells and bounds, for hosts without data bars", () => {
    const s = model({ scoreCap: 1.2 }).sheets[0];
    const bars = s.conditionalFormats.filter((r) => r.kind === "dataBar");
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) {
      if (bar.kind !== "dataBar") continue;
      expect(bar.fallback.range).toEqual(bar.range);
      expect(bar.fallback.stops).toEqual([{ value: 0, color: PALETTES.standard.barBase }, { value: bar.max, color: PALETTES.standard.bar }]);
    }
    expect(bars.map((b) => (b.kind === "dataBar" ? b.max : 0))).toContain(1.2);
  });

  it("every colour comes from the palette: header fill and border, tab, chart series", () => {
    for (const palette of ["standard", "colour-blind"] as const) {
      const p = PALETTES[palette];
      const [card, budget] = model({ palette }).sheets;
      expect(card.tabColor).toBe(p.tab);
      const header = card.styles.find((st) => st.range.row === find(card, "Perspective").row)!;
      expect(header.style).toMatchObject({ fill: p.header.fill, borderBottom: p.header.border });
      expect(card.charts[0].series.map((x) => x.color)).toEqual([p.chart.score]);
      expect(budget.charts[0].series.map((x) => x.color)).toEqual([p.chart.budget, p.chart.actual]);
    }
    expect(PALETTES["colour-blind"].chart.actual).not.toBe(PALETTES.standard.chart.actual);
  });

  it("a long table is handed over in chunks that land on its own rows, in table order", () => {
    const kpis = ["K1", "K2", "K3", "K4", "K5"].map((name, i) => kpi({ KPI: name, Actual: 80 + i }));
    const { analysis } = analyse({ journey: table("Journey", kpis) }, DEFAULT_SETTINGS);
    const s = buildReport(analysis!).sheets[0];
    const header = find(s, "Objective");
    const data = s.blocks.find((b) => b.row === header.row + 1)!;
    expect([data.rows, data.cols]).toEqual([5, 20]);
    const chunks: { first: number; values: ReportValue[][] }[] = [];
    forEachChunk(data, 2, (first, values) => chunks.push({ first, values }));
    expect(chunks.map((c) => [c.first - data.row, c.values.length])).toEqual([[0, 2], [2, 2], [4, 1]]);
    expect(chunks.flatMap((c) => c.values)).toEqual(blockValues(data));
    // KPI names and actuals, row by row
    expect(blockValues(data).map((r) => [r[5], r[12]])).toEqual([["K1", 80], ["K2", 81], ["K3", 82], ["K4", 83], ["K5", 84]]);
  });

  it("budget by touchpoint, cost and revenue on their own rows", () => {
    const s = model().sheets[1];
    const at = find(s, "By touchpoint");
    expect(cell(s, at.row + 1, 1)).toBe("Type");
    expect([cell(s, at.row + 2, 0), cell(s, at.row + 2, 1), cell(s, at.row + 2, 4)]).toEqual(["Awareness / Search", "Cost", -100]);
    expect([cell(s, at.row + 3, 0), cell(s, at.row + 3, 1), cell(s, at.row + 3, 4)]).toEqual(["Purchase / Checkout", "Revenue", 100]);
  });

  it("budget lines: every figure under its own header, without and with periods", () => {
    const lines = (rows: Row[]) =>
      budgetLineRow(buildReport(analyse({ journey: table("Journey", [kpi()]), budget: table("Budget", rows) }, DEFAULT_SETTINGS).analysis!).sheets[1]);
    const plain = lines([line({ Touchpoint: "Search", Budget: 1000, Actual: 1100, "Budget volume": 100, "Actual volume": 120 })]);
    // Flexed 1000 × 1.2 = 1200: volume variance −200, spending variance 1200 − 1100 = 100.
    expect(plain).toMatchObject({
      Stage: "Awareness", Touchpoint: "Search", "Line item": "Media", Type: "Cost",
      Budget: 1000, Actual: 1100, Variance: -100, Status: "Unfavourable",
      "Budget volume": 100, "Actual volume": 120, "Flexed budget": 1200, "Volume variance": -200, "Spending variance": 100,
      "Budget cost per outcome": 10, "Full budget": 1000, Forecast: 1100, "Forecast variance": -100, "Forecast basis": "actual",
    });
    expect(plain["Variance %"]).toBeCloseTo(-0.1, 12);
    expect(Object.keys(plain).some((h) => h.includes("2026"))).toBe(false);

    const dated = lines([
      line({ Budget: 1000, Actual: 900, "Budget volume": 100, "Actual volume": 110, Period: "2026-01" }),
      line({ Budget: 1000, Actual: 1200, "Budget volume": 100, "Actual volume": 120, Period: "2026-02" }),
      line({ Budget: 1000, Actual: null, Period: "2026-03" }),
    ]);
    // Year to date (Jan + Feb): budget 2000, actual 2100 (−5%: within the default ±5%, On budget);
    // flexed 1000 × 1.1 + 1000 × 1.2 = 2300.
    expect(dated).toMatchObject({
      Budget: 2000, Actual: 2100, Variance: -100, Status: "On budget",
      "2026-02 budget": 1000, "2026-02 actual": 1200, "2026-02 variance": -200,
      "Budget volume": 200, "Actual volume": 230, "Flexed budget": 2300, "Volume variance": -300, "Spending variance": 200,
      "Full budget": 3000, Forecast: 3100, "Forecast variance": -100, "Forecast basis": "remaining budget",
    });
    expect(dated["2026-02 variance %"]).toBeCloseTo(-0.2, 12);
    expect(dated["Cost per outcome"]).toBeCloseTo(2100 / 230, 12);
  });

  it("every sheet's title rows carry the overall figure", () => {
    const [card, budget, journey] = model().sheets;
    expect(cell(card, 1, 1)).toBeCloseTo(0.95, 12);
    expect(cell(journey, 1, 0)).toBe("Overall score");
    expect(cell(journey, 1, 1)).toBeCloseTo(0.95, 12);
    expect(cell(journey, 1, 4)).toBeCloseTo(0.9, 12);
    expect([cell(budget, 1, 0), cell(budget, 1, 1), cell(budget, 1, 2)]).toEqual(["Cost variance", -100, "Unfavourable"]);
  });

  it("journey view lists moments of truth at risk", () => {
    const s = model().sheets[2];
    const at = find(s, "Moments of truth at risk (worst first)");
    expect(cell(s, at.row + 2, 2)).toBe("=1+1");
    expect(cell(s, at.row + 2, 3)).toBe("Amber");
  });
});

describe("settings", () => {
  it("defaults", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ kpiTolerance: 0.1, budgetTolerance: 0.05, scoreCap: 1, forecastMethod: "remaining-budget", palette: "standard" });
  });
  it("a bad stored value falls back to its default with a warning; good ones are kept", () => {
    const { settings, problems } = parseSettings({ kpiTolerance: 2, budgetTolerance: 0.1, palette: "pink", sheetNames: { scorecard: "A/B" } });
    expect(settings.kpiTolerance).toBe(0.1);
    expect(settings.budgetTolerance).toBe(0.1);
    expect(settings.palette).toBe("standard");
    expect(settings.sheetNames.scorecard).toBe("Scorecard");
    expect(problems.map((p) => p.severity)).toEqual(["warning", "warning", "warning"]);
    expect(problems[0].message).toContain("kpiTolerance is 2");
  });
  it("as a document keeps them: JSON text, nothing yet, or text that is not JSON", () => {
    expect(parseStoredSettings('{"kpiTolerance":0.2}').settings.kpiTolerance).toBe(0.2);
    expect(parseStoredSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    const broken = parseStoredSettings("{kpiTolerance");
    expect(broken.settings).toEqual(DEFAULT_SETTINGS);
    expect(broken.problems).toHaveLength(1);
  });
  it("not an object at all", () => {
    const { settings, problems } = parseSettings("tolerance=5");
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });
});
