/**
 * Builds the report sheets (Scorecard, Budget Variance, Journey View) from an analysis: those its
 * tables give.
 */
import type { Analysis } from "../compute/analyse";
import { budgetSheet } from "./budget-sheet";
import { journeySheet } from "./journey-sheet";
import { ReportModel } from "./model";
import { PALETTES } from "./palette";
import { scorecardSheet } from "./scorecard-sheet";
import { SheetContext } from "./sheet-parts";
import { FORMATS } from "./sheet-builder";

export interface ReportOptions {
  /** Number format for money, taken from the input's Budget cells (e.g. `"$"#,##0`); default `#,##0`. */
  moneyFormat?: string;
  /** When the report was made, shown under the title (hosts pass their clock; tests a fixed one). */
  generatedAt?: string;
}

export function buildReport(a: Analysis, options: ReportOptions = {}): ReportModel {
  const s = a.settings;
  const context: SheetContext = {
    a,
    rules: { palette: PALETTES[s.palette], scoreCap: s.scoreCap, kpiTolerance: s.kpiTolerance, budgetTolerance: s.budgetTolerance },
    money: options.moneyFormat ?? FORMATS.money,
    options,
  };
  // Each table gives its own sheets: KPIs the Scorecard and the Journey View, a budget its variance.
  const sheets = [
    a.hasJourney ? scorecardSheet(context) : null,
    a.hasBudget ? budgetSheet(context) : null,
    a.hasJourney ? journeySheet(context) : null,
  ];
  return { asOf: a.asOf, sheets: sheets.filter((sheet) => sheet !== null) };
}
