/**
 * A recording fake of the Apps Script services the Sheets add-on uses (SpreadsheetApp,
 * PropertiesService, HtmlService, the UI, Charts). It behaves as Sheets does where it matters:
 * a string written with setValues converts as typing it would (numbers, booleans, dates,
 * formulas) unless the cell's number format is text (`@`); sheet names are unique ignoring
 * case. Every service call is recorded by name, so tests can count them.
 */
import { cellRows, typed } from "./fake-excel";

type Value = string | number | boolean | Date;
interface Cell {
  value: Value;
  format: string;
  formula?: string;
}

export interface SheetsState {
  sheets: FakeSheet[];
  namedRanges: Map<string, FakeRange>;
  active: FakeSheet | null;
  activeRange: FakeRange | null;
  properties: Map<string, string>;
  menus: { title: string; items: [string, string][] }[];
  sidebars: { title: string; html: string }[];
  /** Every call of a service method, by name (`Range.setValues`). */
  calls: string[];
  /** Count and measure writes without keeping the cells (benchmarks of calls). */
  discardValues: boolean;
  /** Throw on this call number (1-based), to test failures part-way. */
  failAtCall: number | null;
  /** Files HtmlService serves (Sidebar.html). */
  files: Map<string, string>;
}

function record(state: SheetsState, name: string): void {
  state.calls.push(name);
  if (state.failAtCall === state.calls.length) throw new Error(`Service error (injected) at ${name}`);
}

export class FakeRange {
  constructor(private readonly state: SheetsState, readonly sheet: FakeSheet, readonly row: number, readonly col: number, readonly rows: number, readonly cols: number) {}
  private each(fn: (key: string, r: number, c: number) => void): void {
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) fn(`${this.row + r - 1},${this.col + c - 1}`, r, c);
  }
  getValues(): Value[][] {
    record(this.state, "Range.getValues");
    const out = Array.from({ length: this.rows }, () => new Array<Value>(this.cols).fill(""));
    this.each((k, r, c) => (out[r][c] = this.sheet.cells.get(k)?.value ?? ""));
    return out;
  }
  setValues(values: unknown[][]): this {
    record(this.state, "Range.setValues");
    if (values.length !== this.rows || values.some((row) => row.length !== this.cols)) throw new Error(`The data has ${values.length} rows but the range has ${this.rows}.`);
    if (this.state.discardValues) return this;
    this.each((k, r, c) => {
      const format = this.sheet.cells.get(k)?.format ?? "";
      const v = values[r][c];
      if (v === "" || v === null || v === undefined) this.sheet.cells.set(k, { value: "", format });
      else {
        const cell = typed(v, format === "@" ? "@" : "General");
        this.sheet.cells.set(k, { value: cell.value, format: format || (cell.format === "General" ? "" : cell.format), formula: cell.formula });
      }
    });
    return this;
  }
  setNumberFormat(format: string): this {
    record(this.state, "Range.setNumberFormat");
    if (this.state.discardValues) return this;
    this.each((k) => this.sheet.cells.set(k, { ...(this.sheet.cells.get(k) ?? { value: "" }), format }));
    return this;
  }
  getNumberFormat(): string {
    record(this.state, "Range.getNumberFormat");
    return this.sheet.cells.get(`${this.row - 1},${this.col - 1}`)?.format || "General";
  }
  private style(method: string, value: unknown): this {
    record(this.state, `Range.${method}`);
    this.sheet.styles.push({ a1: this.getA1Notation(), method, value });
    return this;
  }
  setFontWeight(v: string) { return this.style("setFontWeight", v); }
  setFontStyle(v: string) { return this.style("setFontStyle", v); }
  setFontSize(v: number) { return this.style("setFontSize", v); }
  setFontColor(v: string) { return this.style("setFontColor", v); }
  setBackground(v: string) { return this.style("setBackground", v); }
  setWrap(v: boolean) { return this.style("setWrap", v); }
  setHorizontalAlignment(v: string) { return this.style("setHorizontalAlignment", v); }
  setBorder(...args: unknown[]) { return this.style("setBorder", args); }
  getSheet(): FakeSheet { record(this.state, "Range.getSheet"); return this.sheet; }
  getRow(): number { record(this.state, "Range.getRow"); return this.row; }
  getColumn(): number { record(this.state, "Range.getColumn"); return this.col; }
  getNumRows(): number { record(this.state, "Range.getNumRows"); return this.rows; }
  getNumColumns(): number { record(this.state, "Range.getNumColumns"); return this.cols; }
  activate(): this {
    record(this.state, "Range.activate");
    this.state.activeRange = this;
    this.state.active = this.sheet;
    return this;
  }
  getA1Notation(): string {
    const letters = (c: number) => {
      let n = c;
      let s = "";
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    };
    const start = `${letters(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1 ? start : `${start}:${letters(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  metadata: { key: string; value: string }[] = [];
  styles: { a1: string; method: string; value: unknown }[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozenRows = 0;
  rules: Record<string, unknown>[] = [];
  charts: Record<string, unknown>[] = [];
  tabColor = "";
  constructor(private readonly state: SheetsState, public name: string) {}
  getName(): string { record(this.state, "Sheet.getName"); return this.name; }
  setName(name: string): this {
    record(this.state, "Sheet.setName");
    if (this.state.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())) throw new Error(`A sheet with the name "${name}" already exists.`);
    this.name = name;
    return this;
  }
  getRange(row: number, col: number, rows = 1, cols = 1): FakeRange {
    record(this.state, "Sheet.getRange");
    return new FakeRange(this.state, this, row, col, rows, cols);
  }
  getDataRange(): FakeRange {
    record(this.state, "Sheet.getDataRange");
    const keys = [...this.cells.entries()].filter(([, c]) => c.value !== "").map(([k]) => k.split(",").map(Number));
    const rows = keys.length ? Math.max(...keys.map((k) => k[0])) + 1 : 1;
    const cols = keys.length ? Math.max(...keys.map((k) => k[1])) + 1 : 1;
    return new FakeRange(this.state, this, 1, 1, rows, cols);
  }
  getDeveloperMetadata() {
    record(this.state, "Sheet.getDeveloperMetadata");
    return this.metadata.map((m) => ({ getKey: () => m.key, getValue: () => m.value }));
  }
  addDeveloperMetadata(key: string, value: string): this { record(this.state, "Sheet.addDeveloperMetadata"); this.metadata.push({ key, value }); return this; }
  setColumnWidth(col: number, px: number): this { record(this.state, "Sheet.setColumnWidth"); this.columnWidths.set(col, px); return this; }
  setRowHeight(row: number, px: number): this { record(this.state, "Sheet.setRowHeight"); this.rowHeights.set(row, px); return this; }
  setFrozenRows(n: number): void { record(this.state, "Sheet.setFrozenRows"); this.frozenRows = n; }
  setConditionalFormatRules(rules: Record<string, unknown>[]): void { record(this.state, "Sheet.setConditionalFormatRules"); this.rules = rules; }
  setTabColor(color: string): this { record(this.state, "Sheet.setTabColor"); this.tabColor = color; return this; }
  activate(): this { record(this.state, "Sheet.activate"); this.state.active = this; return this; }
  newChart() {
    record(this.state, "Sheet.newChart");
    const chart: Record<string, unknown> = { ranges: [] as string[], options: {} as Record<string, unknown> };
    const builder = {
      setChartType: (t: string) => ((chart.type = t), builder),
      addRange: (r: FakeRange) => ((chart.ranges as string[]).push(r.getA1Notation()), builder),
      setPosition: (row: number, col: number) => ((chart.position = [row, col]), builder),
      setOption: (k: string, v: unknown) => (((chart.options as Record<string, unknown>)[k] = v), builder),
      build: () => chart,
    };
    return builder;
  }
  insertChart(chart: Record<string, unknown>): void { record(this.state, "Sheet.insertChart"); this.charts.push(chart); }
}

function ruleBuilder(state: SheetsState) {
  record(state, "SpreadsheetApp.newConditionalFormatRule");
  const rule: Record<string, unknown> = {};
  const b = {
    setRanges: (ranges: FakeRange[]) => ((rule.ranges = ranges.map((r) => r.getA1Notation())), b),
    whenTextEqualTo: (t: string) => ((rule.textEqualTo = t), b),
    whenNumberGreaterThan: (n: number) => ((rule.greaterThan = n), b),
    whenNumberLessThan: (n: number) => ((rule.lessThan = n), b),
    setBackground: (c: string) => ((rule.background = c), b),
    setFontColor: (c: string) => ((rule.fontColor = c), b),
    setGradientMinpointWithValue: (c: string, _t: string, v: string) => ((rule.min = [c, v]), b),
    setGradientMidpointWithValue: (c: string, _t: string, v: string) => ((rule.mid = [c, v]), b),
    setGradientMaxpointWithValue: (c: string, _t: string, v: string) => ((rule.max = [c, v]), b),
    build: () => rule,
  };
  return b;
}

export class FakeSpreadsheet {
  constructor(private readonly state: SheetsState) {}
  getSheets(): FakeSheet[] { record(this.state, "Spreadsheet.getSheets"); return [...this.state.sheets]; }
  getSheetByName(name: string): FakeSheet | null { record(this.state, "Spreadsheet.getSheetByName"); return this.state.sheets.find((s) => s.name === name) ?? null; }
  getNumSheets(): number { record(this.state, "Spreadsheet.getNumSheets"); return this.state.sheets.length; }
  insertSheet(name: string, index = this.state.sheets.length): FakeSheet {
    record(this.state, "Spreadsheet.insertSheet");
    if (this.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = new FakeSheet(this.state, name);
    this.state.sheets.splice(index, 0, sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void { record(this.state, "Spreadsheet.deleteSheet"); this.state.sheets = this.state.sheets.filter((s) => s !== sheet); }
  setActiveSheet(sheet: FakeSheet): FakeSheet { record(this.state, "Spreadsheet.setActiveSheet"); this.state.active = sheet; return sheet; }
  getRangeByName(name: string): FakeRange | null { record(this.state, "Spreadsheet.getRangeByName"); return this.state.namedRanges.get(name) ?? null; }
  getActiveRange(): FakeRange | null { record(this.state, "Spreadsheet.getActiveRange"); return this.state.activeRange; }
}

export function newSheetsState(sheetNames: string[] = ["Sheet1"]): SheetsState {
  const state: SheetsState = {
    sheets: [], namedRanges: new Map(), active: null, activeRange: null, properties: new Map(), menus: [], sidebars: [], calls: [],
    discardValues: false, failAtCall: null, files: new Map(),
  };
  state.sheets = sheetNames.map((n) => new FakeSheet(state, n));
  state.active = state.sheets[0] ?? null;
  return state;
}

/** Puts rows into a sheet as a user typed them (numbers stay numbers, text stays text). */
export function putRows(state: SheetsState, name: string, rows: unknown[][], row = 0, col = 0): FakeSheet {
  let sheet = state.sheets.find((s) => s.name === name);
  if (!sheet) state.sheets.push((sheet = new FakeSheet(state, name)));
  rows.forEach((values, r) => values.forEach((v, c) => {
    if (v !== null && v !== undefined && v !== "") sheet!.cells.set(`${row + r},${col + c}`, { value: v as Value, format: "" });
  }));
  return sheet;
}

/** The globals Apps Script gives a script, over one state. */
export function appsScriptGlobals(state: SheetsState): Record<string, unknown> {
  const ss = new FakeSpreadsheet(state);
  const ui = {
    createAddonMenu: () => {
      record(state, "Ui.createAddonMenu");
      const menu = { title: "Journey Scorecard", items: [] as [string, string][] };
      const m = {
        addItem: (caption: string, fn: string) => (record(state, "Menu.addItem"), menu.items.push([caption, fn]), m),
        addToUi: () => (record(state, "Menu.addToUi"), state.menus.push(menu)),
      };
      return m;
    },
    showSidebar: (output: { title: string; html: string }) => (record(state, "Ui.showSidebar"), state.sidebars.push(output)),
  };
  const output = (html: string) => {
    const o = { html, title: "", setTitle: (t: string) => ((o.title = t), o), getContent: () => o.html };
    return o;
  };
  return {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => (record(state, "SpreadsheetApp.getActiveSpreadsheet"), ss),
      getUi: () => (record(state, "SpreadsheetApp.getUi"), ui),
      flush: () => record(state, "SpreadsheetApp.flush"),
      newConditionalFormatRule: () => ruleBuilder(state),
      BorderStyle: { SOLID: "SOLID" },
      InterpolationType: { NUMBER: "NUMBER" },
    },
    Charts: { ChartType: { BAR: "BAR", COLUMN: "COLUMN" } },
    PropertiesService: {
      getDocumentProperties: () => {
        record(state, "PropertiesService.getDocumentProperties");
        return {
          getProperty: (k: string) => (record(state, "Properties.getProperty"), state.properties.get(k) ?? null),
          setProperty: (k: string, v: string) => {
            record(state, "Properties.setProperty");
            if (v.length > 9 * 1024) throw new Error("Argument too large: value");
            state.properties.set(k, v);
          },
        };
      },
    },
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => (record(state, "HtmlService.createHtmlOutputFromFile"), output(state.files.get(name) ?? "")),
      createTemplateFromFile: (name: string) => {
        record(state, "HtmlService.createTemplateFromFile");
        const template: Record<string, unknown> = {
          evaluate: () => output((state.files.get(name) ?? "").replace(/<\?!= (\w+) \?>/g, (_, k: string) => String(template[k]))),
        };
        return template;
      },
    },
  };
}

/** Installs the fakes as globals for code imported directly in tests; returns the state. */
export function installAppsScript(state: SheetsState): SheetsState {
  Object.assign(globalThis, appsScriptGlobals(state));
  return state;
}

/** Every value of a sheet as rows (blank cells null). */
export function sheetValues(sheet: FakeSheet): (Value | null)[][] {
  return cellRows<Value>(sheet.cells);
}
