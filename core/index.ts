/**
 * The core's public surface for hosts: read cells → analyse → build the report model →
 * translate it; plus the custom functions.
 */
export type { CellValue, SheetBlock } from "./cells";
export { cellAddress, looksLikeFormula } from "./cells";
export { analyse } from "./analyse";
export type { Analysis, AnalysisInput, AnalysisOutcome, TableInput } from "./analyse";
export { analysisToJson, problemJson } from "./json";
export type { Problem } from "./problems";
export { buildReport } from "./report";
export type { ReportOptions } from "./report";
export { OWNERSHIP } from "./report-model";
export type { CellRange, CellStyle, ChartSpec, ConditionalFormat, ReportBlock, ReportModel, ReportSheet, ReportValue } from "./report-model";
export { DEFAULT_SETTINGS, SettingsSchema, parseSettings } from "./settings";
export type { Settings, SettingsInput } from "./settings";
export * as functions from "./functions";
