/**
 * Finds the Journey, Budget and Actuals tables as the core's rules say (a named range, a sheet of that
 * name, else the active selection for the Journey table) and reads each with one getValues().
 */
import { AnalysisInput, FoundTable, Settings, moneyCellOf, moneyFormatFrom, selectionIsJourney } from "../../core";

type Range = GoogleAppsScript.Spreadsheet.Range;

export interface ReadTables {
  input: AnalysisInput;
  moneyFormat: string | undefined;
}

function tableOf(range: Range, locate: boolean, foundAs: string): FoundTable {
  return { block: { sheet: range.getSheet().getName(), origin: { row: range.getRow() - 1, col: range.getColumn() - 1 }, values: range.getValues() }, locate, foundAs };
}

function find(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): FoundTable | null {
  const named = ss.getRangeByName(name);
  if (named) return tableOf(named, false, `named range "${name}"`);
  // Sheet names match ignoring case, as the core's rules say (Sheets' own look-up does not).
  const sheet = ss.getSheets().find((s) => s.getName().toLowerCase() === name.toLowerCase());
  if (sheet) return tableOf(sheet.getDataRange(), true, `sheet "${sheet.getName()}"`);
  return null;
}

export function readTables(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): ReadTables {
  const named = find(ss, settings.tableNames.journey);
  const budget = find(ss, settings.tableNames.budget);
  const actuals = find(ss, settings.tableNames.actuals);
  const input: AnalysisInput = { journey: named, budget, actuals };
  if (!named) {
    // No Journey table by name: the selection, if it can be one (the core's rule).
    const selection = ss.getActiveRange();
    input.journey = selection && tableOf(selection, true, "the selection");
    if (!selectionIsJourney(input)) input.journey = null;
  }
  const cell = moneyCellOf(budget, settings);
  const moneyFormat = cell ? moneyFormatFrom(ss.getSheetByName(cell.sheet)?.getRange(cell.row + 1, cell.col + 1).getNumberFormat()) : undefined;
  return { input, moneyFormat };
}
