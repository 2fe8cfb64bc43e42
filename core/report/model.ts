/**
 * The report model (docs/formulas.md §3): a host-neutral description of the report sheets. Hosts only
 * translate it into their own API calls; no host decides a colour, a threshold, a format, a
 * size or a name. Sizes are pixels (see sizes.ts for each host's conversion); colours are
 * `#RRGGBB`; font sizes are points.
 */

/** A cell value. A string is always literal text: hosts must never let it become a formula. */
export type ReportValue = string | number | boolean | null;

/** A rectangle of cells, 0-based. */
export interface CellRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A rectangle of values: row r of the block, column c land at (row + r, col + c). */
export interface ReportBlock {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /**
   * Rows `from` to `from + count - 1`, made when asked. Hosts write a long table in chunks
   * (a request to a host has a size limit), so a 100k-row table's cells never have to
   * exist all at once beside the analysis they come from.
   */
  rowsAt(from: number, count: number): ReportValue[][];
}

/** Every row of a block at once (title lines, small tables, tests). */
export function blockValues(block: ReportBlock): ReportValue[][] {
  return block.rowsAt(0, block.rows);
}

/** Hands a block to `write` in chunks of at most `size` rows, top to bottom. */
export function forEachChunk(block: ReportBlock, size: number, write: (firstRow: number, values: ReportValue[][]) => void): void {
  for (let from = 0; from < block.rows; from += size) write(block.row + from, block.rowsAt(from, Math.min(size, block.rows - from)));
}

/**
 * The number format of text cells. Writing `1`, `+1`, `TRUE`, `12%`, `2026-03`, `1/2` or
 * `=…` into a cell converts it, as typing it would, unless the cell is formatted as text
 * first: hosts set every `numberFormats` entry before writing any value.
 */
export const TEXT_FORMAT = "@";

/** Static look of titles and headers (never of data: data is coloured by rules). */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** A thin bottom border in this colour. */
  borderBottom?: string;
}

export interface ColorStop {
  value: number;
  color: string;
}

/** A colour scale with numeric stops (two or three), lowest first. */
export interface ColorScale {
  kind: "colorScale";
  range: CellRange;
  stops: ColorStop[];
}

export type ConditionalFormat =
  /** Cells whose text equals `text` get this fill and font colour. */
  | { kind: "textEquals"; range: CellRange; text: string; fill: string; fontColor: string }
  /** Heat map: 0 → red, 1 − tolerance → amber, 1 → green. */
  | ColorScale
  /**
   * Data bar from `min` to `max`. A host that cannot draw data bars draws `fallback`
   * instead (a two-colour scale over the same range and bounds).
   */
  | { kind: "dataBar"; range: CellRange; min: number; max: number; color: string; fallback: ColorScale }
  /** Cells greater or less than a number get this fill and font colour. */
  | { kind: "numberCompare"; range: CellRange; operator: "greaterThan" | "lessThan"; value: number; fill: string; fontColor: string };

export interface ChartSeries {
  name: string;
  /** One column of the sheet's own cells, beside the categories. */
  values: CellRange;
  color: string;
}

/** One chart on a report sheet; every range is on that sheet. */
export interface ChartSpec {
  /** `bar`: horizontal bars; `column`: vertical columns (clustered when several series). */
  kind: "bar" | "column";
  title: string;
  /** Category labels: one column. */
  categories: CellRange;
  series: ChartSeries[];
  valueAxis: { format: string; min: number | null; max: number | null };
  legend: boolean;
  /** The cell under the chart's top-left corner. */
  anchor: { row: number; col: number };
  /** Pixels. */
  size: { width: number; height: number };
}

/** The report sheets, in report order. */
export const REPORT_SHEET_KEYS = ["scorecard", "budget", "journey"] as const;
export type ReportSheetKey = (typeof REPORT_SHEET_KEYS)[number];

export interface ReportSheet {
  key: ReportSheetKey;
  /** Name from settings; the sheet plan says the name a host finally gives it. */
  name: string;
  tabColor: string;
  blocks: ReportBlock[];
  /** Text cells carry TEXT_FORMAT: set these before writing values. */
  numberFormats: { range: CellRange; format: string }[];
  styles: { range: CellRange; style: CellStyle }[];
  /** Pixels, by column (0 = leave the host's default). */
  columnWidths: number[];
  /** Pixels, for rows that need more than one line (wrapped headers). */
  rowHeights: { row: number; height: number }[];
  frozenRows: number;
  frozenColumns: number;
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
  /** Printing: landscape, all columns on one page width (finance teams print these). */
  print: { orientation: "landscape" | "portrait"; fitToWidth: boolean };
  /** How many rows and columns the report uses. */
  extent: { rows: number; cols: number };
}

/** How hosts mark the sheets they own, so a re-run replaces only those. */
export const OWNERSHIP = {
  /** Excel: worksheet custom property; Sheets: developer metadata key. Its value is the sheet's key. */
  key: "journey-scorecard",
  /** Prefix of the workbook-level defined name used by file-based hosts (the CLI). */
  definedNamePrefix: "JourneyScorecard_",
} as const;

export interface ReportModel {
  asOf: string | null;
  sheets: ReportSheet[];
}
