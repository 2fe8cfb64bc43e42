/**
 * The command line end to end on real files: the written .xlsx is opened again with ExcelJS.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/main";

const SAMPLE = "samples/journey-sample.xlsx";

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Finds the row whose first cell is `label`, searching down column A. */
function rowOf(ws: ExcelJS.Worksheet, label: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  throw new Error(`no row "${label}" in ${ws.name}`);
}

const dir = mkdtempSync(join(tmpdir(), "journey-cli-"));

describe("build on the sample workbook", () => {
  const out = join(dir, "report.xlsx");
  let json: Record<string, any>;
  let wb: ExcelJS.Workbook;

  const sampleBytes = readFileSync(SAMPLE);

  beforeAll(async () => {
    const r = await cli("build", SAMPLE, "--out", out, "--json");
    expect(r.code, r.stderr).toBe(0);
    json = JSON.parse(r.stdout);
    wb = await open(out);
  });

  it("prints the computed result with the documented keys", () => {
    for (const key of ["asOf", "overall", "perspectives", "stages", "kpis", "budgetLines", "momentsAtRisk", "problems"]) expect(json).toHaveProperty(key);
    expect(json.asOf).toBe("2026-03");
    expect(Object.keys(json.overall)).toEqual(expect.arrayContaining(["score", "status", "kpis", "withData"]));
    expect(json.overall).toMatchObject({ kpis: 32, withData: 30 });
    expect(Object.keys(json.perspectives[0])).toEqual(expect.arrayContaining(["name", "score", "status", "kpis", "withData", "red", "amber"]));
    expect(Object.keys(json.stages[0])).toEqual(expect.arrayContaining(["name", "score", "status", "budget", "actual", "variance", "variancePct", "spendShare", "costPerOutcome"]));
    expect(Object.keys(json.kpis[0])).toEqual(expect.arrayContaining(["stage", "touchpoint", "perspective", "kpi", "period", "target", "actual", "achievement", "score", "status", "trend"]));
    expect(Object.keys(json.budgetLines[0])).toEqual(
      expect.arrayContaining(["stage", "touchpoint", "lineItem", "type", "budget", "actual", "variance", "variancePct", "status", "flexedBudget", "volumeVariance", "spendingVariance"]),
    );
    expect(Object.keys(json.momentsAtRisk[0])).toEqual(expect.arrayContaining(["stage", "touchpoint", "kpi", "status", "achievement"]));
  });

  it("hand-worked figures from the sample", () => {
    // Cost per lead: lower, target 40, no baseline. March 39 → 2 − 39/40 = 1.025; February 47 → 0.825.
    const cpl = json.kpis.find((k: any) => k.kpi === "Cost per lead");
    expect(cpl.achievement).toBeCloseTo(1.025, 12);
    expect(cpl.score).toBe(1);
    expect(cpl.status).toBe("Green");
    expect(cpl.trend).toBeCloseTo(1 - 0.825, 12);
    expect(cpl.trendSymbol).toBe("▲");
    // Average handle time: range 6–9 minutes; 8.8 inside → 1.
    expect(json.kpis.find((k: any) => k.kpi === "Average handle time").achievement).toBe(1);
    // Reviews analysed: no March actual → No data, null figures.
    expect(json.kpis.find((k: any) => k.kpi === "Reviews analysed within 7 days")).toMatchObject({ actual: null, achievement: null, status: "No data", trend: null });
    // Awareness cost YTD: budget 62,000 + 45,000 + 18,000 = 125,000; actual 68,200 + 46,900 + 18,400 = 133,500.
    const awareness = json.stages.find((s: any) => s.name === "Awareness");
    expect(awareness).toMatchObject({ budget: 125000, actual: 133500, variance: -8500 });
    expect(awareness.variancePct).toBeCloseTo(-0.068, 12);
    // Social media spend: fully variable, 1,240 leads of 1,240 planned... flexed = Σ budget × actual/plan volume.
    const social = json.budgetLines.find((l: any) => l.lineItem === "Social media spend");
    const flexed = 20000 * (430 / 400) + 20000 * (410 / 400) + 22000 * (470 / 440);
    expect(social.flexedBudget).toBeCloseTo(flexed, 6);
    expect(social.volumeVariance + social.spendingVariance).toBeCloseTo(social.variance, 6);
    // Its March alone: 26,900 spent of 22,000 → 4,900 over, unfavourable.
    expect(social.period).toEqual({ budget: 22000, actual: 26900, variance: -4900, variancePct: -4900 / 22000, status: "Unfavourable" });
    // Sales commissions: Forecast column 52,000 against a full budget of 36,500.
    const commissions = json.budgetLines.find((l: any) => l.lineItem === "Sales commissions");
    expect(commissions).toMatchObject({ forecast: 52000, fullBudget: 36500, forecastVariance: -15500 });
    // Community manager: March actual missing → like for like, 2 months: 11,000 against 11,000.
    expect(json.budgetLines.find((l: any) => l.lineItem === "Community manager")).toMatchObject({ budget: 11000, actual: 11000, variance: 0, status: "On budget" });
  });

  it("writes a workbook of its own (the report sheets; from CSV the tables beside them as values) and leaves the input byte for byte", async () => {
    expect(readFileSync(SAMPLE).equals(sampleBytes)).toBe(true);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Budget Variance", "Journey View"]);
    const fromCsv = join(dir, "from-csv.xlsx");
    expect((await cli("build", "--journey", "samples/journey.csv", "--budget", "samples/budget.csv", "--out", fromCsv, "--quiet")).code).toBe(0);
    const csvBook = await open(fromCsv);
    expect(csvBook.worksheets.map((w) => w.name)).toEqual(["Journey", "Budget", "Scorecard", "Budget Variance", "Journey View"]);
    const source = await open(SAMPLE);
    // An empty text and an empty cell are the same blank to a user.
    const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).map((v) => (v === "" ? undefined : v));
    for (const name of ["Journey", "Budget"]) {
      const a = source.getWorksheet(name)!;
      const b = csvBook.getWorksheet(name)!;
      expect(b.rowCount).toBe(a.rowCount);
      for (let r = 1; r <= a.rowCount; r++) expect(values(b, r)).toEqual(values(a, r));
    }
  });

  it("writes values, number formats, frozen panes and widths", () => {
    const ws = wb.getWorksheet("Scorecard")!;
    const overall = ws.getCell("B2");
    expect(overall.value).toBeCloseTo(json.overall.score, 12);
    expect(overall.numFmt).toBe("0.0%");
    expect(ws.getCell("C2").value).toBe(json.overall.status);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const header = rowOf(ws, "Perspective");
    expect(ws.getRow(header).values).toEqual([undefined, "Perspective", "Score", "Status", "KPIs", "With data", "Red", "Amber"]);
    const financial = ws.getRow(header + 1);
    expect(financial.getCell(1).value).toBe("Financial");
    expect(financial.getCell(2).value).toBeCloseTo(json.perspectives[0].score, 12);
    expect(financial.getCell(2).numFmt).toBe("0.0%");
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(16);
    const budget = wb.getWorksheet("Budget Variance")!;
    const stageHeader = rowOf(budget, "Stage");
    const awareness = budget.getRow(stageHeader + 1);
    expect(awareness.getCell(1).value).toBe("Awareness");
    expect(awareness.getCell(2).value).toBe(125000);
    // money in the input's own currency format
    expect(awareness.getCell(2).numFmt).toBe('"$"#,##0');
    expect(awareness.getCell(5).value).toBeCloseTo(-0.068, 12);
    expect(awareness.getCell(5).numFmt).toBe("0.0%");
  });

  it("writes real conditional-format rules, not static fills", () => {
    const ws = wb.getWorksheet("Scorecard")! as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
    const rules = ws.conditionalFormattings.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, ...r })));
    const kinds = new Set(rules.map((r) => r.type));
    expect(kinds).toEqual(new Set(["cellIs", "colorScale", "dataBar"]));
    const green = rules.find((r) => r.type === "cellIs" && (r as ExcelJS.CellIsRuleType).formulae?.[0] === '"Green"') as ExcelJS.CellIsRuleType & { ref: string };
    expect(green).toBeTruthy();
    const heat = rules.find((r) => r.type === "colorScale") as ExcelJS.ColorScaleRuleType;
    expect(heat.cfvo!.map((c) => c.value)).toEqual([0, 0.9, 1]);
    // the status cells themselves carry no fill: colour comes only from the rules
    const status = ws.getCell("C2");
    expect(status.fill === undefined || (status.fill as ExcelJS.FillPattern).pattern !== "solid").toBe(true);
    const budget = wb.getWorksheet("Budget Variance")! as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
    const signRules = budget.conditionalFormattings.flatMap((cf) => cf.rules).filter((r) => r.type === "cellIs" && ["greaterThan", "lessThan"].includes((r as ExcelJS.CellIsRuleType).operator!));
    expect(signRules.map((r) => Number((r as ExcelJS.CellIsRuleType).formulae![0]))).toEqual(expect.arrayContaining([0.05, -0.05]));
    expect(budget.conditionalFormattings.flatMap((cf) => cf.rules).some((r) => (r as ExcelJS.CellIsRuleType).formulae?.[0] === '"Unfavourable"')).toBe(true);
  });

  it("a re-run replaces its own report; a file of the user's is never overwritten", async () => {
    const r = await cli("build", SAMPLE, "--out", out, "--quiet");
    expect(r.code, r.stderr).toBe(0);
    expect((await open(out)).worksheets.map((w) => w.name)).toEqual(["Scorecard", "Budget Variance", "Journey View"]);
    const mine = join(dir, "mine.xlsx");
    writeFileSync(mine, "a file of the user's");
    const refused = await cli("build", SAMPLE, "--out", mine, "--quiet");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--out ${mine} exists and is not a journey-scorecard report`);
    expect(readFileSync(mine, "utf8")).toBe("a file of the user's");
  });

  it("prints a short summary by default", async () => {
    const r = await cli("build", SAMPLE, "--out", join(dir, "summary.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Balanced scorecard as of 2026-03: overall");
    expect(r.stdout).toContain("Worst moments of truth");
    expect(r.stdout).toMatch(/Awareness\s+budget\s+125,000\s+actual\s+133,500\s+variance\s+-8,500 \(-6\.8%\)\s+Unfavourable/);
  });
});

async function workbookWith(sheets: Record<string, unknown[][]>, path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  await wb.xlsx.writeFile(path);
  return path;
}

const HEAD = ["Stage", "Perspective", "KPI", "Target", "Actual"];

describe("input errors and safety", () => {
  it("errors: exit 1, listed with cells on stderr, no output file", async () => {
    const input = await workbookWith({ Journey: [HEAD, ["Awareness", "Customer", "Reach", "lots", 5], ["Awareness", "Sales", "CPL", 40, "#N/A"]] }, join(dir, "bad.xlsx"));
    const out = join(dir, "bad-report.xlsx");
    const r = await cli("build", input, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: Journey!D2: Target "lots" is not a number');
    expect(r.stderr).toContain("error: Journey!B3:");
    expect(r.stderr).toContain("error: Journey!E3:");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("errors leave an existing output file as it was", async () => {
    const input = await workbookWith({ Journey: [HEAD, ["Awareness", "Customer", "Reach", "lots", 5]] }, join(dir, "bad2.xlsx"));
    const out = join(dir, "existing.xlsx");
    expect((await cli("build", SAMPLE, "--out", out, "--quiet")).code).toBe(0);
    const previous = readFileSync(out);
    const r = await cli("build", input, "--out", out);
    expect(r.code).toBe(1);
    expect(readFileSync(out).equals(previous)).toBe(true);
  });

  it("text that looks like a formula stays text", async () => {
    const input = await workbookWith({ Journey: [HEAD, ["Awareness", "Customer", '=HYPERLINK("http://x","y")', 10, 5], ["+1", "Customer", "@cmd", 10, 5]] }, join(dir, "inject.xlsx"));
    const out = join(dir, "inject-report.xlsx");
    expect((await cli("build", input, "--out", out, "--quiet")).code).toBe(0);
    const ws = (await open(out)).getWorksheet("Scorecard")!;
    const header = rowOf(ws, "Stage", rowOf(ws, "KPIs"));
    const first = ws.getRow(header + 1);
    expect(first.getCell(6).value).toBe('=HYPERLINK("http://x","y")');
    expect(first.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(6).formula).toBeUndefined();
    expect(ws.getRow(header + 2).getCell(1).value).toBe("+1");
    expect(ws.getRow(header + 2).getCell(6).value).toBe("@cmd");
  });

  it("names that a spreadsheet would convert come back from the report as the same text", async () => {
    const examples = ["1", "+1", "-1", "TRUE", "12%", "2026-03", "1/2", "=1+1", "@cmd", "'quoted"];
    const csv = (rows: string[][]) => rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")).join("\n");
    const journey = join(dir, "text-names.csv");
    writeFileSync(journey, csv([["Stage", "Touchpoint", "Perspective", "KPI", "Owner", "Target", "Actual"], ...examples.map((e) => [e, e, "Customer", e, e, "10", "9"])]));
    const out = join(dir, "text-names.xlsx");
    expect((await cli("build", "--journey", journey, "--out", out, "--quiet")).code).toBe(0);
    const ws = (await open(out)).getWorksheet("Scorecard")!;
    const header = rowOf(ws, "Stage", rowOf(ws, "KPIs"));
    examples.forEach((example, i) => {
      const row = ws.getRow(header + 1 + i);
      // Stage, Touchpoint, KPI and Owner columns of the KPIs table.
      for (const col of [1, 2, 6, 19]) {
        expect(row.getCell(col).value, `${example} in column ${col}`).toBe(example);
        expect(row.getCell(col).type).toBe(ExcelJS.ValueType.String);
        expect(row.getCell(col).numFmt).toBe("@");
      }
    });
    // Periods named like each example: one run each, the period comes back as the same text.
    for (const example of examples) {
      const dated = join(dir, "text-period.csv");
      writeFileSync(dated, csv([["Stage", "Perspective", "KPI", "Target", "Actual", "Period"], ["Awareness", "Customer", "Reach", "10", "9", example]]));
      const periodOut = join(dir, "text-period.xlsx");
      expect((await cli("build", "--journey", dated, "--out", periodOut, "--quiet")).code).toBe(0);
      const sheet = (await open(periodOut)).getWorksheet("Scorecard")!;
      const kpiHeader = rowOf(sheet, "Stage", rowOf(sheet, "KPIs"));
      expect(sheet.getCell(kpiHeader, 20).value).toBe("Period");
      expect(sheet.getCell(kpiHeader + 1, 20).value, `period ${example}`).toBe(example);
      expect(sheet.getCell(kpiHeader + 1, 20).type).toBe(ExcelJS.ValueType.String);
    }
  });

  it("a macro-enabled .xlsm workbook is read (and left byte for byte); an old .xls is refused with what is expected", async () => {
    const input = await workbookWith({ Journey: [HEAD, ["Awareness", "Customer", "Reach", 10, 5]] }, join(dir, "finance.xlsm"));
    const before = readFileSync(input);
    const r = await cli("build", input, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).overall.score).toBeCloseTo(0.5, 12);
    expect(readFileSync(input).equals(before)).toBe(true);
    const old = join(dir, "finance.xls");
    writeFileSync(old, before);
    const refused = await cli("build", old, "--json");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`the workbook must be an .xlsx or .xlsm file (for CSV use --journey): ${old}`);
  });

  it("a user's own Scorecard sheet stays in their workbook, untouched; the report names every sheet it wrote", async () => {
    const input = await workbookWith({ Journey: [HEAD, ["Awareness", "Customer", "Reach", 10, 5]], scorecard: [["my own notes"]] }, join(dir, "mine-input.xlsx"));
    const before = readFileSync(input);
    const out = join(dir, "mine-report.xlsx");
    const r = await cli("build", input, "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    // KPIs alone: the Scorecard and the Journey View.
    expect(r.stdout).toContain("(sheets: Scorecard, Journey View)");
    expect((await open(out)).worksheets.map((w) => w.name)).toEqual(["Scorecard", "Journey View"]);
  });

  it("report sheet names that differ only by case get apart, and the closing line says so", async () => {
    const input = await workbookWith({ Journey: [HEAD, ["Awareness", "Customer", "Reach", 10, 5]], Budget: [["Stage", "Line item", "Budget", "Actual"], ["Awareness", "Media", 100, 90]] }, join(dir, "names.xlsx"));
    const settings = join(dir, "names.json");
    writeFileSync(settings, JSON.stringify({ sheetNames: { scorecard: "Report", budget: "REPORT", journey: "journey" } }));
    const r = await cli("build", input, "--out", join(dir, "names-report.xlsx"), "--settings", settings);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("(sheets: Report, REPORT (2), journey)");
    expect(r.stderr).toContain('Two report sheets are named "REPORT" in the settings');
  });

  it("finds an Excel table by name on any sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "KPIs for the board";
    ws.addTable({ name: "Journey", ref: "B3", columns: HEAD.map((name) => ({ name })), rows: [["Awareness", "Customer", "Reach", 10, 8]] });
    const path = join(dir, "table.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await cli("build", path, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).overall.score).toBeCloseTo(0.8, 12);
  });

  it("finds a named range, and reads formula cells by their computed result", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "Board pack";
    HEAD.forEach((h, i) => (ws.getCell(3, 2 + i).value = h));
    ["Purchase", "Financial", "Win rate"].forEach((v, i) => (ws.getCell(4, 2 + i).value = v));
    ws.getCell("E4").value = 0.3;
    ws.getCell("F4").value = { formula: "0.1*2.7", result: 0.27 };
    wb.definedNames.add("Data!$B$3:$F$4", "Journey");
    const path = join(dir, "named.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await cli("build", path, "--out", join(dir, "named-report.xlsx"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Read named range "Journey"');
    // 0.27 / 0.3 = 0.9
    expect(r.stdout).toContain("overall 90.0% (Amber)");
  });

  it("a workbook without a Journey or Budget table, or not a workbook at all, is an input error", async () => {
    const none = await workbookWith({ Notes: [["nothing here"]] }, join(dir, "none.xlsx"));
    const r = await cli("build", none, "--out", join(dir, "none-report.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("No Journey or Budget table was found");
    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "this is not a zip file");
    const j = await cli("build", junk, "--out", join(dir, "junk-report.xlsx"));
    expect(j.code).toBe(1);
    expect(j.stderr).toContain("cannot read");
    expect(j.stderr).not.toMatch(/\n\s+at /);
  });

  it("skip-invalid-rows lists the skipped rows in the report", async () => {
    const input = await workbookWith({ Journey: [HEAD, ["Awareness", "Customer", "Reach", 10, 5], ["Awareness", "Customer", "CPL", "x", 5]] }, join(dir, "skip.xlsx"));
    const out = join(dir, "skip-report.xlsx");
    const r = await cli("build", input, "--out", out, "--skip-invalid-rows", "--quiet");
    expect(r.code).toBe(0);
    const ws = (await open(out)).getWorksheet("Scorecard")!;
    const notes = rowOf(ws, "Severity", 1);
    expect(ws.getRow(notes + 1).getCell(1).value).toBe("Skipped row");
    expect(ws.getRow(notes + 1).getCell(2).value).toBe("Journey!D3");
  });

  it("usage errors exit 2", async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli("build")).code).toBe(2);
    expect((await cli("frobnicate", SAMPLE)).code).toBe(2);
    expect((await cli("build", "missing.xlsx")).code).toBe(2);
    expect((await cli("build", SAMPLE, "--out", SAMPLE)).code).toBe(2);
    expect((await cli("build", SAMPLE, "--bogus")).code).toBe(2);
    expect((await cli("build", SAMPLE, "--forecast", "guess")).code).toBe(2);
    expect((await cli("--help")).code).toBe(0);
  });
});

describe("CSV input", () => {
  it("builds from --journey and --budget CSV files, same figures as the workbook", async () => {
    const out = join(dir, "csv-report.xlsx");
    const r = await cli("build", "--journey", "samples/journey.csv", "--budget", "samples/budget.csv", "--out", out, "--json");
    expect(r.code, r.stderr).toBe(0);
    const fromCsv = JSON.parse(r.stdout);
    const fromXlsx = JSON.parse((await cli("build", SAMPLE, "--json")).stdout);
    expect(fromCsv.overall).toEqual(fromXlsx.overall);
    expect(fromCsv.stages).toEqual(fromXlsx.stages);
    const wb = await open(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Journey", "Budget", "Scorecard", "Budget Variance", "Journey View"]);
  });

  it("semicolon CSV with decimal commas", async () => {
    const path = join(dir, "semi.csv");
    writeFileSync(path, "Stage;Perspective;KPI;Target;Actual\nAwareness;Customer;Reach;\"1.000,5\";\"900,45\"\n");
    const r = await cli("build", "--journey", path, "--decimal-comma", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).kpis[0]).toMatchObject({ target: 1000.5, actual: 900.45 });
  });

  it("CSV errors name the file and cell", async () => {
    const path = join(dir, "kpis.csv");
    writeFileSync(path, "Stage,Perspective,KPI,Target,Actual\nAwareness,Customer,Reach,abc,5\n");
    const r = await cli("build", "--journey", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("kpis.csv!D2");
  });
});

describe("settings and large inputs", () => {
  it("--settings: sheet names, tolerances and palette from a JSON file; bad values warn", async () => {
    const settings = join(dir, "settings.json");
    writeFileSync(settings, JSON.stringify({ sheetNames: { scorecard: "BSC" }, kpiTolerance: 0.2, palette: "colour-blind", budgetTolerance: 7 }));
    const out = join(dir, "settings-report.xlsx");
    const r = await cli("build", SAMPLE, "--settings", settings, "--out", out, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: Setting budgetTolerance is 7");
    const json = JSON.parse(r.stdout);
    // with a 20% amber band, Pricing page to trial conversion (95%) stays Amber and Win rate (85%) becomes Amber
    expect(json.kpis.find((k: any) => k.kpi === "Win rate").status).toBe("Amber");
    const wb = await open(out);
    expect(wb.getWorksheet("BSC")).toBeTruthy();
    const bad = join(dir, "bad-settings.json");
    writeFileSync(bad, "{ not json");
    expect((await cli("build", SAMPLE, "--settings", bad)).code).toBe(2);
  });

  it("prints progress lines on stderr for inputs over 10,000 rows", async () => {
    const path = join(dir, "big.csv");
    const rows = ["Stage,Perspective,KPI,Target,Actual"];
    for (let i = 0; i < 10_500; i++) rows.push(`Stage ${i % 5},Customer,KPI ${i},100,${50 + (i % 60)}`);
    writeFileSync(path, rows.join("\n"));
    const r = await cli("build", "--journey", path, "--out", join(dir, "big.xlsx"), "--quiet");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("journey-scorecard: read 10,501 rows; checking and scoring…");
    expect(r.stderr).toContain("journey-scorecard: writing the report workbook…");
  });
});

describe("the installed command", () => {
  it("runs as a process with the documented exit codes", () => {
    const bin = (...args: string[]) => spawnSync(process.execPath, ["cli/bin.mjs", ...args], { encoding: "utf8" });
    const ok = bin("build", SAMPLE, "--json");
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).asOf).toBe("2026-03");
    const usage = bin("build");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Usage:");
    const bad = join(dir, "bin-bad.csv");
    writeFileSync(bad, "Stage,Perspective,KPI,Target,Actual\nAwareness,Customer,Reach,abc,5\n");
    const input = bin("build", "--journey", bad);
    expect(input.status).toBe(1);
    expect(input.stderr).toContain("'bin-bad.csv'!D2: Target \"abc\" is not a number");
  });
});
