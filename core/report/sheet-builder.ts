/**
 * Lays out a report sheet from top to bottom: titles, then tables whose columns carry
 * their number format, width and conditional formats.
 */
import { Palette } from "./palette";
import { CellRange, CellStyle, ConditionalFormat, ReportBlock, ReportSheet, ReportSheetKey, ReportValue } from "./model";

/** What a column shows, which decides its conditional formats. */
export type ColumnKind =
  | "text"
  | "number"
  /** KPI status words: Green / Amber / Red / No data. */
  | "kpiStatus"
  /** Budget status words: Favourable / On budget / Unfavourable / No data. */
  | "varianceStatus"
  /** A score 0..cap shown with a data bar. */
  | "scoreBar"
  /** A share 0..1 shown with a data bar. */
  | "shareBar"
  /** A score in a heat map (3-colour scale). */
  | "heat"
  /** Variance %: red/green by sign beyond the tolerance. */
  | "variancePct";

/** The data rows of a table: a row's cells are made only when a host asks for them. */
export interface TableRows {
  count: number;
  at(i: number): ReportValue[];
}

/** Table rows made from items, one row per item. */
export function rowsOf<T>(items: readonly T[], cells: (item: T) => ReportValue[]): TableRows {
  return { count: items.length, at: (i) => cells(items[i]) };
}

/** A block of rows already made. */
function fixedBlock(row: number, col: number, values: ReportValue[][]): ReportBlock {
  return { row, col, rows: values.length, cols: Math.max(0, ...values.map((v) => v.length)), rowsAt: (from, count) => values.slice(from, from + count) };
}

export interface ColumnDef {
  header: string;
  format?: string;
  width?: number;
  kind?: ColumnKind;
}

export interface RuleContext {
  palette: Palette;
  scoreCap: number;
  kpiTolerance: number;
  budgetTolerance: number;
}

export const FORMATS = {
  percent: "0.0%",
  count: "#,##0",
  number: "#,##0.##",
  money: "#,##0",
  moneyCents: "#,##0.00",
  /** Trend: numbers stay numbers, the arrow comes from the format. */
  trend: '"▲ "0.0%;"▼ "0.0%;"▬ "0.0%',
} as const;

/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", borderBottom: true, wrap: true };

export class SheetBuilder {
  readonly sheet: ReportSheet;
  /** Next free row. */
  row = 0;

  constructor(key: ReportSheetKey, name: string, private readonly rules: RuleContext) {
    this.sheet = {
      key, name, blocks: [], numberFormats: [], styles: [], columnWidths: [], rowHeights: [],
      frozenRows: 0, frozenColumns: 0, conditionalFormats: [], charts: [], extent: { rows: 0, cols: 0 },
      print: { orientation: "landscape", fitToWidth: true },
    };
  }

  /** A row of cells with an optional style and formats per cell. */
  line(values: ReportValue[], style?: CellStyle, formats: (string | undefined)[] = []): number {
    const row = this.row++;
    this.sheet.blocks.push(fixedBlock(row, 0, [values]));
    if (style) this.sheet.styles.push({ range: { row, col: 0, rows: 1, cols: values.length }, style });
    formats.forEach((format, col) => {
      if (format) this.sheet.numberFormats.push({ range: { row, col, rows: 1, cols: 1 }, format });
    });
    this.extend(row + 1, values.length);
    return row;
  }

  gap(rows = 1): void {
    this.row += rows;
  }

  /** A section title, then a table. Returns where the data rows are. */
  table(title: string | null, columns: ColumnDef[], data: ReportValue[][] | TableRows, col = 0): { headerRow: number; firstRow: number; column: (i: number) => CellRange } {
    if (title !== null) this.line([title], { bold: true, fontSize: 12 });
    const rows = Array.isArray(data) ? rowsOf(data, (cells) => cells) : data;
    const headerRow = this.row;
    this.sheet.blocks.push(fixedBlock(headerRow, col, [columns.map((c) => c.header)]));
    this.sheet.styles.push({ range: { row: headerRow, col, rows: 1, cols: columns.length }, style: HEADER_STYLE });
    const firstRow = headerRow + 1;
    if (rows.count) {
      this.sheet.blocks.push({
        row: firstRow, col, rows: rows.count, cols: columns.length,
        rowsAt: (from, count) => {
          const out: ReportValue[][] = new Array(count);
          for (let k = 0; k < count; k++) out[k] = rows.at(from + k);
          return out;
        },
      });
    }
    const column = (i: number): CellRange => ({ row: firstRow, col: col + i, rows: Math.max(rows.count, 1), cols: 1 });
    columns.forEach((c, i) => {
      const width = c.width ?? Math.max(10, Math.min(40, c.header.length + 2));
      this.sheet.columnWidths[col + i] = Math.max(this.sheet.columnWidths[col + i] ?? 0, width);
      if (!rows.count) return;
      if (c.format) this.sheet.numberFormats.push({ range: column(i), format: c.format });
      this.sheet.conditionalFormats.push(...this.rulesFor(c.kind ?? "text", column(i)));
    });
    // A header longer than its column wraps: give the row room for every line.
    const lines = Math.max(...columns.map((c, i) => Math.ceil(c.header.length / Math.max(1, this.sheet.columnWidths[col + i] - 1))));
    if (lines > 1) this.sheet.rowHeights.push({ row: headerRow, height: LINE_HEIGHT * Math.min(lines, 4) });
    this.row = firstRow + rows.count;
    this.extend(this.row, col + columns.length);
    return { headerRow, firstRow, column };
  }

  private extend(rows: number, cols: number): void {
    this.sheet.extent.rows = Math.max(this.sheet.extent.rows, rows);
    this.sheet.extent.cols = Math.max(this.sheet.extent.cols, cols);
  }

  /** The conditional formats of a column kind: the report's colours live only here. */
  rulesFor(kind: ColumnKind, range: CellRange): ConditionalFormat[] {
    const { palette: p, scoreCap, kpiTolerance, budgetTolerance } = this.rules;
    const words = (pairs: [string, { fill: string; font: string }][]): ConditionalFormat[] =>
      pairs.map(([text, c]) => ({ kind: "textEquals", range, text, fill: c.fill, fontColor: c.font }));
    switch (kind) {
      case "kpiStatus":
        return words([["Green", p.good], ["Amber", p.warn], ["Red", p.bad], ["No data", p.none]]);
      case "varianceStatus":
        return words([["Favourable", p.good], ["On budget", p.neutral], ["Unfavourable", p.bad], ["No data", p.none]]);
      case "scoreBar":
        return [{ kind: "dataBar", range, min: 0, max: scoreCap, color: p.bar }];
      case "shareBar":
        return [{ kind: "dataBar", range, min: 0, max: 1, color: p.bar }];
      case "heat":
        return [{
          kind: "colorScale",
          range,
          stops: [
            { value: 0, color: p.scale.bad },
            { value: 1 - kpiTolerance, color: p.scale.warn },
            { value: 1, color: p.scale.good },
          ],
        }];
      case "variancePct":
        return [
          { kind: "numberCompare", range, operator: "greaterThan", value: budgetTolerance, fill: p.good.fill, fontColor: p.good.font },
          { kind: "numberCompare", range, operator: "lessThan", value: -budgetTolerance, fill: p.bad.fill, fontColor: p.bad.font },
        ];
      default:
        return [];
    }
  }
}
