/**
 * The report model (SPEC §3): a host-neutral description of the report sheets. Hosts only
 * translate it into their own API calls; no host decides a colour, a threshold or a format.
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

/** Static look of titles and headers (never of data: data is coloured by rules). */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** `#RRGGBB`. */
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  borderBottom?: boolean;
}

export type ConditionalFormat =
  /** Cells whose text equals `text` get this fill and font colour. */
  | { kind: "textEquals"; range: CellRange; text: string; fill: string; fontColor: string }
  /** Three-colour scale with numeric stops (0 → red, 1 − tolerance → amber, 1 → green). */
  | { kind: "colorScale"; range: CellRange; stops: [ColorStop, ColorStop, ColorStop] }
  /** Data bar from `min` to `max`. */
  | { kind: "dataBar"; range: CellRange; min: number; max: number; color: string }
  /** Cells greater or less than a number get this fill and font colour. */
  | { kind: "numberCompare"; range: CellRange; operator: "greaterThan" | "lessThan"; value: number; fill: string; fontColor: string };

export interface ColorStop {
  value: number;
  color: string;
}

export interface ChartSpec {
  kind: "bar" | "column";
  title: string;
  /** Category labels (one column). */
  categories: CellRange;
  series: { name: string; values: CellRange }[];
  /** Top-left cell of the chart and its size in cells. */
  anchor: { row: number; col: number };
  size: { rows: number; cols: number };
  /** Value-axis format, e.g. `0%`. */
  valueFormat: string;
}

export type ReportSheetKey = "scorecard" | "budget" | "journey";

export interface ReportSheet {
  key: ReportSheetKey;
  /** Name from settings; hosts may suffix ` (2)` when a sheet of that name is not theirs. */
  name: string;
  blocks: ReportBlock[];
  numberFormats: { range: CellRange; format: string }[];
  styles: { range: CellRange; style: CellStyle }[];
  /** Widths in characters, by column. */
  columnWidths: number[];
  /** Heights in points of rows that need more than one line (wrapped headers). */
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
  /** Excel: worksheet custom property / named item; Sheets: developer metadata key. */
  key: "journey-scorecard",
  /** Prefix of the workbook-level defined name used by file-based hosts (the CLI). */
  definedNamePrefix: "JourneyScorecard_",
} as const;

export interface ReportModel {
  asOf: string | null;
  sheets: ReportSheet[];
}
