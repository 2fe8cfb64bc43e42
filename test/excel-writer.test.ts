/**
 * The Excel add-in's report writer against the recording fake of the Excel API: the same
 * report as the command line writes, text kept as text, syncs that do not grow with rows,
 * a failure that leaves the previous report, a user's sheet left alone.
 */
import { describe, expect, it } from "vitest";
import { cliValues } from "./cli-values";
import { AnalysisInput, DEFAULT_SETTINGS, OWNERSHIP, ReportModel, SAMPLE_TABLES, analyse, buildReport } from "../core";
import { SYNC_PAYLOAD_BUDGET, writeReport } from "../excel-addin/report-writer";
import { FakeContext, FakeModel, cellAt, newModel, sheetRows, typed } from "./fakes/fake-excel";
import { kpi, line, table } from "./fixtures";

const block = (rows: unknown[][], sheet: string) => ({ block: { sheet, origin: { row: 0, col: 0 }, values: rows as never }, locate: true });
const SAMPLE: AnalysisInput = { journey: block(SAMPLE_TABLES.journey.rows, "Journey"), budget: block(SAMPLE_TABLES.budget.rows, "Budget") };

function reportOf(input: AnalysisInput): ReportModel {
  const { analysis, problems } = analyse(input, DEFAULT_SETTINGS);
  if (!analysis) throw new Error(problems.map((p) => p.message).join("\n"));
  return buildReport(analysis, { generatedAt: "2026-12-06" });
}

async function write(model: FakeModel, report: ReportModel): Promise<FakeContext> {
  const ctx = new FakeContext(model);
  await writeReport(ctx as unknown as Excel.RequestContext, report);
  return ctx;
}

describe("Excel report writer", () => {
  it("writes the same values as the command line, with formats, rules, chart, frozen rows and tags", async () => {
    const report = reportOf(SAMPLE);
    const model = newModel(["Journey", "Budget"]);
    await write(model, report);
    expect(model.sheets.map((s) => s.name)).toEqual(["Journey", "Budget", "Scorecard", "Budget Variance", "Journey View"]);
    for (const sheet of report.sheets) {
      const fake = model.sheets.find((s) => s.name === sheet.name)!;
      const expected = cliValues(sheet);
      const rows = sheetRows(fake);
      expect(rows.length).toBe(expected.length);
      expected.forEach((row, r) => expect(rows[r], `${sheet.name} row ${r + 1}`).toEqual(row));
      expect(fake.frozenRows).toBe(2);
      expect(fake.customProperties.get(OWNERSHIP.key)).toBe(sheet.key);
      expect(fake.tabColor).toBe(sheet.tabColor);
    }
    const card = model.sheets.find((s) => s.name === "Scorecard")!;
    // Title text and status words are text cells; the overall score is a percentage.
    expect(cellAt(model, "Scorecard", "A1")).toMatchObject({ value: "Balanced scorecard — as of 2026-03", format: "@" });
    expect(cellAt(model, "Scorecard", "B2")!.format).toBe("0.0%");
    expect(cellAt(model, "Scorecard", "C2")).toMatchObject({ value: "Amber", format: "@" });
    const green = card.conditionalFormats.filter((cf) => cf.type === "CellValue" && (cf.rule as { formula1: string }).formula1 === '="Green"');
    expect(green.length).toBeGreaterThan(3);
    expect(green[0]).toMatchObject({ "format.fill": "#C6EFCE", "format.font": "#006100" });
    expect(card.conditionalFormats.some((cf) => cf.type === "DataBar" && (cf.upperBoundRule as { formula: string }).formula === "1")).toBe(true);
    expect(card.conditionalFormats.filter((cf) => cf.type === "ColorScale")).toHaveLength(4);
    expect(card.charts).toHaveLength(1);
    expect(card.charts[0]).toMatchObject({ type: "BarClustered", props: { title: "Score by perspective", "valueAxis.numberFormat": "0%", width: 360, height: 210 } });
    expect(card.charts[0].series[0]).toMatchObject({ name: "Score", color: "#5B9BD5" });
    const budget = model.sheets.find((s) => s.name === "Budget Variance")!;
    expect(budget.charts[0].series.map((s) => s.name)).toEqual(["Budget", "Actual"]);
    // Column A is as wide as its widest table needs: "By touchpoint", 32 characters = 229 px = 171.75 pt.
    expect(budget.columnWidths.get(0)).toBeCloseTo((32 * 7 + 5) * 0.75, 10);
    expect(model.active).toBe("Scorecard");
  });

  it("writes every text example as the same text (the text format is set first)", async () => {
    const examples = ["1", "+1", "-1", "TRUE", "12%", "2026-03", "1/2", "=1+1", "@cmd", "'quoted"];
    // Without the text format the fake converts as Excel does: what the writer must prevent.
    expect(examples.map((e) => typed(e, "General").value)).not.toEqual(examples);
    const input: AnalysisInput = { journey: table("Journey", examples.map((e) => kpi({ Stage: e, Touchpoint: e, KPI: e, Owner: e }))) };
    const model = newModel();
    await write(model, reportOf(input));
    const rows = sheetRows(model.sheets.find((s) => s.name === "Scorecard")!);
    const header = rows.findIndex((r, i) => r[0] === "Stage" && rows[i - 1]?.[0] === "KPIs");
    examples.forEach((e, i) => expect([rows[header + 1 + i][0], rows[header + 1 + i][1], rows[header + 1 + i][5], rows[header + 1 + i][18]]).toEqual([e, e, e, e]));
  });

  it("syncs do not grow with rows, except to keep each under the payload limit", async () => {
    const counts: Record<number, { syncs: number; largest: number; values: number }> = {};
    for (const n of [1_000, 100_000]) {
      const rows = Array.from({ length: n }, (_, i) => kpi({ KPI: `KPI ${i}`, Stage: `Stage ${i % 5}`, Actual: 50 + (i % 60) }));
      const report = reportOf({ journey: table("Journey", rows), budget: table("Budget", [line()]) });
      const model = newModel();
      model.discardValues = true;
      const ctx = await write(model, report);
      const values = report.sheets.reduce((sum, s) => sum + s.blocks.reduce((b, x) => b + x.rows * x.cols, 0), 0);
      counts[n] = { syncs: ctx.syncs.length, largest: Math.max(...ctx.syncs.map((s) => s.payload)), values };
    }
    // Two reads, one sync per sheet, one swap: six at 1k rows.
    expect(counts[1_000].syncs).toBe(6);
    // At 100k the values (about 2M cells) need extra syncs, one per payload budget's worth at most.
    const extra = counts[100_000].syncs - 6;
    expect(extra).toBeGreaterThan(0);
    expect(extra).toBeLessThanOrEqual(Math.ceil((counts[100_000].values * 14) / SYNC_PAYLOAD_BUDGET));
    expect(counts[100_000].largest).toBeLessThan(4_000_000);
    expect(counts[1_000].largest).toBeLessThan(4_000_000);
  }, 120_000);

  it("a failure while writing leaves the previous report and removes what was built", async () => {
    const model = newModel(["Journey"]);
    await write(model, reportOf({ journey: table("Journey", [kpi({ Actual: 90 })]) }));
    const before = model.sheets.map((s) => [s.name, sheetRows(s)]);
    const ctx = new FakeContext(model);
    ctx.failAtSync = 4; // while writing the second report sheet
    await expect(writeReport(ctx as unknown as Excel.RequestContext, reportOf({ journey: table("Journey", [kpi({ Actual: 50 })]) }))).rejects.toThrow(/injected/);
    expect(model.sheets.map((s) => [s.name, sheetRows(s)])).toEqual(before);
  });

  it("a re-run replaces its own sheets; a user's sheet named Scorecard is untouched", async () => {
    const model = newModel(["Scorecard"]);
    model.sheets[0].cells.set("0,0", { value: "my notes", format: "General" });
    await write(model, reportOf({ journey: table("Journey", [kpi({ Actual: 90 })]) }));
    await write(model, reportOf({ journey: table("Journey", [kpi({ Actual: 80 })]) }));
    // KPIs alone: the Scorecard and the Journey View.
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Scorecard (2)", "Journey View"]);
    expect(cellAt(model, "Scorecard", "A1")!.value).toBe("my notes");
    expect(model.sheets[0].customProperties.size).toBe(0);
    expect(cellAt(model, "Scorecard (2)", "B2")!.value).toBeCloseTo(0.8, 12);
  });
});
