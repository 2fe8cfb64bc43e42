/**
 * Finds the Journey, Budget and Actuals tables as the core's rules say (an Excel table of that name,
 * a named range, a sheet, else the selection) and reads each table's cells in one sync.
 */
import { AnalysisInput, FoundTable, Settings, moneyCellOf, moneyFormatFrom, selectionIsJourney, splitAddress } from "../core";

interface Candidate {
  table: Excel.Table;
  name: Excel.NamedItem;
  sheet: Excel.Worksheet;
}

export interface ReadTables {
  input: AnalysisInput;
  /** The report's money format, from the input's first Budget figure. */
  moneyFormat: string | undefined;
}

/** Reads both tables: one sync to find them, one to read their cells, one for the money format. */
export async function readTables(context: Excel.RequestContext, settings: Settings, useSelection = true): Promise<ReadTables> {
  const wb = context.workbook;
  const candidate = (name: string): Candidate => {
    const c = { table: wb.tables.getItemOrNullObject(name), name: wb.names.getItemOrNullObject(name), sheet: wb.worksheets.getItemOrNullObject(name) };
    c.table.load("name");
    c.name.load("name,type");
    c.sheet.load("name");
    return c;
  };
  const journey = candidate(settings.tableNames.journey);
  const budget = candidate(settings.tableNames.budget);
  const actuals = candidate(settings.tableNames.actuals);
  await context.sync();

  const journeyRange = sourceOf(journey);
  const budgetRange = sourceOf(budget);
  const actualsRange = sourceOf(actuals);
  // No Journey table by name: the user's selection is the Journey table.
  const journeyFound = journeyRange ?? (useSelection ? { range: wb.getSelectedRange(), locate: true, foundAs: "the selection" } : null);
  for (const found of [journeyFound, budgetRange, actualsRange]) found?.range.load("values,address,isNullObject");
  await context.sync();

  const input: AnalysisInput = { journey: journeyFound && tableOf(journeyFound), budget: budgetRange && tableOf(budgetRange), actuals: actualsRange && tableOf(actualsRange) };
  if (journeyFound && !journeyRange && !selectionIsJourney(input)) input.journey = null;
  const moneyCell = moneyCellOf(input.budget, settings);
  let moneyFormat: string | undefined;
  if (moneyCell) {
    const cell = wb.worksheets.getItem(moneyCell.sheet).getRangeByIndexes(moneyCell.row, moneyCell.col, 1, 1);
    cell.load("numberFormat");
    await context.sync();
    moneyFormat = moneyFormatFrom(String(cell.numberFormat[0][0]));
  }
  return { input, moneyFormat };
}

interface Source {
  range: Excel.Range;
  locate: boolean;
  foundAs: string;
  /** The sheet, for an empty one (its used range is a null object). */
  sheet?: string;
}

/** Excel table, then named range, then sheet (its used cells): the first that exists. */
function sourceOf(c: Candidate): Source | null {
  if (!c.table.isNullObject) return { range: c.table.getRange(), locate: false, foundAs: `Excel table "${c.table.name}"` };
  if (!c.name.isNullObject && c.name.type === "Range") return { range: c.name.getRange(), locate: false, foundAs: `named range "${c.name.name}"` };
  if (!c.sheet.isNullObject) return { range: c.sheet.getUsedRangeOrNullObject(true), locate: true, foundAs: `sheet "${c.sheet.name}"`, sheet: c.sheet.name };
  return null;
}

function tableOf(found: Source): FoundTable {
  if (found.range.isNullObject) return { block: { sheet: found.sheet ?? "", origin: { row: 0, col: 0 }, values: [] }, locate: true, foundAs: found.foundAs };
  const at = splitAddress(found.range.address);
  if (!at) throw new Error(`Excel gave an address that is not a range: ${found.range.address}`);
  return { block: { sheet: at.sheet, origin: { row: at.row, col: at.col }, values: found.range.values }, locate: found.locate, foundAs: found.foundAs };
}
