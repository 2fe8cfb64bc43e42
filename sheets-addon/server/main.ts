/**
 * The Apps Script entry points, each a top-level global in the pushed Code.js (gas-webpack-plugin
 * writes a top-level function for every `global.NAME = NAME`, with the JSDoc above it): the
 * add-on menu, the functions the sidebar calls, and the custom functions JOURNEY_*.
 * Nothing runs at load time: onOpen may run in AuthMode.NONE.
 */
import { BuildResult, SettingsInput, functions as fn } from "../../core";
import type { StoredSettings } from "../../panel/host";
import * as server from "./server";
import { toSheetsResult } from "./sheets-result";

declare const global: Record<string, unknown>;

type Arg = fn.FnArg;
type Result = number | string | (number | string)[][];

function onOpen(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem("Build reports", "menuBuildReports").addItem("Insert sample tables", "menuInsertSample").addItem("Open panel", "menuOpenPanel").addToUi();
}
/** The add-on menu (Extensions → Journey Scorecard). In AuthMode.NONE: no other service call. */
global.onOpen = onOpen;

function onInstall(): void {
  onOpen();
}
/** An installed add-on's first run: the menu, as on open. */
global.onInstall = onInstall;

/** Opens the sidebar, showing `initial` (a build's result) when given. */
function showSidebar(initial: BuildResult | null): void {
  const template = HtmlService.createTemplateFromFile("Sidebar");
  // Into a script element as JSON: `<` escaped so no sheet text can close the element.
  template.initial = JSON.stringify(initial).replace(/</g, "\\u003c");
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle("Journey Scorecard"));
}

function menuBuildReports(): void {
  showSidebar(server.buildReports());
}
/** Menu: builds the reports at once, then shows the summary (or the problems) in the sidebar. */
global.menuBuildReports = menuBuildReports;

function menuInsertSample(): void {
  server.insertSample();
  showSidebar(null);
}
/** Menu: writes the sample tables, then opens the sidebar. */
global.menuInsertSample = menuInsertSample;

function menuOpenPanel(): void {
  showSidebar(null);
}
/** Menu: opens the sidebar. */
global.menuOpenPanel = menuOpenPanel;

function sidebarCheckTables(): ReturnType<typeof server.checkTables> {
  return server.checkTables();
}
/** Sidebar: reads and checks the tables (the first half of a build). */
global.sidebarCheckTables = sidebarCheckTables;

function sidebarBuildReports(): BuildResult {
  return server.buildReports();
}
/** Sidebar: builds the reports. */
global.sidebarBuildReports = sidebarBuildReports;

function sidebarInsertSample(): string[] {
  return server.insertSample();
}
/** Sidebar: inserts the sample tables. */
global.sidebarInsertSample = sidebarInsertSample;

function sidebarSelectCell(address: string): void {
  server.selectCell(address);
}
/** Sidebar: selects a problem's cell. */
global.sidebarSelectCell = sidebarSelectCell;

function sidebarLoadSettings(): StoredSettings {
  return server.loadSettings();
}
/** Sidebar: the stored settings. */
global.sidebarLoadSettings = sidebarLoadSettings;

function sidebarSaveSettings(input: SettingsInput): StoredSettings {
  return server.saveSettings(input);
}
/** Sidebar: validates and stores the settings. */
global.sidebarSaveSettings = sidebarSaveSettings;

function JOURNEY_KPISCORE(actual: Arg, target: Arg, direction?: Arg, baseline?: Arg, cap?: Arg): Result {
  return toSheetsResult(fn.KPISCORE(actual, target, direction, baseline, cap));
}
/**
 * A KPI's score: its achievement clamped to 0 and the cap.
 * @param {number|string|Array<Array<number|string>>} actual The actual value, or a range of them.
 * @param {number|string|Array<Array<number|string>>} target The target, or a range of targets.
 * @param {number|string|Array<Array<number|string>>} direction Optional: higher (default), lower or range.
 * @param {number|string|Array<Array<number|string>>} baseline Optional: the worst value; default 0 for higher, 2 × target for lower.
 * @param {number|string|Array<Array<number|string>>} cap Optional: the highest score; default 100%.
 * @return The score, from 0 to the cap.
 * @customfunction
 */
global.JOURNEY_KPISCORE = JOURNEY_KPISCORE;

function JOURNEY_KPIACHIEVEMENT(actual: Arg, target: Arg, direction?: Arg, baseline?: Arg): Result {
  return toSheetsResult(fn.KPIACHIEVEMENT(actual, target, direction, baseline));
}
/**
 * A KPI's achievement: (actual − baseline) / (target − baseline), not clamped.
 * @param {number|string|Array<Array<number|string>>} actual The actual value, or a range of them.
 * @param {number|string|Array<Array<number|string>>} target The target, or a range of targets.
 * @param {number|string|Array<Array<number|string>>} direction Optional: higher (default), lower or range.
 * @param {number|string|Array<Array<number|string>>} baseline Optional: the worst value; default 0 for higher, 2 × target for lower.
 * @return The achievement (1 = on target).
 * @customfunction
 */
global.JOURNEY_KPIACHIEVEMENT = JOURNEY_KPIACHIEVEMENT;

function JOURNEY_KPISTATUS(actual: Arg, target: Arg, direction?: Arg, baseline?: Arg, tolerance?: Arg): Result {
  return toSheetsResult(fn.KPISTATUS(actual, target, direction, baseline, tolerance));
}
/**
 * A KPI's status: Green on target, Amber within the tolerance, else Red; No data without an actual.
 * @param {number|string|Array<Array<number|string>>} actual The actual value, or a range of them.
 * @param {number|string|Array<Array<number|string>>} target The target, or a range of targets.
 * @param {number|string|Array<Array<number|string>>} direction Optional: higher (default), lower or range.
 * @param {number|string|Array<Array<number|string>>} baseline Optional: the worst value; default 0 for higher, 2 × target for lower.
 * @param {number|string|Array<Array<number|string>>} tolerance Optional: the Amber band, such as 10% (the default).
 * @return Green, Amber, Red or No data.
 * @customfunction
 */
global.JOURNEY_KPISTATUS = JOURNEY_KPISTATUS;

function JOURNEY_VARIANCE(actual: Arg, budget: Arg, type?: Arg): Result {
  return toSheetsResult(fn.VARIANCE(actual, budget, type));
}
/**
 * Budget variance, positive when favourable: budget − actual for a cost, actual − budget for revenue.
 * @param {number|string|Array<Array<number|string>>} actual The actual, or a range of them.
 * @param {number|string|Array<Array<number|string>>} budget The budget, or a range of budgets.
 * @param {number|string|Array<Array<number|string>>} type Optional: cost (default) or revenue.
 * @return The variance; positive is favourable.
 * @customfunction
 */
global.JOURNEY_VARIANCE = JOURNEY_VARIANCE;

function JOURNEY_VARIANCEPCT(actual: Arg, budget: Arg, type?: Arg): Result {
  return toSheetsResult(fn.VARIANCEPCT(actual, budget, type));
}
/**
 * Budget variance as a share of the budget (favourable positive).
 * @param {number|string|Array<Array<number|string>>} actual The actual, or a range of them.
 * @param {number|string|Array<Array<number|string>>} budget The budget, or a range of budgets.
 * @param {number|string|Array<Array<number|string>>} type Optional: cost (default) or revenue.
 * @return The variance divided by the budget.
 * @customfunction
 */
global.JOURNEY_VARIANCEPCT = JOURNEY_VARIANCEPCT;

function JOURNEY_VARIANCESTATUS(actual: Arg, budget: Arg, type?: Arg, tolerance?: Arg): Result {
  return toSheetsResult(fn.VARIANCESTATUS(actual, budget, type, tolerance));
}
/**
 * Budget status: On budget within the tolerance, else Favourable or Unfavourable.
 * @param {number|string|Array<Array<number|string>>} actual The actual, or a range of them.
 * @param {number|string|Array<Array<number|string>>} budget The budget, or a range of budgets.
 * @param {number|string|Array<Array<number|string>>} type Optional: cost (default) or revenue.
 * @param {number|string|Array<Array<number|string>>} tolerance Optional: the On budget band, such as 5% (the default).
 * @return Favourable, On budget, Unfavourable or No data.
 * @customfunction
 */
global.JOURNEY_VARIANCESTATUS = JOURNEY_VARIANCESTATUS;

function JOURNEY_FLEXBUDGET(budget: Arg, budgetVolume: Arg, actualVolume: Arg, fixedShare?: Arg): Result {
  return toSheetsResult(fn.FLEXBUDGET(budget, budgetVolume, actualVolume, fixedShare));
}
/**
 * The budget flexed to the actual volume: budget × (fixed + (1 − fixed) × actual volume / budget volume).
 * @param {number|string|Array<Array<number|string>>} budget The budget, or a range of budgets.
 * @param {number|string|Array<Array<number|string>>} budgetVolume The planned volume (leads, orders, tickets…).
 * @param {number|string|Array<Array<number|string>>} actualVolume The actual volume.
 * @param {number|string|Array<Array<number|string>>} fixedShare Optional: the share of the budget that does not move with volume; default 0.
 * @return The flexed budget.
 * @customfunction
 */
global.JOURNEY_FLEXBUDGET = JOURNEY_FLEXBUDGET;

function JOURNEY_RUNRATE(ytdActual: Arg, periodsElapsed: Arg, totalPeriods: Arg): Result {
  return toSheetsResult(fn.RUNRATE(ytdActual, periodsElapsed, totalPeriods));
}
/**
 * A full-period forecast at the run rate: actual to date × periods / elapsed periods.
 * @param {number|string|Array<Array<number|string>>} ytdActual The actual to date.
 * @param {number|string|Array<Array<number|string>>} periodsElapsed Periods elapsed so far.
 * @param {number|string|Array<Array<number|string>>} totalPeriods Periods in the whole budget.
 * @return The forecast for the full period.
 * @customfunction
 */
global.JOURNEY_RUNRATE = JOURNEY_RUNRATE;

function JOURNEY_COSTPER(spend: Arg, outcomes: Arg): Result {
  return toSheetsResult(fn.COSTPER(spend, outcomes));
}
/**
 * Spend per outcome: spend / outcomes.
 * @param {number|string|Array<Array<number|string>>} spend The spend, or a range of it.
 * @param {number|string|Array<Array<number|string>>} outcomes The outcomes (leads, orders…).
 * @return The cost per outcome.
 * @customfunction
 */
global.JOURNEY_COSTPER = JOURNEY_COSTPER;

function JOURNEY_WEIGHTEDSCORE(scores: Arg, weights?: Arg): Result {
  return toSheetsResult(fn.WEIGHTEDSCORE(scores, weights));
}
/**
 * The weighted mean of scores, blanks skipped: Σ weight × score / Σ weight.
 * @param {number|string|Array<Array<number|string>>} scores The scores.
 * @param {number|string|Array<Array<number|string>>} weights Optional: their weights, the same shape; default 1 each.
 * @return The weighted mean score.
 * @customfunction
 */
global.JOURNEY_WEIGHTEDSCORE = JOURNEY_WEIGHTEDSCORE;

function JOURNEY_SCORECARD(journeyRange: Arg, groupBy?: Arg): Result {
  return toSheetsResult(fn.SCORECARD(journeyRange, groupBy));
}
/**
 * A balanced scorecard of a Journey table: one row per group with score, status and counts.
 * @param {number|string|Array<Array<number|string>>} journeyRange The Journey table, header row included.
 * @param {number|string|Array<Array<number|string>>} groupBy Optional: perspective (default), stage, touchpoint or matrix.
 * @return A table: a header row, then one row per group.
 * @customfunction
 */
global.JOURNEY_SCORECARD = JOURNEY_SCORECARD;
