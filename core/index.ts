/**
 * The core's one public surface. Hosts (the command line, the Excel add-in, the Sheets
 * add-on) and the shared panel import the core only from here: read cells → analyse →
 * build the report model → translate it; plus the custom functions.
 */

// Input: the cells a host read, settings, problems.
export type { CellValue, FoundTable, SheetBlock } from "./input/cells";
export { cellAddress, columnLetter, parseA1, parseRange, quoteSheet, rangeA1, rangeAddress, selectionIsJourney, splitAddress } from "./input/cells";
export { parseNumber } from "./input/numbers";
export { moneyCellOf, moneyFormatFrom } from "./input/money-format";
export type { SheetCell } from "./input/money-format";
export type { Problem } from "./input/problems";
export { DEFAULT_SETTINGS, SETTINGS_KEY, SettingsSchema, parseSettings, parseStoredSettings } from "./input/settings";
export type { Settings, SettingsInput } from "./input/settings";
export { settingsForm } from "./input/settings-form";
export { COLUMN_LABELS } from "./input/columns";
export { TABLE_WORDS } from "./input/locate-table";
export type { TableKind } from "./input/locate-table";
export type { SettingField } from "./input/settings-form";

// Compute: from tables to every figure.
export { analyse, tablesFoundAs } from "./compute/analyse";
export type { Analysis, AnalysisInput, AnalysisOutcome, ColumnsFound } from "./compute/analyse";
export type { ColumnFound } from "./input/header-match";

// Report: the model hosts translate, its JSON twin.
export { buildReport } from "./report/build-report";
export type { ReportOptions } from "./report/build-report";
export { OWNERSHIP, REPORT_SHEET_KEYS, TEXT_FORMAT, blockValues, forEachChunk } from "./report/model";
export type {
  CellRange, CellStyle, ChartSeries, ChartSpec, ColorScale, ColorStop, ConditionalFormat, ReportBlock, ReportModel, ReportSheet, ReportSheetKey, ReportValue,
} from "./report/model";
export { LINE_HEIGHT_PX, charactersToPixels, pixelsToCharacters, pixelsToPoints } from "./report/sizes";
export { PALETTES } from "./report/palette";
export type { Palette } from "./report/palette";
export { freeSheetName, planSheets } from "./report/sheet-plan";
export type { ExistingSheet, SheetPlan, SheetStep } from "./report/sheet-plan";
export { AnalysisJsonSchema, ProblemJsonSchema, analysisToJson, problemJson } from "./report/json";
export type { AnalysisJson, ProblemJson } from "./report/json";
export { SummarySchema, buildSummary, summaryText } from "./report/summary";
export { BuildResultSchema, stoppedResult, writtenResult } from "./report/build-result";
export type { BuildResult } from "./report/build-result";
export type { Figure, Summary } from "./report/summary";

// The sample tables every host can insert.
export { SAMPLE_TABLES, sampleSheets } from "./sample/sample-tables";
export type { SampleTable, SampleValue } from "./sample/sample-tables";

// Custom functions (docs/formulas.md §4), one implementation for both hosts.
export * as functions from "./functions/functions";
