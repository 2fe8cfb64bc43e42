/**
 * The Sheets add-on's server against the recording fake of Apps Script: the same report as the
 * command line writes, text kept as text, service calls that do not grow with rows, a failure
 * that leaves the previous report, a user's sheet left alone, bad input that writes nothing.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { cliValues } from "./cli-values";
import { DEFAULT_SETTINGS, OWNERSHIP, SAMPLE_TABLES, analyse, buildReport } from "../core";
import { writeReport } from "../sheets-addon/server/report-writer";
import { buildReports, checkTables, insertSample, loadSettings, saveSettings, selectCell } from "../sheets-addon/server/server";
import { FakeSpreadsheet, SheetsState, installAppsScript, newSheetsState, putRows, sheetValues } from "./fakes/fake-sheets";
import { kpi, table } from "./fixtures";

let state: SheetsState;
beforeEach(() => {
  state = installAppsScript(newSheetsState(["Sheet1"]));
});

const sheet = (name: string) => state.sheets.find((s) => s.name === name)!;

describe("Sheets report writer", () => {
  it("builds the sample's reports with the same values as the command line, formats, rules, charts, frozen rows and tags", () => {
    insertSample();
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Journey", "Budget"]);
    const result = buildReports();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.scorecard!.overall.score.text).toBe("93.6%");
    expect(result.sheets).toEqual(["Scorecard", "Budget Variance", "Journey View"]);
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Journey", "Budget", "Scorecard", "Budget Variance", "Journey View"]);

    // The same model through the CLI's writer: the same values, cell for cell.
    const { analysis } = analyse(
      { journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: SAMPLE_TABLES.journey.rows }, locate: true }, budget: { block: { sheet: "Budget", origin: { row: 0, col: 0 }, values: SAMPLE_TABLES.budget.rows }, locate: true } },
      DEFAULT_SETTINGS,
    );
    const model = buildReport(analysis!, { moneyFormat: '"$"#,##0', generatedAt: new Date().toISOString().slice(0, 10) });
    for (const report of model.sheets) {
      const expected = cliValues(report);
      const rows = sheetValues(sheet(report.name));
      expect(rows.length).toBe(expected.length);
      expected.forEach((row, r) => expect(rows[r], `${report.name} row ${r + 1}`).toEqual(row));
      const written = sheet(report.name);
      expect(written.frozenRows).toBe(2);
      expect(written.metadata).toEqual([{ key: OWNERSHIP.key, value: report.key }]);
      expect(written.tabColor).toBe(report.tabColor);
    }
    const card = sheet("Scorecard");
    expect(card.cells.get("0,0")).toMatchObject({ value: "Balanced scorecard — as of 2026-03", format: "@" });
    expect(card.cells.get("1,1")!.format).toBe("0.0%");
    expect(card.rules.filter((r) => r.textEqualTo === "Green").length).toBeGreaterThan(3);
    expect(card.rules.find((r) => r.textEqualTo === "Green")).toMatchObject({ background: "#C6EFCE", fontColor: "#006100" });
    // Data bars become the model's fallback: a two-colour gradient from white at 0 to the bar colour at the cap.
    expect(card.rules).toContainEqual(expect.objectContaining({ min: ["#FFFFFF", "0"], max: ["#9BC2E6", "1"] }));
    expect(card.rules.filter((r) => r.mid)).toHaveLength(4);
    expect(card.charts).toHaveLength(1);
    expect(card.charts[0]).toMatchObject({ type: "BAR", options: { title: "Score by perspective", width: 480, height: 280, colors: ["#5B9BD5"] } });
    const budget = sheet("Budget Variance");
    expect(budget.charts[0]).toMatchObject({ type: "COLUMN", options: { series: { 0: { labelInLegend: "Budget" }, 1: { labelInLegend: "Actual" } } } });
    expect(budget.columnWidths.get(1)).toBe(32 * 7 + 5);
    expect(budget.cells.get("1,1")!.format).toBe('"$"#,##0');
    expect(state.active!.name).toBe("Scorecard");
  });

  it("writes every text example as the same text", () => {
    const examples = ["1", "+1", "-1", "TRUE", "12%", "2026-03", "1/2", "=1+1", "@cmd", "'quoted"];
    const { analysis } = analyse({ journey: table("Journey", examples.map((e) => kpi({ Stage: e, Touchpoint: e, KPI: e, Owner: e }))) }, DEFAULT_SETTINGS);
    writeReport(new FakeSpreadsheet(state) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, buildReport(analysis!));
    const rows = sheetValues(sheet("Scorecard"));
    const header = rows.findIndex((r, i) => r[0] === "Stage" && rows[i - 1]?.[0] === "KPIs");
    examples.forEach((e, i) => expect([rows[header + 1 + i][0], rows[header + 1 + i][1], rows[header + 1 + i][5], rows[header + 1 + i][18]]).toEqual([e, e, e, e]));
  });

  it("makes the same number of service calls for 1k and 100k KPI rows", () => {
    const calls: number[] = [];
    for (const n of [1_000, 100_000]) {
      const s = installAppsScript(newSheetsState(["Sheet1"]));
      s.discardValues = true;
      const rows = Array.from({ length: n }, (_, i) => kpi({ KPI: `KPI ${i}`, Stage: `Stage ${i % 5}`, Actual: 50 + (i % 60) }));
      const { analysis } = analyse({ journey: table("Journey", rows) }, DEFAULT_SETTINGS);
      writeReport(new FakeSpreadsheet(s) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, buildReport(analysis!));
      calls.push(s.calls.length);
    }
    expect(calls[1]).toBe(calls[0]);
    expect(calls[0]).toBeLessThan(700);
  }, 120_000);

  it("a failure while writing leaves the previous report and removes what was built", () => {
    putRows(state, "Journey", [["Stage", "Perspective", "KPI", "Target", "Actual"], ["Awareness", "Customer", "Reach", 100, 90]]);
    expect(buildReports().ok).toBe(true);
    sheet("Journey").cells.set("1,4", { value: 50, format: "" });
    const before = state.sheets.map((s) => [s.name, sheetValues(s)]);
    state.failAtCall = state.calls.length + 60;
    expect(() => buildReports()).toThrow(/injected/);
    expect(state.sheets.map((s) => [s.name, sheetValues(s)])).toEqual(before);
  });

  it("a budget with its actuals on an Actuals sheet gives the Budget Variance alone, and the columns found", () => {
    putRows(state, "Budget", [["Stage", "Line item", "budgeted_amount", "Month"], ["Awareness", "Media", 1000, "Jan 2026"], ["Awareness", "Media", 1000, "Feb 2026"]]);
    putRows(state, "Actuals", [["Stage", "Line item", "Amount", "Date"], ["Awareness", "Media", 1100, "2026-01-15"], ["Awareness", "Media", 950, "2026-02-15"]]);
    const result = buildReports();
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.sheets).toEqual(["Budget Variance"]);
    expect(result.foundAs).toEqual(['sheet "Budget"', 'sheet "Actuals"']);
    // 2000 budget, 1100 + 950 = 2050 actual: −50 (−2.5%, on budget within 5%).
    expect(result.summary.budget!.stages).toEqual([expect.objectContaining({ stage: "Awareness", variance: { value: -50, text: "-50" }, status: "On budget" })]);
    expect(result.columns.budget.find((c) => c.column === "Budget")).toMatchObject({ header: "budgeted_amount", kind: "guessed" });
  });

  it("a user's sheet named Scorecard is untouched; the report goes to Scorecard (2)", () => {
    putRows(state, "Journey", [["Stage", "Perspective", "KPI", "Target", "Actual"], ["Awareness", "Customer", "Reach", 100, 90]]);
    putRows(state, "Scorecard", [["my notes"]]);
    const result = buildReports();
    // KPIs alone: the Scorecard and the Journey View.
    expect(result.ok && result.sheets).toEqual(["Scorecard (2)", "Journey View"]);
    expect(result.ok && result.notices[0]).toContain('written to "Scorecard (2)"');
    expect(sheetValues(sheet("Scorecard"))).toEqual([["my notes"]]);
    expect(sheet("Scorecard").metadata).toEqual([]);
    buildReports();
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Journey", "Scorecard", "Scorecard (2)", "Journey View"]);
  });

  it("bad input lists its problems with their cells and writes nothing; a problem's cell can be selected", () => {
    putRows(state, "Journey", [["Stage", "Perspective", "KPI", "Target", "Actual"], ["Awareness", "Customer", "Reach", "lots", 90]]);
    const checked = checkTables();
    expect(checked.ok).toBe(false);
    const result = buildReports();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].message).toBe('Journey!D2: Target "lots" is not a number; expected a number such as 1,234.5, $1,200, 85% or (1,200).');
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Journey"]);
    selectCell("Journey!D2");
    expect([state.active!.name, state.activeRange!.getA1Notation()]).toEqual(["Journey", "D2"]);
  });

  it("keeps settings in document properties, validated", () => {
    expect(loadSettings().settings).toEqual(DEFAULT_SETTINGS);
    saveSettings({ kpiTolerance: 0.15, palette: "colour-blind" });
    expect(JSON.parse(state.properties.get("journey-scorecard.settings")!)).toMatchObject({ kpiTolerance: 0.15, palette: "colour-blind" });
    expect(loadSettings().settings).toMatchObject({ kpiTolerance: 0.15, palette: "colour-blind" });
    const bad = saveSettings({ kpiTolerance: 5 } as never);
    expect(bad.settings.kpiTolerance).toBe(0.1);
    expect(bad.problems[0].message).toContain("kpiTolerance is 5");
    const huge = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`Header number ${i}`, "Target"]));
    expect(() => saveSettings({ columnMapping: { journey: huge, budget: {} } })).toThrow(/at most 9 KB/);
  });
});
