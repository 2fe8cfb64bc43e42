/**
 * Reads the Journey and Budget tables from an .xlsx, found as the rules say (an Excel table or
 * named range of that name, else a sheet of that name), streaming only the sheets that hold
 * them: memory grows with the tables, not with the workbook's model.
 */
import type ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import type { CellValue, FoundTable, SheetCell } from "../core";
import { parseRange, splitAddress } from "../core";

/** An ExcelJS cell value as the core sees it: formulas by their result, errors as `#N/A`. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return String(value.error);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result && typeof result === "object" && "error" in result) return String(result.error);
      return result === undefined ? null : (result as CellValue);
    }
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return String(value);
}

const xmlText = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlText(m[1]) : undefined;
};

/** Where a table is: its sheet, the rectangle (null = the whole sheet), how it was found. */
interface Location {
  sheetName: string;
  rect: { row: number; col: number; rows: number; cols: number } | null;
  locate: boolean;
  foundAs: string;
}

/** A part's path in the zip from a relationship's target (relative to `xl/`, or absolute as openpyxl writes them). */
const partOf = (target: string) => target.replace(/^\/?(xl\/)?/, "xl/");

/** The workbook's sheets, defined names and Excel tables, from its small XML parts. */
async function indexOf(path: string) {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const rels = [...(await text("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "", type: attr(m[0], "Type") ?? "", part: partOf(attr(m[0], "Target") ?? ""),
  }));
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const rId = attr(m[0], "r:id") ?? "";
    return { name: attr(m[0], "name")!, rId, file: rels.find((r) => r.id === rId)?.part ?? "" };
  });
  const names = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({ name: attr(m[0], "name")!, ref: xmlText(m[2]) }));
  const tables: { name: string; displayName: string; ref: string; sheet: (typeof sheets)[number] }[] = [];
  for (const sheet of sheets) {
    const sheetRels = await text(sheet.file.replace(/([^/]+)$/, "_rels/$1.rels"));
    for (const m of sheetRels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/\/table"?$/.test(attr(m[0], "Type") ?? "")) continue;
      const xml = await text(`xl/tables/${(attr(m[0], "Target") ?? "").split("/").pop()}`);
      const tag = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
      tables.push({ name: attr(tag, "name") ?? "", displayName: attr(tag, "displayName") ?? "", ref: attr(tag, "ref") ?? "", sheet });
    }
  }
  /** The part of the workbook's relationship of this type (`sharedStrings`, `styles`), if it has one. */
  const partOfType = (type: string) => rels.find((r) => r.type.endsWith(`/${type}`))?.part;
  return { sheets, names, tables, zip, partOfType };
}

const OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * What ExcelJS's stream reader reads: a zip in the one shape it reads reliably, holding only
 * what it needs. The workbook part comes first, then the relationships, shared strings and
 * styles, then the sheets that hold our tables, named `sheet1.xml`, `sheet2.xml`… with
 * relative targets (it finds a sheet's name only through such a target: absolute ones, as
 * openpyxl and so pandas write them, left every sheet unnamed and the tables empty). In the
 * order Excel itself writes (shared strings after the sheets) the reader parks the sheets in
 * temp files and, about one read in twenty-five, lost the shared strings (cells read as
 * "[object Object]") or the workbook part ("reading 'sheets'"), or crashed the process on a
 * removed temp file. Entries keep their compressed bytes (JSZip copies them), except stored
 * (uncompressed) ones, which are deflated: the reader also lost the start of those.
 */
async function readerInput(index: Index, sheets: readonly Index["sheets"][number][]): Promise<Readable> {
  const { default: JSZip } = await import("jszip");
  const reader = new JSZip();
  const copy = (from: string | undefined, to: string) => {
    const entry = from ? index.zip.files[from] : undefined;
    if (entry) reader.files[to] = entry;
    return !!entry;
  };
  copy("xl/workbook.xml", "xl/workbook.xml");
  const relationships = sheets.map((s, i) => `<Relationship Id="${escapeXml(s.rId)}" Type="${OFFICE_RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  reader.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join("")}</Relationships>`);
  // Without shared strings the reader would park the sheets again: an empty table stands in.
  if (!copy(index.partOfType("sharedStrings"), "xl/sharedStrings.xml")) {
    reader.file("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');
  }
  copy(index.partOfType("styles"), "xl/styles.xml");
  sheets.forEach((s, i) => copy(s.file, `xl/worksheets/sheet${i + 1}.xml`));
  return Readable.from(await reader.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

type Index = Awaited<ReturnType<typeof indexOf>>;

/** The table of that name: Excel table, then named range, then sheet (names ignore case); null when none. */
function locate(index: Index, name: string): Location | null {
  const lower = name.toLowerCase();
  const table = index.tables.find((t) => t.name.toLowerCase() === lower || t.displayName.toLowerCase() === lower);
  if (table) return { sheetName: table.sheet.name, rect: parseRange(table.ref), locate: false, foundAs: `Excel table "${table.name}"` };
  const named = index.names.find((n) => n.name.toLowerCase() === lower);
  const at = named && splitAddress(named.ref.replace(/\$/g, ""));
  const namedSheet = at && index.sheets.find((s) => s.name === at.sheet);
  if (named && at && namedSheet) return { sheetName: namedSheet.name, rect: { row: at.row, col: at.col, rows: at.rows, cols: at.cols }, locate: false, foundAs: `named range "${named.name}"` };
  const sheet = index.sheets.find((s) => s.name.toLowerCase() === lower);
  if (sheet) return { sheetName: sheet.name, rect: null, locate: true, foundAs: `sheet "${sheet.name}"` };
  return null;
}

export interface ReadWorkbook {
  journey: FoundTable | null;
  budget: FoundTable | null;
  actuals: FoundTable | null;
  /** The number format of a cell the core asks for (the money cell), once the tables are read. */
  numberFormatAt(cell: SheetCell | null): string | undefined;
}

/** Reads the two tables, streaming only their sheets (number formats of their first rows kept for the money cell). */
export async function readWorkbook(path: string, names: { journey: string; budget: string; actuals: string }): Promise<ReadWorkbook> {
  const index = await indexOf(path);
  const wanted = { journey: locate(index, names.journey), budget: locate(index, names.budget), actuals: locate(index, names.actuals) };
  const sheetNames = new Set([wanted.journey, wanted.budget, wanted.actuals].map((w) => w?.sheetName));
  const sheets = index.sheets.filter((s) => sheetNames.has(s.name));
  const { grids, formats } = sheets.length ? await streamSheets(await readerInput(index, sheets)) : { grids: new Map(), formats: new Map() };
  const tableOf = (where: Location | null): FoundTable | null => {
    if (!where) return null;
    const grid = grids.get(where.sheetName) ?? [];
    if (!where.rect) return { block: { sheet: where.sheetName, origin: { row: 0, col: 0 }, values: grid }, locate: true, foundAs: where.foundAs };
    const { row, col, rows, cols } = where.rect;
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => grid[row + r]?.[col + c] ?? null));
    return { block: { sheet: where.sheetName, origin: { row, col }, values }, locate: where.locate, foundAs: where.foundAs };
  };
  const journey = tableOf(wanted.journey);
  const budget = tableOf(wanted.budget);
  const actuals = tableOf(wanted.actuals);
  return {
    journey,
    budget,
    actuals,
    numberFormatAt: (cell) => (cell ? formats.get(`${cell.sheet}:${cell.row},${cell.col}`) : undefined),
  };
}

/**
 * The cells (and first rows' number formats) of the reader's sheets, streamed row by row, by
 * sheet name (not by ExcelJS's id, the workbook's sheetId, which is not the sheet's part number
 * once a sheet has been moved or deleted).
 */
async function streamSheets(input: Readable): Promise<{ grids: Map<string, CellValue[][]>; formats: Map<string, string> }> {
  const grids = new Map<string, CellValue[][]>();
  const formats = new Map<string, string>();
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    const grid: CellValue[][] = [];
    for await (const row of ws) {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        values[col - 1] = plainValue(cell.value);
        // Number formats of the first rows, where the money cell is (a table's first figure).
        if (row.number <= 64 && cell.numFmt) formats.set(`${ws.name}:${row.number - 1},${col - 1}`, cell.numFmt);
      });
      grid[row.number - 1] = Array.from(values, (v) => v ?? null);
    }
    grids.set(ws.name, Array.from(grid, (r) => r ?? []));
  }
  return { grids, formats };
}
