/**
 * Lays out a report sheet from top to bottom: titles, then tables whose columns carry their
 * header, accessor, number format, width and conditional formats, each defined once.
 */
import { Palette } from "./palette";
import { CellRange, CellStyle, ConditionalFormat, ReportBlock, ReportSheet, ReportSheetKey, ReportValue, TEXT_FORMAT } from "./model";
import { LINE_HEIGHT_PX, charactersToPixels } from "./sizes";

/** What a column shows, which decides its number format and conditional formats. */
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

/** Kinds whose cells hold words: they are written as text, whatever the words look like. */
const TEXT_KINDS: ReadonlySet<ColumnKind> = new Set(["text", "kpiStatus", "varianceStatus"]);

/** One column of a report table: everything about it in one place. */
export interface Column<T> {
  header: string;
  /** The cell of one item. */
  value: (item: T) => ReportValue;
  kind: ColumnKind;
  /** Number format of a figure column (none = General); text columns are TEXT_FORMAT. */
  format?: string;
  /** Width in characters of the default font (the model holds pixels). */
  chars: number;
}

export const FORMATS = {
  percent: "0.0%",
  count: "#,##0",
  money: "#,##0",
  moneyCents: "#,##0.00",
  risk: "0.00",
  /** Trend: numbers stay numbers, the arrow comes from the format. */
  trend: '"▲ "0.0%;"▼ "0.0%;"▬ "0.0%',
} as const;

/** A column of words (names, statuses), written as text. */
export function textColumn<T>(header: string, chars: number, value: (item: T) => ReportValue, kind: ColumnKind = "text"): Column<T> {
  return { header, value, kind, chars };
}

/** A column of figures with a number format (none = General). */
export function figureColumn<T>(header: string, chars: number, format: string | undefined, value: (item: T) => ReportValue, kind: ColumnKind = "number"): Column<T> {
  return { header, value, kind, format, chars };
}

/** A column of fractions shown as percentages. */
export function percentColumn<T>(header: string, chars: number, value: (item: T) => ReportValue, kind: ColumnKind = "number"): Column<T> {
  return figureColumn(header, chars, FORMATS.percent, value, kind);
}

export interface RuleContext {
  palette: Palette;
  scoreCap: number;
  kpiTolerance: number;
  budgetTolerance: number;
}

export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 16 };
const SECTION_STYLE: CellStyle = { bold: true, fontSize: 12 };

export class SheetBuilder {
  readonly sheet: ReportSheet;
  /** Next free row. */
  row = 0;

  constructor(key: ReportSheetKey, name: string, readonly rules: RuleContext) {
    this.sheet = {
      key, name, tabColor: rules.palette.tab, blocks: [], numberFormats: [], styles: [], columnWidths: [], rowHeights: [],
      frozenRows: 0, frozenColumns: 0, conditionalFormats: [], charts: [], extent: { rows: 0, cols: 0 },
      print: { orientation: "landscape", fitToWidth: true },
    };
  }

  /** A row of cells with an optional style; a cell's format is given, or text for a string. */
  line(values: ReportValue[], style?: CellStyle, formats: (string | undefined)[] = []): number {
    const row = this.row++;
    this.sheet.blocks.push(fixedBlock(row, 0, [values]));
    if (style) this.sheet.styles.push({ range: { row, col: 0, rows: 1, cols: values.length }, style });
    values.forEach((value, col) => {
      const format = formats[col] ?? (typeof value === "string" ? TEXT_FORMAT : undefined);
      if (format) this.sheet.numberFormats.push({ range: { row, col, rows: 1, cols: 1 }, format });
    });
    this.extend(row + 1, values.length);
    return row;
  }

  /** The subtitle under a sheet's title. */
  note(text: string): number {
    return this.line([text], { italic: true, fontColor: this.rules.palette.note });
  }

  gap(rows = 1): void {
    this.row += rows;
  }

  /** A section title, then a table of one row per item. Returns where the data rows are. */
  section<T>(title: string | null, columns: Column<T>[], items: readonly T[], col = 0): { headerRow: number; firstRow: number; column: (i: number) => CellRange } {
    if (title !== null) this.line([title], SECTION_STYLE);
    const headerRow = this.row;
    const header = { row: headerRow, col, rows: 1, cols: columns.length };
    this.sheet.blocks.push(fixedBlock(headerRow, col, [columns.map((c) => c.header)]));
    this.sheet.numberFormats.push({ range: header, format: TEXT_FORMAT });
    const { fill, border } = this.rules.palette.header;
    this.sheet.styles.push({ range: header, style: { bold: true, fill, borderBottom: border, wrap: true } });
    const firstRow = headerRow + 1;
    if (items.length) {
      this.sheet.blocks.push({
        row: firstRow, col, rows: items.length, cols: columns.length,
        rowsAt: (from, count) => items.slice(from, from + count).map((item) => columns.map((c) => c.value(item))),
      });
    }
    const column = (i: number): CellRange => ({ row: firstRow, col: col + i, rows: Math.max(items.length, 1), cols: 1 });
    columns.forEach((c, i) => {
      this.sheet.columnWidths[col + i] = Math.max(this.sheet.columnWidths[col + i] ?? 0, charactersToPixels(c.chars));
      if (!items.length) return;
      const format = TEXT_KINDS.has(c.kind) ? TEXT_FORMAT : c.format;
      if (format) this.sheet.numberFormats.push({ range: column(i), format });
      this.sheet.conditionalFormats.push(...this.rulesFor(c.kind, column(i)));
    });
    // A header longer than its column wraps: give the row room for every line (at most four).
    const lines = Math.max(...columns.map((c) => Math.ceil(c.header.length / Math.max(1, c.chars - 1))));
    if (lines > 1) this.sheet.rowHeights.push({ row: headerRow, height: LINE_HEIGHT_PX * Math.min(lines, 4) });
    this.row = firstRow + items.length;
    this.extend(this.row, col + columns.length);
    return { headerRow, firstRow, column };
  }

  private extend(rows: number, cols: number): void {
    this.sheet.extent.rows = Math.max(this.sheet.extent.rows, rows);
    this.sheet.extent.cols = Math.max(this.sheet.extent.cols, cols);
  }

  /** The conditional formats of a column kind: the report's rule colours live only here. */
  rulesFor(kind: ColumnKind, range: CellRange): ConditionalFormat[] {
    const { palette: p, scoreCap, kpiTolerance, budgetTolerance } = this.rules;
    const words = (pairs: [string, { fill: string; font: string }][]): ConditionalFormat[] =>
      pairs.map(([text, c]) => ({ kind: "textEquals", range, text, fill: c.fill, fontColor: c.font }));
    const dataBar = (max: number): ConditionalFormat => ({
      kind: "dataBar", range, min: 0, max, color: p.bar,
      fallback: { kind: "colorScale", range, stops: [{ value: 0, color: p.barBase }, { value: max, color: p.bar }] },
    });
    switch (kind) {
      case "kpiStatus":
        return words([["Green", p.good], ["Amber", p.warn], ["Red", p.bad], ["No data", p.none], ["No target", p.none]]);
      case "varianceStatus":
        return words([["Favourable", p.good], ["On budget", p.neutral], ["Unfavourable", p.bad], ["No data", p.none]]);
      case "scoreBar":
        return [dataBar(scoreCap)];
      case "shareBar":
        return [dataBar(1)];
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

/** A block of rows already made. */
function fixedBlock(row: number, col: number, values: ReportValue[][]): ReportBlock {
  return { row, col, rows: values.length, cols: Math.max(0, ...values.map((v) => v.length)), rowsAt: (from, count) => values.slice(from, from + count) };
}
