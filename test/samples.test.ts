/** The sample every host inserts is the one the command line ships. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SAMPLE_TABLES, analyse, DEFAULT_SETTINGS } from "../core";
import { readCsvFile } from "../cli/read-csv";

const asText = (rows: (string | number | null)[][]) => rows.map((r) => r.map((v) => (v === null ? "" : String(v))));

describe("sample tables", () => {
  it("are the rows of samples/journey.csv and samples/budget.csv", () => {
    expect(asText(SAMPLE_TABLES.journey.rows)).toEqual(readCsvFile("samples/journey.csv").block.values);
    expect(asText(SAMPLE_TABLES.budget.rows)).toEqual(readCsvFile("samples/budget.csv").block.values);
  });

  it("are the Journey and Budget sheets of samples/journey-sample.xlsx, money formats included", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/journey-sample.xlsx");
    for (const table of [SAMPLE_TABLES.journey, SAMPLE_TABLES.budget]) {
      const ws = wb.getWorksheet(table.name)!;
      const rows = table.rows.map((_, r) => table.rows[0].map((_, c) => ws.getCell(r + 1, c + 1).value ?? null));
      expect(rows).toEqual(table.rows);
      for (const [header, format] of Object.entries(table.columnFormats)) {
        expect(ws.getCell(2, table.rows[0].indexOf(header) + 1).numFmt).toBe(format);
      }
    }
  });

  it("analyse without a problem: 32 KPIs as of 2026-03", () => {
    const block = (rows: (string | number | null)[][], sheet: string) => ({ block: { sheet, origin: { row: 0, col: 0 }, values: rows }, locate: true });
    const { analysis, problems } = analyse({ journey: block(SAMPLE_TABLES.journey.rows, "Journey"), budget: block(SAMPLE_TABLES.budget.rows, "Budget") }, DEFAULT_SETTINGS);
    expect(problems).toEqual([]);
    expect(analysis!.asOf).toBe("2026-03");
    expect(analysis!.scorecard.overall.kpis).toBe(32);
  });
});
