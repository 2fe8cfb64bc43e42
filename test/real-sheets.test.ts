/**
 * Layouts users really keep, of our own making, through the command line's whole job in CSV and in
 * .xlsx: the mapping found, the warnings and the figures, worked out by hand.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/main";

type Cell = string | number | null;
const dir = mkdtempSync(join(tmpdir(), "journey-real-"));

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function csvOf(rows: Cell[][]): string {
  return rows.map((r) => r.map((v) => (v === null ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(",")).join("\n") + "\n";
}

/** Writes the table as `name.csv`, and as a workbook with the table on sheet `sheet`. */
async function bothFormats(name: string, sheet: "Journey" | "Budget", rows: Cell[][]): Promise<{ csv: string; xlsx: string }> {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, csvOf(rows));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  const xlsx = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(xlsx);
  return { csv, xlsx };
}

/** The JSON result for the table in either format (CSV by its flag, the workbook as it is). */
async function resultFor(files: { csv: string; xlsx: string }, flag: "--journey" | "--budget", format: "csv" | "xlsx", ...extra: string[]) {
  const r = format === "csv" ? await cli("build", flag, files.csv, "--json", ...extra) : await cli("build", files.xlsx, "--json", ...extra);
  return { ...r, json: r.code === 0 ? JSON.parse(r.stdout) : null };
}

const FORMATS = ["csv", "xlsx"] as const;

describe.each(FORMATS)("real layouts, as %s", (format) => {
  it("a budget export with wordy headers and text months, budget alone", async () => {
    const files = await bothFormats("export", "Budget", [
      ["category_name", "Stage", "budgeted_amount", "actual_amount", "Reporting_Month"],
      ["Search ads", "Awareness", 1000, 1100, "Jan 2026"],
      ["Search ads", "Awareness", 1000, 950, "Feb 2026"],
      ["Trade shows", "Consideration", 500, 400, "Jan 2026"],
      ["Trade shows", "Consideration", 500, null, "Feb 2026"],
    ]);
    const { code, json, stderr } = await resultFor(files, "--budget", format);
    expect(code, stderr).toBe(0);
    expect(json.columns.budget.map((c: { column: string; header: string; kind: string }) => [c.column, c.header, c.kind])).toEqual([
      ["Line item", "category_name", "guessed"], ["Stage", "Stage", "named"], ["Budget", "budgeted_amount", "guessed"],
      ["Actual", "actual_amount", "guessed"], ["Period", "Reporting_Month", "guessed"],
    ]);
    expect(json.periods).toEqual(["2026-01", "2026-02"]);
    // Search ads to Feb: 2000 vs 2050 → −50. Trade shows like for like: Jan only, 500 vs 400 → +100;
    // its forecast counts February as still to spend: 400 + 500 = 900 against 1000 → +100.
    const byItem = Object.fromEntries(json.budgetLines.map((l: { lineItem: string }) => [l.lineItem, l]));
    expect(byItem["Search ads"]).toMatchObject({ budget: 2000, actual: 2050, variance: -50 });
    expect(byItem["Trade shows"]).toMatchObject({ budget: 500, actual: 400, variance: 100, forecast: 900, forecastVariance: 100 });
    expect(json.kpis).toEqual([]);
    expect(stderr).toBe("");
    // Written, a budget alone is its Budget Variance sheet only.
    const out = join(dir, `export-${format}.report.xlsx`);
    const written = format === "csv" ? await cli("build", "--budget", files.csv, "--out", out) : await cli("build", files.xlsx, "--out", out);
    expect(written.stdout).toContain("(sheets: Budget Variance)");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(format === "csv" ? ["Budget", "Budget Variance"] : ["Budget Variance"]);
  });

  it("a KPI sheet without Perspective or Direction, with a blank target and a cost KPI", async () => {
    const files = await bothFormats("kpis", "Journey", [
      ["Stage", "Metric_Name", "Target", "value_rounded"],
      ["Awareness", "Reach", 1000, 900],
      ["Purchase", "Cost per order", 40, 50],
      ["Loyalty", "NPS", null, 31],
    ]);
    const { code, json, stderr } = await resultFor(files, "--journey", format);
    expect(code, stderr).toBe(0);
    // Reach 0.9; Cost per order scored higher-is-better as the sheet says nothing: 50/40 = 1.25 → 1;
    // NPS has no target. Overall (0.9 + 1) / 2 = 0.95; three KPIs counted.
    expect(json.overall).toMatchObject({ kpis: 3, withData: 2 });
    expect(json.overall.score).toBeCloseTo(0.95, 12);
    expect(json.perspectives).toEqual([]);
    expect(json.kpis.map((k: { kpi: string; status: string }) => [k.kpi, k.status])).toEqual([["Reach", "Amber"], ["Cost per order", "Green"], ["NPS", "No target"]]);
    const sheet = format === "csv" ? "kpis.csv" : "Journey";
    expect(stderr).toContain(`warning: ${sheet}!D1: Header "value_rounded" was taken as the Actual column`);
    expect(stderr).toContain(`warning: ${sheet}!B3: KPI "Cost per order" sounds lower-is-better ("cost")`);
    const lower = await resultFor(files, "--journey", format, "--settings", settingsFile("lower.json", { defaultDirection: "lower", defaultPerspective: "Customer" }));
    expect(lower.json.perspectives.find((p: { name: string }) => p.name === "Customer").kpis).toBe(3);
  });

  it("a budget wide by month under a Budget / Actual band, with a subtotal row", async () => {
    const files = await bothFormats("wide", "Budget", [
      ["Stage", "Line item", "Budget", null, "Actual", null],
      [null, null, "Jan", "Feb", "Jan", "Feb"],
      ["Awareness", "Media", 100, 100, 90, 130],
      ["Awareness", "Events", 50, 50, 50, 45],
      ["Awareness Total", null, 150, 150, 140, 175],
    ]);
    const { code, json, stderr } = await resultFor(files, "--budget", format);
    expect(code, stderr).toBe(0);
    // Without the subtotal: budget 300, actual 315, cost variance −15.
    expect(json.budgetTotal.cost).toMatchObject({ budget: 300, actual: 315, variance: -15 });
    expect(stderr).toContain(`warning: ${format === "csv" ? "wide.csv" : "Budget"}!5:5: A total row was left out of the sums`);
  });

  it("a monitoring sheet (no Target column) with a zero-complaints KPI, and a second table below", async () => {
    const files = await bothFormats("monitor", "Journey", [
      ["Stage", "KPI", "Direction", "Actual", "Month"],
      ["Support", "Complaints", "lower", 2, "Mar-26"],
      ["Support", "Tickets", "", 130, "Mar-26"],
      [null, null, null, null, null],
      ["Owner", "Notes", null, null, null],
      ["Ana", "weekly review", null, null, null],
    ]);
    const { code, json, stderr } = await resultFor(files, "--journey", format);
    expect(code, stderr).toBe(0);
    expect(json.kpis.map((k: { kpi: string; status: string; actual: number }) => [k.kpi, k.status, k.actual])).toEqual([["Complaints", "No target", 2], ["Tickets", "No target", 130]]);
    expect(json.periods).toEqual(["2026-03"]);
    const sheet = format === "csv" ? "monitor.csv" : "Journey";
    expect(stderr).toContain(`warning: ${sheet}: The Journey table has no Target column, so every KPI is shown as No target`);
    expect(stderr).toContain(`warning: ${sheet}!5:6: Rows below the table look like another table`);
  });

  it("a zero-complaints KPI (lower is better, target 0, no baseline) is Green at 0, Red above, and the report says so", async () => {
    const files = await bothFormats("zero", "Journey", [
      ["Stage", "KPI", "Direction", "Target", "Actual"],
      ["Support", "Complaints", "Lower is better", 0, 0],
      ["Support", "Defects", "lower", 0, 3],
      ["Support", "CSAT", "higher", 80, 72],
    ]);
    const { code, json, stderr } = await resultFor(files, "--journey", format);
    expect(code, stderr).toBe(0);
    expect(json.kpis.map((k: { kpi: string; status: string; achievement: number | null; score: number }) => [k.kpi, k.status, k.achievement, k.score])).toEqual([
      ["Complaints", "Green", null, 1], ["Defects", "Red", null, 0], ["CSAT", "Amber", 0.9, 0.9],
    ]);
    // (1 + 0 + 0.9) / 3 = 0.6333.
    expect(json.overall.score).toBeCloseTo(1.9 / 3, 12);
    const sheet = format === "csv" ? "zero.csv" : "Journey";
    expect(stderr).toContain(`warning: ${sheet}!D2: KPI "Complaints" is lower-is-better with Target 0 and no Baseline`);
  });

  it("wide by column pairs: Jan Act | Jan Plan, and years as Budget_2024 | Actual_2024", async () => {
    const pairs = await bothFormats("pairs", "Budget", [
      ["Stage", "Line item", "Jan Plan", "Jan Act", "Feb Plan", "Feb Act"],
      ["Awareness", "Media", 100, 90, 100, 120],
    ]);
    const p = await resultFor(pairs, "--budget", format);
    expect(p.code, p.stderr).toBe(0);
    // 200 against 210: −10.
    expect(p.json.budgetLines[0]).toMatchObject({ budget: 200, actual: 210, variance: -10 });
    expect(p.json.periods).toEqual(["Jan", "Feb"]);
    const years = await bothFormats("years", "Budget", [
      ["Stage", "Line item", "Budget_2024", "Actual_2024", "Budget_2025", "Actual_2025"],
      ["Awareness", "Media", 1000, 1100, 1200, 1150],
    ]);
    const y = await resultFor(years, "--budget", format);
    expect(y.json.periods).toEqual(["2024", "2025"]);
    expect(y.json.budgetLines[0]).toMatchObject({ budget: 2200, actual: 2250, variance: -50 });
  });

  it("day-first text dates are decided from the data; undecidable ones stop with the setting named", async () => {
    const files = await bothFormats("dates", "Journey", [
      ["Stage", "KPI", "Target", "Actual", "Date"],
      ["Awareness", "Reach", 100, 80, "31/01/2026"],
      ["Awareness", "Reach", 100, 90, "28/02/2026"],
    ]);
    const ok = await resultFor(files, "--journey", format);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json.asOf).toBe("2026-02-28");
    // Trend 0.9 − 0.8 = +0.1.
    expect(ok.json.kpis[0].trend).toBeCloseTo(0.1, 12);
    const unclear = await bothFormats("unclear", "Journey", [["Stage", "KPI", "Target", "Actual", "Date"], ["Awareness", "Reach", 100, 80, "01/02/2026"]]);
    const stopped = await resultFor(unclear, "--journey", format);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(`error: ${format === "csv" ? "unclear.csv" : "Journey"}!E2: Period`);
    // The header Date was taken as Period by name, so no guess is listed.
    expect(stopped.stderr).not.toContain("Columns taken from your headers");
    expect(stopped.stderr).toContain('Period "01/02/2026" could be read day-first or month-first; expected the setting dateOrder');
  });
});

describe("a stopped build", () => {
  it("lists the headers it took by their words beside the error, since a wrong guess can be why", async () => {
    const path = join(dir, "stopped.csv");
    writeFileSync(path, csvOf([["Stage", "Metric_Name", "Target", "value_rounded"], ["Awareness", "Reach", 100, "lots"]]));
    const r = await cli("build", "--journey", path, "--json");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: stopped.csv!D2: value_rounded "lots" is not a number');
    expect(r.stderr).toContain('Columns taken from your headers: stopped.csv!B1 "Metric_Name" as KPI; stopped.csv!D1 "value_rounded" as Actual.');
  });
});

describe("budget and actuals in two files", () => {
  const budget: Cell[][] = [["Stage", "Line item", "Budget", "Month"], ["Awareness", "Media", 1000, "Jan 2026"], ["Awareness", "Media", 1000, "Feb 2026"]];
  const actuals: Cell[][] = [["Stage", "Account", "Amount", "Date"], ["Awareness", "MEDIA ", 600, "2026-01-05"], ["Awareness", "Media", 500, "2026-01-20"], ["Awareness", "Media", 900, "2026-02-11"], ["Awareness", "Print", 70, "2026-02-11"]];

  it("as CSV: --budget with --actuals", async () => {
    const b = join(dir, "two-budget.csv");
    const a = join(dir, "two-actuals.csv");
    writeFileSync(b, csvOf(budget));
    writeFileSync(a, csvOf(actuals));
    const r = await cli("build", "--budget", b, "--actuals", a, "--json");
    expect(r.code, r.stderr).toBe(0);
    // Jan 600 + 500, Feb 900 → 2000 against 2000; Print matches no line and is listed.
    expect(JSON.parse(r.stdout).budgetLines[0]).toMatchObject({ budget: 2000, actual: 2000, variance: 0 });
    expect(r.stderr).toContain("warning: 'two-actuals.csv'!B5: 1 actual totalling 70 matches no budget line");
  });

  it("as .xlsx: an Actuals sheet beside the Budget sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRows(budget);
    wb.addWorksheet("Actuals").addRows(actuals);
    const path = join(dir, "two.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await cli("build", path, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).budgetLines[0]).toMatchObject({ budget: 2000, actual: 2000, variance: 0 });
    expect(r.stderr).toContain("warning: Actuals!B5: 1 actual totalling 70 matches no budget line");
  });
});

function settingsFile(name: string, settings: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(settings));
  return path;
}
