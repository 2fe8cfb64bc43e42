/**
 * What the sidebar and the menu ask of the server: each a plain function over the active
 * spreadsheet that hands cells to the core and writes what the core says. Results crossing
 * to the sidebar are plain JSON (BuildResult, StoredSettings).
 */
import {
  BuildResult, SETTINGS_KEY, SampleTable, SettingsInput, analyse, buildReport, parseSettings, parseStoredSettings, problemJson, sampleSheets, splitAddress,
  stoppedResult, writtenResult,
} from "../../core";
import type { StoredSettings } from "../../panel/host";
import { writeReport } from "./report-writer";
import { readTables } from "./table-reader";

/** Document properties hold at most 9 KB per value. */
const MAX_PROPERTY_BYTES = 9 * 1024;

function readSettings(): ReturnType<typeof parseSettings> {
  return parseStoredSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY) ?? undefined);
}

/** Bytes of a text in UTF-8 (Apps Script has no TextEncoder). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function loadSettings(): StoredSettings {
  const { settings, problems } = readSettings();
  return { settings, problems: problems.map(problemJson) };
}

export function saveSettings(input: SettingsInput): StoredSettings {
  const { settings, problems } = parseSettings(input);
  const json = JSON.stringify(settings);
  if (utf8Length(json) > MAX_PROPERTY_BYTES) {
    throw new Error(`The settings take ${json.length} bytes; a document keeps at most 9 KB per setting. Shorten the column mapping.`);
  }
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, json);
  return { settings, problems: problems.map(problemJson) };
}

/** Reads and checks the tables: the first half of a build, so the sidebar can show progress. */
export function checkTables(): BuildResult | { ok: true; checked: true } {
  const { settings, problems } = readSettings();
  const outcome = analyse(readTables(SpreadsheetApp.getActiveSpreadsheet(), settings).input, settings, problems);
  return outcome.analysis ? { ok: true, checked: true } : stoppedResult(outcome);
}

/** Reads, checks, computes and writes the report sheets. */
export function buildReports(): BuildResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { settings, problems } = readSettings();
  const { input, moneyFormat } = readTables(ss, settings);
  const outcome = analyse(input, settings, problems);
  if (!outcome.analysis) return stoppedResult(outcome);
  const model = buildReport(outcome.analysis, { moneyFormat, generatedAt: new Date().toISOString().slice(0, 10) });
  const plan = writeReport(ss, model);
  return writtenResult(outcome, input, model.sheets.map((s) => plan.names[s.key]), plan.notices);
}

/** Writes the sample tables into new sheets (never over a user's sheet); returns their names. */
export function insertSample(): string[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const planned = sampleSheets(ss.getSheets().map((s) => s.getName()));
  const written = planned.map(({ name, table }) => writeSampleTable(ss.insertSheet(name, ss.getNumSheets()), table));
  ss.setActiveSheet(written[0]);
  return planned.map((s) => s.name);
}

function writeSampleTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, table: SampleTable): GoogleAppsScript.Spreadsheet.Sheet {
  const [header] = table.rows;
  sheet.getRange(1, 1, table.rows.length, header.length).setValues(table.rows.map((r) => r.map((v) => v ?? "")));
  header.forEach((h, col) => {
    const format = table.columnFormats[String(h)];
    if (format) sheet.getRange(2, col + 1, table.rows.length - 1, 1).setNumberFormat(format);
  });
  sheet.getRange(1, 1, 1, header.length).setFontWeight("bold");
  sheet.setFrozenRows(1);
  return sheet;
}

/** Selects a cell such as `Journey!D7` and shows its sheet. */
export function selectCell(address: string): void {
  const at = splitAddress(address);
  const sheet = at && SpreadsheetApp.getActiveSpreadsheet().getSheetByName(at.sheet);
  if (!at || !sheet) return;
  sheet.activate();
  sheet.getRange(at.row + 1, at.col + 1, at.rows, at.cols).activate();
}
