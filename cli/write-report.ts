/**
 * Translates the report model into ExcelJS worksheets. Decides nothing: every value,
 * format, colour and rule comes from the model.
 */
import ExcelJS from "exceljs";
import { cellAddress, CellRange, CellStyle, ConditionalFormat, rangeA1, REPORT_SHEET_KEYS, forEachChunk, OWNERSHIP, pixelsToCharacters, pixelsToPoints, planSheets, ReportModel, ReportSheet, ReportSheetKey, SheetPlan } from "../core";

/** Rows of a report table made at a time (the model makes a table's cells when asked). */
const WRITE_CHUNK_ROWS = 1000;

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function eachCell(ws: ExcelJS.Worksheet, range: CellRange, fn: (cell: ExcelJS.Cell) => void): void {
  for (let r = range.row; r < range.row + range.rows; r++) {
    const row = ws.getRow(r + 1);
    for (let c = range.col; c < range.col + range.cols; c++) fn(row.getCell(c + 1));
  }
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = {
    ...cell.font,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.fontSize ? { size: style.fontSize } : {}),
    ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
  };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.align) cell.alignment = { ...(style.wrap ? { wrapText: true, vertical: "top" } : {}), ...(style.align ? { horizontal: style.align } : {}) };
  if (style.borderBottom) cell.border = { bottom: { style: "thin", color: { argb: argb(style.borderBottom) } } };
}

/** A text operand for a cellIs rule: `"On budget"` with quotes doubled. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

function excelRule(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  switch (cf.kind) {
    case "textEquals":
      return {
        type: "cellIs", operator: "equal", formulae: [quoted(cf.text)], priority,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } }, font: { color: { argb: argb(cf.fontColor) } } },
      };
    case "numberCompare":
      return {
        type: "cellIs", operator: cf.operator, formulae: [cf.value], priority,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } }, font: { color: { argb: argb(cf.fontColor) } } },
      };
    case "colorScale":
      return {
        type: "colorScale", priority,
        cfvo: cf.stops.map((s) => ({ type: "num" as const, value: s.value })),
        color: cf.stops.map((s) => ({ argb: argb(s.color) })),
      };
    // .xlsx draws data bars: the model's fallback is for hosts that cannot.
    case "dataBar":
      return {
        type: "dataBar", priority, gradient: false,
        cfvo: [{ type: "num", value: cf.min }, { type: "num", value: cf.max }],
        color: { argb: argb(cf.color) },
      } as ExcelJS.DataBarRuleType;
  }
}

export function writeSheet(ws: ExcelJS.Worksheet, sheet: ReportSheet, chunkRows = WRITE_CHUNK_ROWS): void {
  // Formats first, as every host does: a text cell is text before its value arrives.
  for (const { range, format } of sheet.numberFormats) eachCell(ws, range, (cell) => (cell.numFmt = format));
  for (const block of sheet.blocks) {
    forEachChunk(block, chunkRows, (firstRow, chunk) => {
      chunk.forEach((values, i) => {
        const row = ws.getRow(firstRow + i + 1);
        values.forEach((v, j) => {
          // A string is set as a plain string value: ExcelJS writes it as text, never as a formula.
          if (v !== null) row.getCell(block.col + j + 1).value = v;
        });
      });
    });
  }
  for (const { range, style } of sheet.styles) eachCell(ws, range, (cell) => applyStyle(cell, style));
  for (const { row, height } of sheet.rowHeights) ws.getRow(row + 1).height = pixelsToPoints(height);
  sheet.columnWidths.forEach((w, i) => {
    if (w) ws.getColumn(i + 1).width = pixelsToCharacters(w);
  });
  ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  ws.views = [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }];
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: sheet.print.orientation,
    ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    printTitlesRow: sheet.frozenRows ? `1:${sheet.frozenRows}` : undefined,
  };
  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    ws.addConditionalFormatting({ ref: rangeA1(cf.range.row, cf.range.col, cf.range.rows, cf.range.cols), rules: [excelRule(cf, priority++)] });
  }
}

/** Names of the sheets this program made earlier (tagged with a workbook defined name). */
export function ownedSheets(wb: ExcelJS.Workbook): Map<string, string> {
  const owned = new Map<string, string>();
  for (const d of wb.definedNames.model) {
    if (!d.name.startsWith(OWNERSHIP.definedNamePrefix)) continue;
    const m = /^'?(.*?)'?!/.exec(d.ranges[0] ?? "");
    if (m) owned.set(m[1].replace(/''/g, "'"), d.name);
  }
  return owned;
}

const tagName = (key: ReportSheetKey) => `${OWNERSHIP.definedNamePrefix}${key}`;

/**
 * Adds the report sheets to the workbook as the core's sheet plan says: owned sheets of the
 * same key are replaced; a sheet of the same name that is not ours is left alone and the
 * report goes to `Name (2)`. Returns the plan (its final names and notices for the user).
 */
export function addReportSheets(wb: ExcelJS.Workbook, model: ReportModel): SheetPlan {
  const owned = ownedSheets(wb);
  const ownedAs = (name: string) => REPORT_SHEET_KEYS.find((key) => owned.get(name) === tagName(key)) ?? null;
  const plan = planSheets(wb.worksheets.map((ws) => ({ name: ws.name, ownedAs: ownedAs(ws.name) })), model.sheets);
  const sheetOf = new Map(model.sheets.map((s) => [s.key, s]));
  const tags = new Set(model.sheets.map((s) => tagName(s.key)));
  wb.definedNames.model = wb.definedNames.model.filter((d) => !tags.has(d.name));
  for (const step of plan.steps) {
    switch (step.do) {
      case "build":
        writeSheet(wb.addWorksheet(step.name), sheetOf.get(step.key)!);
        break;
      case "remove":
        wb.removeWorksheet(wb.getWorksheet(step.name)!.id);
        break;
      case "rename":
        wb.getWorksheet(step.from)!.name = step.to;
        break;
      case "tag":
        wb.definedNames.add(cellAddress(step.name, 0, 0).replace(/!([A-Z]+)(\d+)$/, "!$$$1$$$2"), tagName(step.key));
        break;
    }
  }
  const active = wb.worksheets.findIndex((ws) => ws.name === plan.activate);
  if (active >= 0) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  return plan;
}
