import type { CellValue, SheetBlock, FoundTable } from "../core";
/** Small builders of input tables for tests: rows as objects keyed by header. */

export type Row = Record<string, CellValue>;

/** A block with the header row at `origin` (default A1), columns in first-seen order. */
export function block(sheet: string, rows: Row[], headers?: string[], origin = { row: 0, col: 0 }): SheetBlock {
  const cols = headers ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { sheet, origin, values: [cols, ...rows.map((r) => cols.map((c) => (c in r ? r[c] : null)))] };
}

export function table(sheet: string, rows: Row[], headers?: string[]): FoundTable {
  return { block: block(sheet, rows, headers), locate: true };
}

/** A KPI row with sensible defaults; override any column. */
export function kpi(over: Row = {}): Row {
  return { Stage: "Awareness", Touchpoint: "Search", Perspective: "Customer", KPI: "Reach", Target: 100, Actual: 100, ...over };
}

/** A budget line with sensible defaults. */
export function line(over: Row = {}): Row {
  return { Stage: "Awareness", "Line item": "Media", Type: "Cost", Budget: 1000, Actual: 1000, ...over };
}
