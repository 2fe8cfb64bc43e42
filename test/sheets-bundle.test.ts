/**
 * The pushed Code.js as Apps Script runs it: loaded in a Node vm context with the fakes as
 * its globals. Entry points are top-level functions, custom functions carry their JSDoc in the
 * file text, onOpen in AuthMode.NONE only builds the menu, and the menu builds the reports.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Script, createContext, runInContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { functions as core } from "../core";
import { buildAddins } from "./build";
import { appsScriptGlobals, newSheetsState } from "./fakes/fake-sheets";

let code: string;
let manifest: { runtimeVersion: string; oauthScopes: string[] };

/** A fresh Apps Script global scope over a new spreadsheet, with Code.js loaded. */
function load(sheets: string[] = ["Sheet1"]) {
  const state = newSheetsState(sheets);
  state.files.set("Sidebar", readFileSync("dist/sheets-addon/Sidebar.html", "utf8"));
  const context = createContext({ ...appsScriptGlobals(state), console });
  runInContext(code, context);
  return { state, g: context as Record<string, (...args: unknown[]) => unknown> };
}

beforeAll(() => {
  buildAddins();
  code = readFileSync("dist/sheets-addon/Code.js", "utf8");
  manifest = JSON.parse(readFileSync("dist/sheets-addon/appsscript.json", "utf8"));
}, 120_000);

const CATALOGUE = Object.keys(core).filter((k) => /^[A-Z]+$/.test(k)).sort();

describe("Code.js", () => {
  it("is one classic script for V8 with the least scopes: no import, export or require", () => {
    expect(() => new Script(code)).not.toThrow(); // an import or export statement would not parse
    expect(code).not.toMatch(/(^|[^\w.$])require\s*\(/m);
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toEqual(["https://www.googleapis.com/auth/spreadsheets.currentonly", "https://www.googleapis.com/auth/script.container.ui"]);
  });

  it("declares every entry point as a top-level function, custom functions with their JSDoc right above", () => {
    const entry = ["onOpen", "onInstall", "menuBuildReports", "menuInsertSample", "menuOpenPanel", "sidebarCheckTables", "sidebarBuildReports", "sidebarInsertSample", "sidebarSelectCell", "sidebarLoadSettings", "sidebarSaveSettings"];
    for (const name of [...entry, ...CATALOGUE.map((f) => `JOURNEY_${f}`)]) expect(code, name).toMatch(new RegExp(`^function ${name}\\(`, "m"));
    for (const f of CATALOGUE) {
      const doc = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction JOURNEY_${f}\\(`).exec(code);
      expect(doc, f).not.toBeNull();
      expect(doc![1]).toContain("@customfunction");
      expect(doc![1]).toMatch(/@param/);
    }
    const { g } = load();
    for (const f of CATALOGUE) expect(typeof g[`JOURNEY_${f}`], f).toBe("function");
  });

  it("onOpen in AuthMode.NONE builds the add-on menu and calls nothing else", () => {
    const { state, g } = load();
    g.onOpen({ authMode: "NONE" });
    expect(state.menus).toEqual([{ title: "Journey Scorecard", items: [["Build reports", "menuBuildReports"], ["Insert sample tables", "menuInsertSample"], ["Open panel", "menuOpenPanel"]] }]);
    expect(state.calls).toEqual(["SpreadsheetApp.getUi", "Ui.createAddonMenu", "Menu.addItem", "Menu.addItem", "Menu.addItem", "Menu.addToUi"]);
    const installed = load();
    installed.g.onInstall({ authMode: "NONE" });
    expect(installed.state.menus).toHaveLength(1);
  });

  it("from the menu: insert the sample, then build the reports and show the summary in the sidebar", () => {
    const { state, g } = load();
    g.menuInsertSample();
    g.menuBuildReports();
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Journey", "Budget", "Scorecard", "Budget Variance", "Journey View"]);
    const sidebar = state.sidebars[1];
    expect(sidebar.title).toBe("Journey Scorecard");
    const initial = /window\.__initial = (.*);<\/script>/.exec(sidebar.html)![1];
    expect(JSON.parse(initial)).toMatchObject({ ok: true, summary: { scorecard: { overall: { score: { text: "93.6%" } } } }, sheets: ["Scorecard", "Budget Variance", "Journey View"] });
    expect(initial).not.toContain("<");
  });

  it("custom functions give the core's figures; one bad value throws its message, a bad cell in a range shows its code", () => {
    const { g } = load();
    expect(g.JOURNEY_KPISCORE(60, 80)).toBe(0.75);
    expect(g.JOURNEY_KPISCORE([[60], [120]], [[80], [100]], [["higher"], ["lower"]])).toEqual([[0.75], [0.8]]);
    expect(g.JOURNEY_VARIANCE(1200, 1000, "revenue")).toBe(200);
    expect(g.JOURNEY_KPISTATUS(92, 100)).toBe("Amber");
    expect(g.JOURNEY_FLEXBUDGET(1000, 100, 120, "40%")).toBe(1120);
    expect(g.JOURNEY_KPISCORE("", 80)).toBe("");
    expect(() => g.JOURNEY_KPISCORE("lots", 80)).toThrow(/#VALUE! actual "lots"/);
    expect(g.JOURNEY_KPISCORE([["lots"], [60]], 80)).toEqual([["#VALUE!"], [0.75]]);
    const table = g.JOURNEY_SCORECARD([["Stage", "Perspective", "KPI", "Target", "Actual"], ["Awareness", "Customer", "Reach", 100, 90]]) as unknown[][];
    expect(table[0][0]).toBe("Perspective");
  });

  it("a custom function over a 10k-row range spills one result per row (its speed is in the bench)", () => {
    const { g } = load();
    const actuals = Array.from({ length: 10_000 }, (_, i) => [50 + (i % 60)]);
    const out = g.JOURNEY_KPISCORE(actuals, 80) as number[][];
    expect(out).toHaveLength(10_000);
    expect(out[10]).toEqual([60 / 80]);
  });
});

describe("clasp", () => {
  it("pushes only the built add-on: .clasp.sample.json's rootDir and the .claspignore beside it", () => {
    // A project root of its own, laid out as the repository's (clasp refuses a rootDir outside it).
    const root = mkdtempSync(join(tmpdir(), "clasp-"));
    cpSync("dist/sheets-addon", join(root, "dist/sheets-addon"), { recursive: true });
    writeFileSync(join(root, "dist/sheets-addon/notes.txt"), "not for Apps Script");
    const sample = JSON.parse(readFileSync(".clasp.sample.json", "utf8"));
    expect(sample.rootDir).toBe("dist/sheets-addon");
    writeFileSync(join(root, ".clasp.json"), JSON.stringify({ ...sample, scriptId: "test-script-id" }));
    copyFileSync(".claspignore", join(root, ".claspignore"));
    const status = JSON.parse(execFileSync(resolve("node_modules/.bin/clasp"), ["status", "--json"], { cwd: root, encoding: "utf8" }));
    expect(status.filesToPush.sort()).toEqual(["dist/sheets-addon/Code.js", "dist/sheets-addon/Sidebar.html", "dist/sheets-addon/appsscript.json"]);
    expect(status.untrackedFiles).toEqual(["dist/sheets-addon/notes.txt"]);
  });
});
