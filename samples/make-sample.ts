/**
 * Writes samples/journey-sample.xlsx and its CSV twins from the core's sample tables. Run
 * with `npm run sample`; the files are committed so `npm start` needs nothing else.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { SAMPLE_TABLES, SampleTable } from "../core";

function addTable(wb: ExcelJS.Workbook, table: SampleTable, minWidth: number, widths: Record<string, number>): void {
  const ws = wb.addWorksheet(table.name);
  const [headers, ...rows] = table.rows;
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  headers.forEach((h, i) => {
    const column = ws.getColumn(i + 1);
    column.width = widths[String(h)] ?? Math.max(minWidth, String(h).length + 4);
    const format = table.columnFormats[String(h)];
    if (format) column.numFmt = format;
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "journey-scorecard sample";
  const readme = wb.addWorksheet("Read me");
  readme.getColumn(1).width = 100;
  [
    "Sample journey workbook for journey-scorecard.",
    "Journey: one row per KPI and month (stage, touchpoint, moment of truth, perspective, target, actual...).",
    "Budget: one row per budget line and month, with volumes for the flexible budget.",
    "Run `npm start` to build the report sheets Scorecard, Budget Variance and Journey View into out/scorecard.xlsx.",
  ].forEach((t, i) => (readme.getCell(i + 1, 1).value = t));
  addTable(wb, SAMPLE_TABLES.journey, 10, { KPI: 36 });
  addTable(wb, SAMPLE_TABLES.budget, 12, { "Line item": 28 });
  await wb.xlsx.writeFile("samples/journey-sample.xlsx");

  const csv = (rows: SampleTable["rows"]) =>
    rows.map((r) => r.map((v) => (v === null ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(",")).join("\n") + "\n";
  writeFileSync("samples/journey.csv", csv(SAMPLE_TABLES.journey.rows));
  writeFileSync("samples/budget.csv", csv(SAMPLE_TABLES.budget.rows));
  console.log(`samples written: ${SAMPLE_TABLES.journey.rows.length - 1} KPI rows, ${SAMPLE_TABLES.budget.rows.length - 1} budget rows`);
}

main();
