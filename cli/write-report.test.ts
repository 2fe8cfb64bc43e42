/**
 * The ExcelJS writer of the report model: tables written in chunks land exactly where the
 * model puts them.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeSheet } from "./write-report";
import { kpi, line, table } from "../test/fixtures";
import { analyse, buildReport, DEFAULT_SETTINGS } from "../core";

describe("ExcelJS writer", () => {
  it("writes a table chunk by chunk, each chunk on its own rows", () => {
    const kpis = Array.from({ length: 7 }, (_, i) => kpi({ KPI: `KPI ${i + 1}`, Actual: 90 + i }));
    const lines = Array.from({ length: 5 }, (_, i) => line({ "Line item": `Line ${i + 1}`, Actual: 1000 + 10 * i }));
    const { analysis } = analyse({ journey: table("Journey", kpis), budget: table("Budget", lines) }, DEFAULT_SETTINGS);
    const model = buildReport(analysis!);
    const wb = new ExcelJS.Workbook();
    for (const sheet of model.sheets) {
      const whole = wb.addWorksheet(`${sheet.key} whole`);
      const chunked = wb.addWorksheet(`${sheet.key} chunked`);
      writeSheet(whole, sheet);
      writeSheet(chunked, sheet, 2);
      expect(chunked.rowCount).toBe(whole.rowCount);
      for (let r = 1; r <= whole.rowCount; r++) expect(chunked.getRow(r).values).toEqual(whole.getRow(r).values);
    }
    // The KPIs table: 7 rows in table order, the seventh written by the fourth chunk of 2.
    const ws = wb.getWorksheet("scorecard chunked")!;
    let header = 1;
    while (ws.getCell(header, 5).value !== "Objective") header++;
    expect(Array.from({ length: 7 }, (_, i) => ws.getCell(header + 1 + i, 6).value)).toEqual(kpis.map((k) => k.KPI));
    expect(ws.getCell(header + 7, 13).value).toBe(96);
    expect(ws.getCell(header + 8, 6).value).toBeNull();
    // The budget lines table: the fifth line's actual.
    const budget = wb.getWorksheet("budget chunked")!;
    let lineRow = 1;
    while (budget.getCell(lineRow, 3).value !== "Line 5") lineRow++;
    expect(budget.getCell(lineRow, 6).value).toBe(1040);
  });
});
