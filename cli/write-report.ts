/**
 * Writes the report model as a workbook of its own with ExcelJS's streaming writer: row by row,
 * each row committed as soon as it is written, so memory and time grow with the rows and no
 * more. Decides nothing: every value, format, colour, size and rule comes from the model, and
 * sheet names from the core's sheet plan.
 */
import type ExcelJS from "exceljs";
import {
  CellRange, CellStyle, ConditionalFormat, OWNERSHIP, ReportModel, ReportSheet, SheetPlan, forEachChunk, pixelsToCharacters, pixelsToPoints, planSheets, quoteSheet,
  rangeA1,
} from "../core";
import { REPORT_KEYWORD } from "./paths";

/** Rows of a report table made at a time (the model makes a table's cells when asked). */
const WRITE_CHUNK_ROWS = 1000;

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** A worksheet of either ExcelJS writer (in memory, or streaming). */
type Sheet = ExcelJS.Worksheet;

function styleOf(numFmt: string | undefined, style: CellStyle | undefined): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (numFmt) out.numFmt = numFmt;
  if (!style) return out;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length) out.font = font;
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.align) out.alignment = { ...(style.wrap ? { wrapText: true, vertical: "top" } : {}), ...(style.align ? { horizontal: style.align } : {}) };
  if (style.borderBottom) out.border = { bottom: { style: "thin", color: { argb: argb(style.borderBottom) } } };
  return out;
}

/**
 * The style of cells the model gives no format, and of every row: one shared object, which
 * ExcelJS turns into a style id once (a fresh empty style per cell, or the one ExcelJS gives
 * each new row, cost it a style rendered to XML and looked up each: 0.7 s at 100k rows).
 */
const PLAIN: Partial<ExcelJS.Style> = {};

/** Gives a row the shared plain style (rows have a style in ExcelJS, not in its typings). */
const plainRow = (row: ExcelJS.Row) => ((row as unknown as { style: Partial<ExcelJS.Style> }).style = PLAIN);

const covers = (r: CellRange, row: number) => row >= r.row && row < r.row + r.rows;

/**
 * The style of every cell of a row, as shared objects: cells with the same formats share one
 * object, which ExcelJS then turns into a style id once (it remembers style objects it has seen).
 */
class RowStyles {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();
  private lastKey = "";
  private lastStyles: (Partial<ExcelJS.Style> | undefined)[] = [];

  constructor(private readonly sheet: ReportSheet) {}

  at(row: number): (Partial<ExcelJS.Style> | undefined)[] {
    const formats: number[] = [];
    const styles: number[] = [];
    this.sheet.numberFormats.forEach((f, i) => covers(f.range, row) && formats.push(i));
    this.sheet.styles.forEach((s, i) => covers(s.range, row) && styles.push(i));
    // Rows of one table share one set of entries: reuse the styles made for the row above.
    const key = `${formats.join(",")}|${styles.join(",")}`;
    if (key === this.lastKey) return this.lastStyles;
    const cols = this.sheet.extent.cols;
    const out: (Partial<ExcelJS.Style> | undefined)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const numFmt = formats.map((i) => this.sheet.numberFormats[i]).find((f) => c >= f.range.col && c < f.range.col + f.range.cols)?.format;
      const style = styles.map((i) => this.sheet.styles[i]).find((s) => c >= s.range.col && c < s.range.col + s.range.cols)?.style;
      if (!numFmt && !style) continue;
      const id = `${numFmt ?? ""}|${JSON.stringify(style ?? null)}`;
      let shared = this.cache.get(id);
      if (!shared) this.cache.set(id, (shared = styleOf(numFmt, style)));
      out[c] = shared;
    }
    this.lastKey = key;
    this.lastStyles = out;
    return out;
  }
}

/**
 * A value as .xlsx stores it. A carriage return is written `_x000D_` (the OOXML escape that
 * Excel reads back as CR; a raw CR becomes LF when the XML is read), and text that looks like
 * such an escape has its underscore escaped (`_x005F_`), so every text comes back as it went in.
 */
export function xlsxText(value: unknown): unknown {
  if (typeof value !== "string" || !/\r|_x[0-9A-Fa-f]{4}_/.test(value)) return value;
  return value.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "_x000D_");
}

/** A text operand for a cellIs rule: `"On budget"` with quotes doubled. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

function excelRule(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  const fill = (color: string) => ({ type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: argb(color) } });
  switch (cf.kind) {
    case "textEquals":
      return { type: "cellIs", operator: "equal", formulae: [quoted(cf.text)], priority, style: { fill: fill(cf.fill), font: { color: { argb: argb(cf.fontColor) } } } };
    case "numberCompare":
      return { type: "cellIs", operator: cf.operator, formulae: [cf.value], priority, style: { fill: fill(cf.fill), font: { color: { argb: argb(cf.fontColor) } } } };
    case "colorScale":
      return { type: "colorScale", priority, cfvo: cf.stops.map((s) => ({ type: "num" as const, value: s.value })), color: cf.stops.map((s) => ({ argb: argb(s.color) })) };
    case "dataBar":
      // .xlsx draws data bars: the model's fallback is for hosts that cannot.
      return {
        type: "dataBar", priority, gradient: false,
        cfvo: [{ type: "num", value: cf.min }, { type: "num", value: cf.max }],
        color: { argb: argb(cf.color) },
      } as ExcelJS.DataBarRuleType;
  }
}

/** The worksheet options of a report sheet: tab colour, frozen rows, printing. */
export function sheetOptions(sheet: ReportSheet): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    properties: { tabColor: { argb: argb(sheet.tabColor) } },
    views: [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }],
    pageSetup: {
      orientation: sheet.print.orientation,
      ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      printTitlesRow: sheet.frozenRows ? `1:${sheet.frozenRows}` : undefined,
    },
  };
}

/**
 * Writes one report sheet row by row, top to bottom: widths first, then each row's values with
 * its styles (number formats included) and height, committed at once; then the rules.
 */
export function writeSheet(ws: Sheet, sheet: ReportSheet, chunkRows = WRITE_CHUNK_ROWS): void {
  sheet.columnWidths.forEach((w, i) => {
    if (w) ws.getColumn(i + 1).width = pixelsToCharacters(w);
  });
  const heights = new Map(sheet.rowHeights.map((h) => [h.row, h.height]));
  const styles = new RowStyles(sheet);
  const blocks = [...sheet.blocks].sort((a, b) => a.row - b.row);
  let next = 0;
  const writeRow = (r: number, col: number, values: readonly unknown[]) => {
    const row = ws.getRow(r + 1);
    const rowStyles = styles.at(r);
    for (let c = 0; c < rowStyles.length; c++) if (rowStyles[c]) row.getCell(c + 1).style = rowStyles[c]!;
    values.forEach((v, j) => {
      if (v === null) return;
      // A string is set as a plain string value: ExcelJS writes it as text, never as a formula.
      const cell = row.getCell(col + j + 1);
      cell.value = xlsxText(v) as ExcelJS.CellValue;
      if (!rowStyles[col + j]) cell.style = PLAIN;
    });
    const height = heights.get(r);
    if (height) row.height = pixelsToPoints(height);
    plainRow(row);
    row.commit();
  };
  for (const block of blocks) {
    // Rows between blocks (gaps) carry no values but may carry formats.
    for (; next < block.row; next++) writeRow(next, 0, []);
    forEachChunk(block, chunkRows, (firstRow, chunk) => chunk.forEach((values, i) => writeRow(firstRow + i, block.col, values)));
    next = block.row + block.rows;
  }
  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    ws.addConditionalFormatting({ ref: rangeA1(cf.range.row, cf.range.col, cf.range.rows, cf.range.cols), rules: [excelRule(cf, priority++)] });
  }
}

/** An input table copied into the report workbook as values, for traceability. */
export interface InputCopy {
  name: string;
  rows: readonly (readonly unknown[])[];
}

/**
 * Writes the report workbook to `path`: the input tables as values (when given), then the
 * three report sheets under the names the sheet plan gives them, tagged as ours.
 */
export async function writeReportWorkbook(path: string, model: ReportModel, inputs: InputCopy[]): Promise<SheetPlan> {
  const plan = planSheets(inputs.map((t) => ({ name: t.name, ownedAs: null })), model.sheets);
  // Loaded when a workbook is written: a CSV → JSON run never pays for it.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = "journey-scorecard";
  (wb as unknown as { keywords: string }).keywords = REPORT_KEYWORD;
  for (const input of inputs) {
    const ws = wb.addWorksheet(input.name);
    for (const values of input.rows) {
      const row = ws.addRow((values as unknown[]).map(xlsxText));
      row.eachCell((cell) => (cell.style = PLAIN));
      plainRow(row);
      row.commit();
    }
    ws.commit();
  }
  for (const sheet of model.sheets) {
    const name = plan.names[sheet.key];
    const ws = wb.addWorksheet(name, sheetOptions(sheet));
    writeSheet(ws, sheet);
    ws.commit();
    wb.definedNames.add(`${quoteSheet(name)}!$A$1`, `${OWNERSHIP.definedNamePrefix}${sheet.key}`);
  }
  const active = inputs.length;
  (wb as unknown as { views: unknown[] }).views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  await wb.commit();
  return plan;
}
