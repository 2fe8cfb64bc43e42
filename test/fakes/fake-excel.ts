/**
 * A recording fake of the Excel JavaScript API, for the parts the add-in uses. It behaves as
 * Excel does where it matters to us: calls queue and `sync()` runs them; reading a property
 * that was not loaded and synced throws; errors (a missing sheet, a taken name) surface at
 * `sync()`; a string written into a cell converts as typing it would, unless the cell is
 * formatted as text (`@`). It records every sync with the bytes it carried.
 */

export type Cell = { value: string | number | boolean; format: string; formula?: string };

export interface FakeSheet {
  name: string;
  cells: Map<string, Cell>;
  customProperties: Map<string, string>;
  tabColor: string;
  frozenRows: number;
  styles: { address: string; property: string; value: unknown }[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  conditionalFormats: { address: string; type: string; [key: string]: unknown }[];
  charts: { type: string; source: string; props: Record<string, unknown>; series: Record<string, unknown>[] }[];
  pageLayout: Record<string, unknown>;
}

export interface FakeModel {
  sheets: FakeSheet[];
  tables: { name: string; sheet: string; address: string }[];
  names: { name: string; sheet: string; address: string }[];
  settings: Map<string, unknown>;
  selection: { sheet: string; address: string };
  active: string;
  /** Count and measure value writes without keeping them (large benchmarks of syncs). */
  discardValues?: boolean;
}

export interface SyncRecord {
  ops: number;
  payload: number;
}

const key = (r: number, c: number) => `${r},${c}`;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function newSheet(name: string): FakeSheet {
  return {
    name, cells: new Map(), customProperties: new Map(), tabColor: "", frozenRows: 0, styles: [], columnWidths: new Map(), rowHeights: new Map(),
    conditionalFormats: [], charts: [], pageLayout: {},
  };
}

export function newModel(sheets: string[] = ["Sheet1"]): FakeModel {
  return { sheets: sheets.map(newSheet), tables: [], names: [], settings: new Map(), selection: { sheet: sheets[0], address: "A1" }, active: sheets[0] };
}

/** Puts rows of values into a sheet of the model, as a user typed them (no conversion). */
export function putRows(model: FakeModel, sheet: string, rows: unknown[][], row = 0, col = 0): void {
  let s = model.sheets.find((x) => same(x.name, sheet));
  if (!s) model.sheets.push((s = newSheet(sheet)));
  rows.forEach((values, r) =>
    values.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") s!.cells.set(key(row + r, col + c), { value: v as Cell["value"], format: "General" });
    }),
  );
}

// --- A1 helpers of the fake's own (it must not lean on the code under test) ---
function letters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
function a1(r: number, c: number, rows: number, cols: number): string {
  const start = `${letters(c)}${r + 1}`;
  return rows === 1 && cols === 1 ? start : `${start}:${letters(c + cols - 1)}${r + rows}`;
}
function parseCell(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref)!;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}
export function parseRange(address: string): { r: number; c: number; rows: number; cols: number } {
  const [a, b = a] = address.replace(/^.*!/, "").split(":");
  const s = parseCell(a);
  const e = parseCell(b);
  return { r: s.r, c: s.c, rows: e.r - s.r + 1, cols: e.c - s.c + 1 };
}
const quote = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EPOCH) / 86_400_000;

/** What Excel makes of a value written into a cell of this format, as typing it would. */
export function typed(value: unknown, format: string): Cell {
  if (typeof value !== "string" || format === "@") return { value: value as Cell["value"], format };
  const s = value;
  if (s.startsWith("'")) return { value: s.slice(1), format };
  if (/^[=@]/.test(s) || /^[+-][^\d.]/.test(s)) return { value: "#NAME?", format, formula: s };
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s.trim())) return { value: Number(s), format };
  if (/^[+-]?(\d+\.?\d*)%$/.test(s.trim())) return { value: Number(s.trim().slice(0, -1)) / 100, format: "0%" };
  if (/^(true|false)$/i.test(s.trim())) return { value: /^true$/i.test(s.trim()), format };
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s.trim());
  if (m && +m[2] >= 1 && +m[2] <= 12) return { value: serial(+m[1], +m[2], m[3] ? +m[3] : 1), format: "mmm-yy" };
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s.trim());
  if (m && +m[1] <= 12) return { value: serial(2026, +m[1], +m[2]), format: "d-mmm" };
  return { value: s, format };
}

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was not loaded (call load() and sync() first)`);
  }
}

/** The request context: a queue of operations that `sync()` runs, and a record of syncs. */
export class FakeContext {
  private queue: { payload: number; run: () => void }[] = [];
  readonly syncs: SyncRecord[] = [];
  /** The 1-based number of a sync that fails (before running anything), to test failures. */
  failAtSync: number | null = null;
  readonly workbook: FakeWorkbook;

  constructor(readonly model: FakeModel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(run: () => void, payload: unknown = null): void {
    this.queue.push({ payload: payload === null ? 0 : JSON.stringify(payload).length, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.syncs.push({ ops: ops.length, payload: ops.reduce((n, o) => n + o.payload, 0) });
    if (this.failAtSync === this.syncs.length) throw new Error("GeneralException: the request failed (injected)");
    for (const op of ops) op.run();
  }

  sheet(name: string): FakeSheet {
    const s = this.model.sheets.find((x) => same(x.name, name));
    if (!s) throw new Error(`ItemNotFound: no sheet "${name}"`);
    return s;
  }
}

/** Something loaded at sync: `load()` queues a read, the getter throws until it has run. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected got<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.loaded.get(prop) as T;
  }
  protected loadWith(props: string, read: (prop: string) => unknown): this {
    const list = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      for (const p of list) this.loaded.set(p, read(p));
    });
    return this;
  }
}

export class FakeRange extends Loadable {
  constructor(ctx: FakeContext, private readonly sheetOf: () => FakeSheet | null, private readonly r: number, private readonly c: number, private readonly rows: number, private readonly cols: number) {
    super(ctx);
  }
  private get sheetModel(): FakeSheet {
    const s = this.sheetOf();
    if (!s) throw new Error("ItemNotFound: the range's sheet does not exist");
    return s;
  }
  get format() {
    return new FakeFormat(this.ctx, () => this.sheetModel, this.ref());
  }
  get conditionalFormats() {
    return { add: (type: string) => new FakeConditionalFormat(this.ctx, () => this.sheetModel, this.ref(), type) };
  }
  ref(): string {
    return a1(this.r, this.c, this.rows, this.cols);
  }
  set values(values: unknown[][]) {
    this.ctx.enqueue(() => {
      if (values.length !== this.rows || values.some((row) => row.length !== this.cols)) throw new Error(`InvalidArgument: ${values.length} rows of values for ${this.ref()}`);
      const s = this.sheetModel;
      if (this.ctx.model.discardValues) return;
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(this.r + i, this.c + j);
          const format = s.cells.get(k)?.format ?? "General";
          if (v === "" || v === null) s.cells.delete(k);
          else s.cells.set(k, typed(v, format));
          if (v === "" && format !== "General") s.cells.set(k, { value: "", format });
        }),
      );
    }, values);
  }
  get values(): unknown[][] {
    return this.got("values");
  }
  set numberFormat(formats: unknown[][]) {
    this.ctx.enqueue(() => {
      const one = formats.length === 1 && formats[0].length === 1;
      if (!one && (formats.length !== this.rows || formats.some((row) => row.length !== this.cols))) throw new Error(`InvalidArgument: number formats for ${this.ref()}`);
      const s = this.sheetModel;
      if (this.ctx.model.discardValues) return;
      for (let i = 0; i < this.rows; i++) {
        for (let j = 0; j < this.cols; j++) {
          const k = key(this.r + i, this.c + j);
          const format = String(one ? formats[0][0] : formats[i][j]);
          s.cells.set(k, { ...(s.cells.get(k) ?? { value: "" }), format });
        }
      }
    }, formats);
  }
  get numberFormat(): unknown[][] {
    return this.got("numberFormat");
  }
  get address(): string {
    return this.got("address");
  }
  get isNullObject(): boolean {
    return false;
  }
  load(props: string): this {
    return this.loadWith(props, (p) => {
      const s = this.sheetModel;
      const grid = (f: (cell: Cell | undefined) => unknown) =>
        Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(s.cells.get(key(this.r + i, this.c + j)))));
      if (p === "values") return grid((cell) => cell?.value ?? "");
      if (p === "numberFormat") return grid((cell) => cell?.format ?? "General");
      if (p === "address") return `${quote(s.name)}!${this.ref()}`;
      if (p === "isNullObject") return false;
      throw new Error(`the fake cannot load ${p}`);
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      this.ctx.model.selection = { sheet: this.sheetModel.name, address: this.ref() };
      this.ctx.model.active = this.sheetModel.name;
    });
  }
}

/** The used range of a sheet, or a null object when it has no values. */
class FakeUsedRange extends FakeRange {
  private empty = false;
  constructor(ctx: FakeContext, sheetOf: () => FakeSheet | null) {
    // The rectangle is found when loaded: everything up to the last cell with a value.
    super(ctx, sheetOf, 0, 0, 1, 1);
    const self = this as unknown as { r: number; c: number; rows: number; cols: number };
    ctx.enqueue(() => {
      const cells = [...(sheetOf()?.cells.entries() ?? [])].filter(([, v]) => v.value !== "").map(([k]) => k.split(",").map(Number));
      this.empty = cells.length === 0;
      if (this.empty) return;
      const r0 = Math.min(...cells.map((x) => x[0]));
      const c0 = Math.min(...cells.map((x) => x[1]));
      Object.assign(self, { r: r0, c: c0, rows: Math.max(...cells.map((x) => x[0])) - r0 + 1, cols: Math.max(...cells.map((x) => x[1])) - c0 + 1 });
    });
  }
  override get isNullObject(): boolean {
    return this.empty;
  }
  override load(props: string): this {
    const list = props.split(",").map((p) => p.trim()).filter((p) => p !== "isNullObject");
    if (list.length) super.load(list.join(","));
    return this;
  }
}

class FakeFormat {
  constructor(private readonly ctx: FakeContext, private readonly sheetOf: () => FakeSheet, private readonly address: string) {}
  private set(property: string, value: unknown): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      if (property === "columnWidth") s.columnWidths.set(parseRange(this.address).c, value as number);
      else if (property === "rowHeight") s.rowHeights.set(parseRange(this.address).r, value as number);
      else s.styles.push({ address: this.address, property, value });
    }, value);
  }
  get font() {
    const set = (p: string) => (v: unknown) => this.set(`font.${p}`, v);
    return { set bold(v: boolean) { set("bold")(v); }, set italic(v: boolean) { set("italic")(v); }, set size(v: number) { set("size")(v); }, set color(v: string) { set("color")(v); } };
  }
  get fill() {
    const set = (v: unknown) => this.set("fill.color", v);
    return { set color(v: string) { set(v); } };
  }
  set wrapText(v: boolean) {
    this.set("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v);
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v);
  }
  get borders() {
    return {
      getItem: (edge: string) => {
        const set = (p: string) => (v: unknown) => this.set(`border.${edge}.${p}`, v);
        return { set style(v: string) { set("style")(v); }, set color(v: string) { set("color")(v); } };
      },
    };
  }
}

class FakeConditionalFormat {
  constructor(ctx: FakeContext, sheetOf: () => FakeSheet, address: string, type: string) {
    const record: FakeSheet["conditionalFormats"][number] = { address, type };
    ctx.enqueue(() => sheetOf().conditionalFormats.push(record), type);
    const setter = (path: string) => (v: unknown) => ctx.enqueue(() => (record[path] = v), v);
    const fmt = (prefix: string) => ({
      fill: { set color(v: string) { setter(`${prefix}.fill`)(v); } },
      font: { set color(v: string) { setter(`${prefix}.font`)(v); } },
    });
    this.cellValue = { format: fmt("format"), set rule(v: unknown) { setter("rule")(v); } };
    this.colorScale = { set criteria(v: unknown) { setter("criteria")(v); } };
    this.dataBar = {
      set lowerBoundRule(v: unknown) { setter("lowerBoundRule")(v); },
      set upperBoundRule(v: unknown) { setter("upperBoundRule")(v); },
      positiveFormat: { set fillColor(v: string) { setter("fillColor")(v); }, set gradientFill(v: boolean) { setter("gradientFill")(v); } },
    };
  }
  readonly cellValue: object;
  readonly colorScale: object;
  readonly dataBar: object;
}

class FakeChart {
  private readonly record: FakeSheet["charts"][number];
  constructor(private readonly ctx: FakeContext, sheetOf: () => FakeSheet, type: string, source: FakeRange) {
    const record = { type, source: source.ref(), props: {} as Record<string, unknown>, series: [{}] as Record<string, unknown>[] };
    this.record = record;
    ctx.enqueue(() => sheetOf().charts.push(record), type);
  }
  private set(path: string, v: unknown): void {
    this.ctx.enqueue(() => (this.record.props[path] = v), v);
  }
  get title() {
    const set = (v: string) => this.set("title", v);
    return { set text(v: string) { set(v); } };
  }
  get legend() {
    const set = (v: boolean) => this.set("legend", v);
    return { set visible(v: boolean) { set(v); } };
  }
  get axes() {
    const set = (p: string) => (v: unknown) => this.set(`valueAxis.${p}`, v);
    return { valueAxis: { set numberFormat(v: string) { set("numberFormat")(v); }, set minimum(v: number) { set("minimum")(v); }, set maximum(v: number) { set("maximum")(v); } } };
  }
  set width(v: number) {
    this.set("width", v);
  }
  set height(v: number) {
    this.set("height", v);
  }
  setPosition(cell: string): void {
    this.set("position", cell);
  }
  private seriesAt(index: number) {
    const set = (p: string) => (v: unknown) => this.ctx.enqueue(() => (this.record.series[index] = { ...this.record.series[index], [p]: v }), v);
    return {
      set name(v: string) { set("name")(v); },
      setValues: (r: FakeRange) => set("values")(r.ref()),
      setXAxisValues: (r: FakeRange) => set("categories")(r.ref()),
      format: { fill: { setSolidColor: (c: string) => set("color")(c) } },
    };
  }
  get series() {
    return {
      getItemAt: (i: number) => this.seriesAt(i),
      add: (name: string) => {
        const index = this.record.series.length;
        this.record.series.push({});
        const s = this.seriesAt(index);
        s.name = name;
        return s;
      },
    };
  }
}

export class FakeWorksheet extends Loadable {
  constructor(ctx: FakeContext, private readonly resolve: () => FakeSheet | null) {
    super(ctx);
  }
  private get model(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new Error("ItemNotFound: the sheet does not exist");
    return s;
  }
  get name(): string {
    return this.got("name");
  }
  set name(name: string) {
    this.ctx.enqueue(() => {
      if (this.ctx.model.sheets.some((s) => s !== this.model && same(s.name, name))) throw new Error(`InvalidArgument: a sheet named "${name}" exists`);
      const old = this.model.name;
      this.model.name = name;
      if (this.ctx.model.active === old) this.ctx.model.active = name;
    }, name);
  }
  get isNullObject(): boolean {
    return this.got("isNullObject");
  }
  load(props: string): this {
    return this.loadWith(`${props},isNullObject`, (p) => {
      const s = this.resolve();
      if (p === "isNullObject") return !s;
      if (!s) return undefined;
      if (p === "name") return s.name;
      throw new Error(`the fake cannot load ${p}`);
    });
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => this.resolve(), r, c, rows, cols);
  }
  getRange(address: string): FakeRange {
    const { r, c, rows, cols } = parseRange(address);
    return this.getRangeByIndexes(r, c, rows, cols);
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeUsedRange(this.ctx, () => this.resolve());
  }
  get customProperties() {
    const ctx = this.ctx;
    return {
      getItemOrNullObject: (k: string) => {
        const item = new (class extends Loadable {
          get value() { return this.got<string>("value"); }
          get isNullObject() { return this.got<boolean>("isNullObject"); }
          read(sheet: FakeSheet | null) {
            ctx.enqueue(() => {
              this.loaded.set("isNullObject", !sheet?.customProperties.has(k));
              this.loaded.set("value", sheet?.customProperties.get(k));
            });
          }
          load() { return this; }
        })(ctx);
        item.read(this.resolve());
        return item;
      },
      add: (k: string, v: string) => ctx.enqueue(() => this.model.customProperties.set(k, v), [k, v]),
    };
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.ctx.enqueue(() => (this.model.frozenRows = n), n) };
  }
  get charts() {
    return { add: (type: string, source: FakeRange) => new FakeChart(this.ctx, () => this.model, type, source) };
  }
  set tabColor(color: string) {
    this.ctx.enqueue(() => (this.model.tabColor = color), color);
  }
  get pageLayout() {
    const set = (p: string, v: unknown) => this.ctx.enqueue(() => (this.model.pageLayout[p] = v), v);
    return {
      set orientation(v: string) { set("orientation", v); },
      set zoom(v: unknown) { set("zoom", v); },
      setPrintTitleRows: (v: string) => set("printTitleRows", v),
    };
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (s) this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
    });
  }
  activate(): void {
    this.ctx.enqueue(() => (this.ctx.model.active = this.model.name));
  }
}

class FakeWorksheets {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly ctx: FakeContext) {}
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new NotLoaded("worksheets.items");
    return this.loadedItems;
  }
  load(): this {
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => (this.ctx.model.sheets.includes(s) ? s : null));
        (ws as unknown as { loaded: Map<string, unknown> }).loaded.set("name", s.name);
        return ws;
      });
    });
    return this;
  }
  add(name: string): FakeWorksheet {
    const sheet = newSheet(name);
    this.ctx.enqueue(() => {
      if (this.ctx.model.sheets.some((s) => same(s.name, name))) throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists`);
      this.ctx.model.sheets.push(sheet);
    }, name);
    return new FakeWorksheet(this.ctx, () => (this.ctx.model.sheets.includes(sheet) ? sheet : null));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.sheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheets.find((s) => same(s.name, name)) ?? null);
  }
}

/** A table or named range of the model, as Office.js hands it over. */
class FakeNamed extends Loadable {
  constructor(ctx: FakeContext, private readonly find: () => { name: string; sheet: string; address: string } | undefined) {
    super(ctx);
  }
  get isNullObject(): boolean {
    return this.got("isNullObject");
  }
  get name(): string {
    return this.got("name");
  }
  get type(): string {
    return this.got("type");
  }
  load(props: string): this {
    return this.loadWith(`${props},isNullObject`, (p) => {
      const item = this.find();
      if (p === "isNullObject") return !item;
      if (p === "name") return item?.name;
      if (p === "type") return "Range";
      throw new Error(`the fake cannot load ${p}`);
    });
  }
  getRange(): FakeRange {
    const item = this.find()!;
    const { r, c, rows, cols } = parseRange(item.address);
    return new FakeRange(this.ctx, () => this.ctx.sheet(item.sheet), r, c, rows, cols);
  }
}

class FakeSettings {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(k: string) {
    const ctx = this.ctx;
    return new (class extends Loadable {
      get value() { return this.got<unknown>("value"); }
      get isNullObject() { return this.got<boolean>("isNullObject"); }
      load() {
        ctx.enqueue(() => {
          this.loaded.set("isNullObject", !ctx.model.settings.has(k));
          this.loaded.set("value", ctx.model.settings.get(k));
        });
        return this;
      }
    })(ctx);
  }
  add(k: string, v: unknown): void {
    this.ctx.enqueue(() => this.ctx.model.settings.set(k, JSON.parse(JSON.stringify(v))), v);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly settings: FakeSettings;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.settings = new FakeSettings(ctx);
  }
  get tables() {
    return { getItemOrNullObject: (name: string) => new FakeNamed(this.ctx, () => this.ctx.model.tables.find((t) => same(t.name, name))) };
  }
  get names() {
    return { getItemOrNullObject: (name: string) => new FakeNamed(this.ctx, () => this.ctx.model.names.find((t) => same(t.name, name))) };
  }
  getSelectedRange(): FakeRange {
    const { sheet, address } = this.ctx.model.selection;
    const { r, c, rows, cols } = parseRange(address);
    return new FakeRange(this.ctx, () => this.ctx.sheet(sheet), r, c, rows, cols);
  }
}

/** `Excel.run` over the model: a new context per batch, synced at the end as Excel does. */
export function fakeExcelRun(model: FakeModel, contexts: FakeContext[] = []) {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(model);
    contexts.push(ctx);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync();
    return result;
  };
}

/** A cell's value, by A1 address. */
export function cellAt(model: FakeModel, sheet: string, address: string): Cell | undefined {
  const s = model.sheets.find((x) => same(x.name, sheet));
  const { r, c } = parseRange(address);
  return s?.cells.get(key(r, c));
}

/** Every value of a sheet as rows (blank cells null), for comparing with another writer. */
export function sheetRows(sheet: FakeSheet): (string | number | boolean | null)[][] {
  return cellRows(sheet.cells);
}

/** Cells kept by `row,col` (0-based) as rows of values, blank cells null: both fakes keep cells so. */
export function cellRows<V>(cells: Map<string, { value: V | "" }>): (V | null)[][] {
  const rows: (V | null)[][] = [];
  for (const [k, cell] of cells) {
    if (cell.value === "") continue;
    const [r, c] = k.split(",").map(Number);
    while (rows.length <= r) rows.push([]);
    rows[r][c] = cell.value as V;
  }
  return rows.map((row) => Array.from(row, (v) => v ?? null));
}
