/**
 * Writes the core's report model through SpreadsheetApp, with a number of calls that does not
 * grow with rows: one call per block of values, per format range, per style, per column, one
 * setConditionalFormatRules and one chart per sheet. Decides nothing: where Sheets cannot draw
 * a data bar, it draws the model's fallback.
 */
import { CellRange, ChartSpec, ConditionalFormat, ColorScale, OWNERSHIP, REPORT_SHEET_KEYS, ReportModel, ReportSheet, ReportSheetKey, SheetPlan, blockValues, planSheets } from "../../core";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const rangeOf = (sheet: Sheet, r: CellRange) => sheet.getRange(r.row + 1, r.col + 1, r.rows, r.cols);

/** The report sheet a sheet's developer metadata says it is, or null for a user's sheet. */
function ownedAs(sheet: Sheet): ReportSheetKey | null {
  const tag = sheet.getDeveloperMetadata().find((m) => m.getKey() === OWNERSHIP.key);
  const value = tag?.getValue() ?? null;
  return value !== null && (REPORT_SHEET_KEYS as readonly string[]).includes(value) ? (value as ReportSheetKey) : null;
}

/** Writes the report as the core's sheet plan says; a failure while building deletes what was built. */
export function writeReport(ss: Spreadsheet, model: ReportModel): SheetPlan {
  const sheets = ss.getSheets();
  const plan = planSheets(sheets.map((s) => ({ name: s.getName(), ownedAs: ownedAs(s) })), model.sheets);
  const sheetOf = new Map(model.sheets.map((s) => [s.key, s]));
  const built = new Map<string, Sheet>();
  try {
    for (const step of plan.steps) {
      if (step.do !== "build") continue;
      const sheet = ss.insertSheet(step.name, ss.getNumSheets());
      built.set(step.name, sheet);
      writeSheet(sheet, sheetOf.get(step.key)!);
    }
  } catch (error) {
    for (const sheet of built.values()) ss.deleteSheet(sheet);
    throw error;
  }
  const byName = new Map(sheets.map((s) => [s.getName(), s]));
  for (const step of plan.steps) {
    if (step.do === "remove") ss.deleteSheet(byName.get(step.name)!);
    else if (step.do === "rename") built.get(step.from)!.setName(step.to);
    else if (step.do === "tag") [...built.values()].find((s) => s.getName() === step.name)!.addDeveloperMetadata(OWNERSHIP.key, step.key);
  }
  const first = [...built.values()].find((s) => s.getName() === plan.activate);
  if (first) ss.setActiveSheet(first);
  SpreadsheetApp.flush();
  return plan;
}

/** One sheet: number formats first (text cells are text before values arrive), then values and the rest. */
export function writeSheet(sheet: Sheet, report: ReportSheet): void {
  for (const { range, format } of report.numberFormats) rangeOf(sheet, range).setNumberFormat(format);
  for (const block of report.blocks) {
    sheet.getRange(block.row + 1, block.col + 1, block.rows, block.cols).setValues(blockValues(block).map((row) => row.map((v) => (v === null ? "" : v))));
  }
  for (const { range, style } of report.styles) {
    const r = rangeOf(sheet, range);
    if (style.bold) r.setFontWeight("bold");
    if (style.italic) r.setFontStyle("italic");
    if (style.fontSize) r.setFontSize(style.fontSize);
    if (style.fontColor) r.setFontColor(style.fontColor);
    if (style.fill) r.setBackground(style.fill);
    if (style.wrap) r.setWrap(true);
    if (style.align) r.setHorizontalAlignment(style.align);
    if (style.borderBottom) r.setBorder(null, null, true, null, null, null, style.borderBottom, SpreadsheetApp.BorderStyle.SOLID);
  }
  // Sizes are pixels in the model, as Sheets takes them.
  report.columnWidths.forEach((width, col) => {
    if (width) sheet.setColumnWidth(col + 1, width);
  });
  for (const { row, height } of report.rowHeights) sheet.setRowHeight(row + 1, height);
  if (report.frozenRows) sheet.setFrozenRows(report.frozenRows);
  sheet.setConditionalFormatRules(report.conditionalFormats.map((cf) => ruleFor(sheet, cf)));
  for (const chart of report.charts) sheet.insertChart(chartFor(sheet, chart));
  sheet.setTabColor(report.tabColor);
}

function ruleFor(sheet: Sheet, cf: ConditionalFormat): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const rule = SpreadsheetApp.newConditionalFormatRule().setRanges([rangeOf(sheet, cf.range)]);
  switch (cf.kind) {
    case "textEquals":
      return rule.whenTextEqualTo(cf.text).setBackground(cf.fill).setFontColor(cf.fontColor).build();
    case "numberCompare":
      return (cf.operator === "greaterThan" ? rule.whenNumberGreaterThan(cf.value) : rule.whenNumberLessThan(cf.value)).setBackground(cf.fill).setFontColor(cf.fontColor).build();
    case "colorScale":
      return gradient(rule, cf);
    case "dataBar":
      // Sheets has no data bars: the model's fallback for this host.
      return gradient(rule, cf.fallback);
  }
}

function gradient(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, scale: ColorScale): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const number = SpreadsheetApp.InterpolationType.NUMBER;
  const [low, mid, high] = scale.stops.length === 3 ? scale.stops : [scale.stops[0], null, scale.stops[1]];
  rule.setGradientMinpointWithValue(low.color, number, String(low.value));
  if (mid) rule.setGradientMidpointWithValue(mid.color, number, String(mid.value));
  rule.setGradientMaxpointWithValue(high!.color, number, String(high!.value));
  return rule.build();
}

function chartFor(sheet: Sheet, spec: ChartSpec): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  let chart = sheet.newChart().setChartType(spec.kind === "bar" ? Charts.ChartType.BAR : Charts.ChartType.COLUMN).addRange(rangeOf(sheet, spec.categories));
  for (const s of spec.series) chart = chart.addRange(rangeOf(sheet, s.values));
  const axis = { format: spec.valueAxis.format, viewWindow: { ...(spec.valueAxis.min !== null ? { min: spec.valueAxis.min } : {}), ...(spec.valueAxis.max !== null ? { max: spec.valueAxis.max } : {}) } };
  return chart
    .setPosition(spec.anchor.row + 1, spec.anchor.col + 1, 0, 0)
    .setOption("title", spec.title)
    .setOption("width", spec.size.width)
    .setOption("height", spec.size.height)
    .setOption("colors", spec.series.map((s) => s.color))
    .setOption("legend", { position: spec.legend ? "right" : "none" })
    .setOption("series", Object.fromEntries(spec.series.map((s, i) => [i, { labelInLegend: s.name }])))
    .setOption(spec.kind === "bar" ? "hAxis" : "vAxis", axis)
    .build();
}
