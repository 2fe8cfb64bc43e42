/**
 * Served in place of office.js in the browser test: `Office.onReady` resolves as in Excel, and
 * `Excel.run` runs against the recording fake. The document's settings survive a reload
 * (sessionStorage), as they survive in a saved workbook. The test drives the model through
 * `window.__fakeExcel`.
 */
import { FakeContext, fakeExcelRun, newModel } from "./fake-excel";

const model = newModel(["Sheet1"]);
const STORED = "fake-excel.settings";
for (const [k, v] of Object.entries(JSON.parse(sessionStorage.getItem(STORED) ?? "{}"))) model.settings.set(k, v);
const contexts: FakeContext[] = [];
const run = fakeExcelRun(model, contexts);

const w = window as unknown as Record<string, unknown>;
w.Office = {
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {},
};
w.Excel = {
  run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>) => {
    const result = await run(batch);
    sessionStorage.setItem(STORED, JSON.stringify(Object.fromEntries(model.settings)));
    return result;
  },
};
// In a shared runtime the task pane page also loads the custom functions, which register here.
const associated: string[] = [];
w.CustomFunctions = {
  associate: (id: string) => associated.push(id),
  Error: class extends Error {},
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
};
w.__fakeExcel = { model, contexts, associated };
