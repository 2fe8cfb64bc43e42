/**
 * The Excel side of the panel's host interface: every call is one `Excel.run` batch that reads
 * cells, hands them to the core, and writes what the core says.
 */
import {
  SETTINGS_KEY, SampleTable, SettingsInput, analyse, buildReport, parseSettings, parseStoredSettings, problemJson, rangeA1, sampleSheets, splitAddress,
  stoppedResult, writtenResult,
} from "../core";
import type { PanelHost, StoredSettings } from "../panel/host";
import { writeReport } from "./report-writer";
import { readTables } from "./table-reader";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The settings kept in the workbook; a bad stored value falls back to its default with a warning. */
async function readSettings(context: Excel.RequestContext): Promise<ReturnType<typeof parseSettings>> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  return parseStoredSettings(item.isNullObject ? undefined : item.value);
}

async function storedSettings(context: Excel.RequestContext): Promise<StoredSettings> {
  const { settings, problems } = await readSettings(context);
  return { settings, problems: problems.map(problemJson) };
}

export function excelHost(run: Run = (batch) => Excel.run(batch)): PanelHost {
  return {
    build: (progress) =>
      run(async (context) => {
        await progress("reading");
        const { settings, problems } = await readSettings(context);
        const { input, moneyFormat } = await readTables(context, settings);
        await progress("checking");
        const outcome = analyse(input, settings, problems);
        if (!outcome.analysis) return stoppedResult(outcome);
        await progress("computing");
        const model = buildReport(outcome.analysis, { moneyFormat, generatedAt: new Date().toISOString().slice(0, 10) });
        await progress("writing");
        const plan = await writeReport(context, model);
        return writtenResult(outcome, input, model.sheets.map((s) => plan.names[s.key]), plan.notices);
      }),

    insertSample: () =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const planned = sampleSheets(sheets.items.map((s) => s.name));
        for (const { name, table } of planned) writeSampleTable(sheets.add(name), table);
        sheets.getItem(planned[0].name).activate();
        await context.sync();
        return planned.map((s) => s.name);
      }),

    selectCell: (address) =>
      run(async (context) => {
        const at = splitAddress(address);
        if (!at) return;
        const ws = context.workbook.worksheets.getItem(at.sheet);
        ws.activate();
        ws.getRange(rangeA1(at.row, at.col, at.rows, at.cols)).select();
        await context.sync();
      }),

    loadSettings: () => run(storedSettings),

    saveSettings: (input: SettingsInput) =>
      run(async (context) => {
        const { settings, problems } = parseSettings(input);
        context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
        await context.sync();
        return { settings, problems: problems.map(problemJson) };
      }),
  };
}

/** One sample table: values in one call, then its number formats by column and a bold header. */
function writeSampleTable(ws: Excel.Worksheet, table: SampleTable): void {
  const [header] = table.rows;
  ws.getRangeByIndexes(0, 0, table.rows.length, header.length).values = table.rows.map((r) => r.map((v) => v ?? ""));
  header.forEach((h, col) => {
    const format = table.columnFormats[String(h)];
    if (format) ws.getRangeByIndexes(1, col, table.rows.length - 1, 1).numberFormat = [[format]];
  });
  ws.getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
}
