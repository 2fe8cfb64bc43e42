/**
 * The report in a real spreadsheet application: LibreOffice Calc (headless) opens the
 * written workbook, exports every sheet to CSV (raw values and values as shown) and renders
 * it to PDF and PNG under test/artifacts/ for a person to look at the conditional formats.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/main";
import { readCsvFile } from "../cli/read-csv";
import { parseNumber } from "../core";

/** A number as Calc printed it (`92.78%`, `-$8,500`). */
function value(text: string): number {
  const r = parseNumber(text, { decimalComma: false });
  if (r.kind !== "number") throw new Error(`not a number: ${text}`);
  return r.value;
}

const ART = resolve("test/artifacts/libreoffice");
const PROFILE = `file://${resolve("test/artifacts/.lo-profile")}`;

function soffice(args: string[]): void {
  execFileSync("soffice", [`-env:UserInstallation=${PROFILE}`, "--headless", ...args], { stdio: "pipe", timeout: 120_000 });
}

/** Exports every sheet to `<dir>/report-<Sheet>.csv`; `shown` = formatted as displayed. */
function exportCsv(file: string, dir: string, shown: boolean): void {
  mkdirSync(dir, { recursive: true });
  soffice(["--convert-to", `csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,${shown},false,false,-1`, "--outdir", dir, file]);
}

function sheet(dir: string, name: string): string[][] {
  return readCsvFile(join(dir, `report-${name}.csv`)).block.values as string[][];
}

function rowStarting(rows: string[][], label: string, from = 0): number {
  const i = rows.findIndex((r, n) => n >= from && r[0] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

describe("LibreOffice Calc reads the report", () => {
  let json: any;
  const report = join(ART, "report.xlsx");

  beforeAll(async () => {
    rmSync(ART, { recursive: true, force: true });
    mkdirSync(ART, { recursive: true });
    // The sample, plus a KPI named like a formula, to see that Calc keeps it as text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/journey-sample.xlsx");
    const journey = wb.getWorksheet("Journey")!;
    journey.addRow(["Advocacy", "Community", "", "Customer", "", "", '=HYPERLINK("http://x","y")', "", "higher", null, 10, null, 5, 1, "2026-03", "Omar"]);
    const input = join(ART, "input.xlsx");
    await wb.xlsx.writeFile(input);
    let out = "";
    const code = await run(["build", input, "--out", report, "--json"], { stdout: (t) => (out += t), stderr: () => {} });
    expect(code).toBe(0);
    json = JSON.parse(out);
    exportCsv(report, join(ART, "raw"), false);
    exportCsv(report, join(ART, "shown"), true);
  });

  it("has the same figures as the core", () => {
    const rows = sheet(join(ART, "raw"), "Scorecard");
    expect(value(rows[1][1])).toBeCloseTo(json.overall.score, 9);
    expect(rows[1][2]).toBe(json.overall.status);
    const p = rowStarting(rows, "Perspective");
    json.perspectives.forEach((persp: any, i: number) => {
      expect(rows[p + 1 + i][0]).toBe(persp.name);
      expect(value(rows[p + 1 + i][1])).toBeCloseTo(persp.score, 9);
      expect(rows[p + 1 + i][2]).toBe(persp.status);
    });
    const budget = sheet(join(ART, "raw"), "Budget Variance");
    const s = rowStarting(budget, "Stage");
    const stages = json.stages.filter((x: any) => x.budget !== null);
    stages.forEach((stage: any, i: number) => {
      const r = budget[s + 1 + i];
      expect(r[0]).toBe(stage.name);
      expect(value(r[1])).toBeCloseTo(stage.budget, 6);
      expect(value(r[2])).toBeCloseTo(stage.actual, 6);
      expect(value(r[3])).toBeCloseTo(stage.variance, 6);
      expect(r[5]).toBe(stage.spendStatus);
    });
  });

  it("shows the number formats", () => {
    const rows = sheet(join(ART, "shown"), "Scorecard");
    expect(rows[1][1]).toBe(`${(json.overall.score * 100).toFixed(1)}%`);
    const budget = sheet(join(ART, "shown"), "Budget Variance");
    const s = rowStarting(budget, "Stage");
    expect(budget[s + 1].slice(0, 5)).toEqual(["Awareness", "$125,000", "$133,500", "-$8,500", "-6.8%"]);
    // trend arrows come from the number format
    const k = rowStarting(rows, "Stage", rowStarting(rows, "KPIs"));
    const cpl = rows.slice(k).find((r) => r[5] === "Cost per lead")!;
    expect(cpl[16]).toBe("▲ 17.5%");
  });

  it("keeps formula-looking text as text", () => {
    const rows = sheet(join(ART, "shown"), "Scorecard");
    expect(rows.some((r) => r[5] === '=HYPERLINK("http://x","y")')).toBe(true);
    expect(rows.some((r) => r[5] === "y")).toBe(false);
  });

  it("renders to PDF and PNG for a person to look at", () => {
    soffice(["--convert-to", "pdf", "--outdir", ART, report]);
    const pdf = join(ART, "report.pdf");
    expect(existsSync(pdf)).toBe(true);
    execFileSync("pdftoppm", ["-png", "-r", "70", pdf, join(ART, "page")], { stdio: "pipe" });
    const pages = readdirSync(ART).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Balanced scorecard — as of 2026-03");
    expect(text).toContain("Budget variance — year to date, as of 2026-03");
    expect(text).toContain("Customer journey — as of 2026-03");
  });
});
