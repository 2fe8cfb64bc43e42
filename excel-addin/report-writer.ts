/**
 * Writes the core's report model into the workbook through the Excel JavaScript API. Decides
 * nothing: values, formats, colours, sizes, rules, charts and sheet names come from the model
 * and the core's sheet plan. Syncs per report do not grow with rows: large value writes are
 * split only to stay under Excel on the web's request limit.
 */
import {
  CellRange, ChartSpec, ConditionalFormat, OWNERSHIP, REPORT_SHEET_KEYS, ReportModel, ReportSheet, ReportSheetKey, ReportValue, SheetPlan,
  forEachChunk, pixelsToPoints, planSheets, rangeA1,
} from "../core";

/** Bytes of values one sync may carry: Excel on the web refuses requests over 5 MB. */
export const SYNC_PAYLOAD_BUDGET = 3_000_000;
/** Rows asked of the model at a time (each chunk is measured before it is queued). */
const CHUNK_ROWS = 1000;

export interface WriteProgress {
  (text: string): void;
}

const rangeOf = (ws: Excel.Worksheet, r: CellRange) => ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols);

/** The JSON size of some values: what a sync carries for them. */
export function payloadOf(values: unknown): number {
  return JSON.stringify(values).length;
}

/**
 * Writes every report sheet as the core's sheet plan says: each is built under a free name,
 * then our previous sheets are removed and the new ones renamed and tagged. A failure while
 * building deletes what was built and leaves the workbook as it was.
 */
export async function writeReport(context: Excel.RequestContext, model: ReportModel, progress: WriteProgress = () => {}): Promise<SheetPlan> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const tags = sheets.items.map((ws) => ({ name: ws.name, tag: ws.customProperties.getItemOrNullObject(OWNERSHIP.key) }));
  for (const t of tags) t.tag.load("value");
  await context.sync();
  const existing = tags.map((t) => ({ name: t.name, ownedAs: ownedAs(t.tag) }));
  const plan = planSheets(existing, model.sheets);
  const sheetOf = new Map(model.sheets.map((s) => [s.key, s]));
  const built: string[] = [];
  try {
    for (const step of plan.steps) {
      if (step.do !== "build") continue;
      progress(`Writing ${plan.names[step.key]}…`);
      const ws = sheets.add(step.name);
      built.push(step.name);
      await writeSheet(context, ws, sheetOf.get(step.key)!);
      await context.sync();
    }
  } catch (error) {
    for (const name of built) sheets.getItemOrNullObject(name).delete();
    await context.sync().catch(() => undefined);
    throw error;
  }
  for (const step of plan.steps) {
    if (step.do === "remove") sheets.getItem(step.name).delete();
    else if (step.do === "rename") sheets.getItem(step.from).name = step.to;
    else if (step.do === "tag") sheets.getItem(step.name).customProperties.add(OWNERSHIP.key, step.key);
  }
  if (plan.activate) sheets.getItem(plan.activate).activate();
  await context.sync();
  return plan;
}

function ownedAs(tag: Excel.WorksheetCustomProperty): ReportSheetKey | null {
  if (tag.isNullObject) return null;
  return (REPORT_SHEET_KEYS as readonly string[]).includes(tag.value) ? (tag.value as ReportSheetKey) : null;
}

/**
 * Queues one sheet: number formats first (so text cells are text before their values
 * arrive), then values (synced early whenever they would pass the payload budget), then
 * styles, sizes, panes, rules, charts and page setup. The caller syncs the rest.
 */
export async function writeSheet(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: ReportSheet): Promise<void> {
  // A 1×1 array applies one format to every cell of the range: one call per range, whatever its rows.
  for (const { range, format } of sheet.numberFormats) rangeOf(ws, range).numberFormat = [[format]];
  let pending = 0;
  for (const block of sheet.blocks) {
    const chunks: { row: number; values: ReportValue[][] }[] = [];
    forEachChunk(block, CHUNK_ROWS, (row, values) => chunks.push({ row, values }));
    for (const chunk of chunks) {
      const values = chunk.values.map((r) => r.map((v) => (v === null ? "" : v)));
      const size = payloadOf(values);
      if (pending > 0 && pending + size > SYNC_PAYLOAD_BUDGET) {
        await context.sync();
        pending = 0;
      }
      ws.getRangeByIndexes(chunk.row, block.col, values.length, block.cols).values = values;
      pending += size;
    }
  }
  for (const { range, style } of sheet.styles) {
    const format = rangeOf(ws, range).format;
    if (style.bold) format.font.bold = true;
    if (style.italic) format.font.italic = true;
    if (style.fontSize) format.font.size = style.fontSize;
    if (style.fontColor) format.font.color = style.fontColor;
    if (style.fill) format.fill.color = style.fill;
    if (style.wrap) format.wrapText = true;
    if (style.align) format.horizontalAlignment = style.align === "left" ? "Left" : style.align === "center" ? "Center" : "Right";
    if (style.borderBottom) {
      const edge = format.borders.getItem("EdgeBottom");
      edge.style = "Continuous";
      edge.color = style.borderBottom;
    }
  }
  sheet.columnWidths.forEach((width, col) => {
    if (width) ws.getRangeByIndexes(0, col, 1, 1).format.columnWidth = pixelsToPoints(width);
  });
  for (const { row, height } of sheet.rowHeights) ws.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = pixelsToPoints(height);
  if (sheet.frozenRows) ws.freezePanes.freezeRows(sheet.frozenRows);
  for (const cf of sheet.conditionalFormats) addConditionalFormat(ws, cf);
  for (const chart of sheet.charts) addChart(ws, chart);
  ws.tabColor = sheet.tabColor;
  ws.pageLayout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
  if (sheet.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (sheet.frozenRows) ws.pageLayout.setPrintTitleRows(`$1:$${sheet.frozenRows}`);
}

function addConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat): void {
  const range = rangeOf(ws, cf.range);
  switch (cf.kind) {
    case "textEquals": {
      // Excel has no "text equals" rule: a cell-value rule against a quoted text does it.
      const rule = range.conditionalFormats.add("CellValue").cellValue;
      rule.format.fill.color = cf.fill;
      rule.format.font.color = cf.fontColor;
      rule.rule = { formula1: `="${cf.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
      return;
    }
    case "numberCompare": {
      const rule = range.conditionalFormats.add("CellValue").cellValue;
      rule.format.fill.color = cf.fill;
      rule.format.font.color = cf.fontColor;
      rule.rule = { formula1: String(cf.value), operator: cf.operator === "greaterThan" ? "GreaterThan" : "LessThan" };
      return;
    }
    case "colorScale": {
      const [low, mid, high] = cf.stops.length === 3 ? cf.stops : [cf.stops[0], null, cf.stops[1]];
      const point = (s: { value: number; color: string }) => ({ type: "Number" as Excel.ConditionalFormatColorCriterionType, formula: String(s.value), color: s.color });
      range.conditionalFormats.add("ColorScale").colorScale.criteria = {
        minimum: point(low),
        ...(mid ? { midpoint: point(mid) } : {}),
        maximum: point(high!),
      };
      return;
    }
    case "dataBar": {
      const bar = range.conditionalFormats.add("DataBar").dataBar;
      bar.lowerBoundRule = { type: "Number", formula: String(cf.min) };
      bar.upperBoundRule = { type: "Number", formula: String(cf.max) };
      bar.positiveFormat.fillColor = cf.color;
      bar.positiveFormat.gradientFill = false;
      return;
    }
  }
}

function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  const chart = ws.charts.add(spec.kind === "bar" ? "BarClustered" : "ColumnClustered", rangeOf(ws, first.values), "Columns");
  chart.title.text = spec.title;
  chart.legend.visible = spec.legend;
  const axis = chart.axes.valueAxis;
  axis.numberFormat = spec.valueAxis.format;
  if (spec.valueAxis.min !== null) axis.minimum = spec.valueAxis.min;
  if (spec.valueAxis.max !== null) axis.maximum = spec.valueAxis.max;
  const series = chart.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(rangeOf(ws, spec.categories));
  series.format.fill.setSolidColor(first.color);
  for (const s of rest) {
    const added = chart.series.add(s.name);
    added.setValues(rangeOf(ws, s.values));
    added.setXAxisValues(rangeOf(ws, spec.categories));
    added.format.fill.setSolidColor(s.color);
  }
  chart.setPosition(rangeA1(spec.anchor.row, spec.anchor.col, 1, 1));
  chart.width = pixelsToPoints(spec.size.width);
  chart.height = pixelsToPoints(spec.size.height);
}
