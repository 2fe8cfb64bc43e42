/**
 * The Sheets sidebar: the shared panel, with the server as its host through google.script.run.
 * A build is two calls (read and check, then compute and write), so progress is honest: the
 * sidebar knows when the first half is done.
 */
import type { BuildResult, SettingsInput } from "../../core";
import type { PanelHost, StoredSettings } from "../../panel/host";
import { mountPanel } from "../../panel/panel";

type Runner = Record<string, (...args: unknown[]) => void> & {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: Error) => void): Runner;
};
declare const google: { script: { run: Runner } };

/** One server function, as a promise. */
function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    google.script.run.withSuccessHandler((value) => resolve(value as T)).withFailureHandler(reject)[name](...args);
  });
}

const host: PanelHost = {
  async build(progress) {
    await progress("reading");
    const checked = await call<BuildResult | { ok: true; checked: true }>("sidebarCheckTables");
    if (!("checked" in checked)) return checked;
    await progress("checking");
    await progress("writing");
    return call<BuildResult>("sidebarBuildReports");
  },
  insertSample: () => call<string[]>("sidebarInsertSample"),
  selectCell: (address) => call<void>("sidebarSelectCell", address),
  loadSettings: () => call<StoredSettings>("sidebarLoadSettings"),
  saveSettings: (input: SettingsInput) => call<StoredSettings>("sidebarSaveSettings", input),
};

const initial = (window as unknown as { __initial?: BuildResult | null }).__initial ?? null;
mountPanel(document.getElementById("panel")!, host, { hostName: "Google Sheets", initial });
