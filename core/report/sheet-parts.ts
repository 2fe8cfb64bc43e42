/** What the three sheets share: their context, title rows and roll-up columns. */
import type { Analysis } from "../compute/analyse";
import type { RollUp } from "../compute/rollup";
import type { Problem } from "../input/problems";
import type { ReportOptions } from "./build-report";
import { ReportValue } from "./model";
import { Column, ColumnKind, FORMATS, RuleContext, SheetBuilder, TITLE_STYLE, figureColumn, percentColumn, textColumn } from "./sheet-builder";

/** What every sheet builder gets. */
export interface SheetContext {
  a: Analysis;
  rules: RuleContext;
  money: string;
  options: ReportOptions;
}

export function asOfText(a: Analysis): string {
  return a.asOf ? `as of ${a.asOf}` : "all rows (no periods)";
}

/** Score, status and counts of a roll-up, after the columns that name it. */
export function rollUpColumns<T extends RollUp>(): Column<T>[] {
  return [
    percentColumn("Score", 12, (r) => r.score, "scoreBar"),
    textColumn("Status", 10, (r) => r.status, "kpiStatus"),
    figureColumn("KPIs", 7, FORMATS.count, (r) => r.kpis),
    figureColumn("With data", 10, FORMATS.count, (r) => r.withData),
    figureColumn("Red", 6, FORMATS.count, (r) => r.red),
    figureColumn("Amber", 8, FORMATS.count, (r) => r.amber),
  ];
}

/**
 * A sheet's title, its summary line (statuses coloured by rule), and a note; the first two
 * rows stay frozen.
 */
export function titleRows(b: SheetBuilder, title: string, summary: ReportValue[], summaryFormats: (string | undefined)[], statusCols: [number, ColumnKind][], note: string): void {
  b.line([title], TITLE_STYLE);
  const row = b.line(summary, { bold: true }, summaryFormats);
  for (const [col, kind] of statusCols) b.sheet.conditionalFormats.push(...b.rulesFor(kind, { row, col, rows: 1, cols: 1 }));
  b.note(note);
  b.sheet.frozenRows = 2;
  b.gap();
}

const NOTE_COLUMNS: Column<Problem>[] = [
  textColumn("Severity", 10, (p) => (p.severity === "error" ? "Skipped row" : "Warning")),
  textColumn("Cell", 16, (p) => p.cell ?? ""),
  textColumn("Message", 90, (p) => p.message),
];

/**
 * The warnings and skipped rows, on the report's first sheet (the Scorecard, or the Budget
 * Variance when a budget stands alone), so the workbook says what the build said.
 */
export function notesSection(b: SheetBuilder, a: Analysis): void {
  if (!a.problems.length) return;
  b.gap();
  b.section(a.skipped.length ? `Notes (${a.skipped.length} problem${a.skipped.length > 1 ? "s" : ""} in skipped rows)` : "Notes", NOTE_COLUMNS, a.problems);
}
