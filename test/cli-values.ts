/** What the command line's writer puts in a report sheet: the values every host's report must equal. */
import ExcelJS from "exceljs";
import { writeSheet } from "../cli/write-report";
import type { ReportSheet } from "../core";

/** The sheet's values as rows, written by the CLI's writer; blanks (empty text or no cell) are null. */
export function cliValues(sheet: ReportSheet): unknown[][] {
  const ws = new ExcelJS.Workbook().addWorksheet(sheet.name);
  writeSheet(ws, sheet);
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => row.eachCell((cell, c) => ((rows[r - 1] ??= [])[c - 1] = cell.value)));
  // An empty string and an empty cell are the same blank to a user.
  return Array.from(rows, (row) => Array.from(row ?? [], (v) => (v === "" ? null : (v ?? null))));
}
