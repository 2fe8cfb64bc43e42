/**
 * Reads the Journey and Budget tables from an .xlsx, found as the rules say (an Excel table or
 * named range of that name, else a sheet of that name), streaming only the sheets that hold
 * them: memory grows with the tables, not with the workbook's model.
 */
import type ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import type { CellValue, FoundTable, SheetCell } from "../core";
import { parseA1, splitAddress } from "../core";

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

/** Where a table is: its sheet's file number, the rectangle (null = the whole sheet), how it was found. */
interface Location {
  sheetName: string;
  sheetId: number;
  rect: { row: number; col: number; rows: number; cols: number } | null;
  locate: boolean;
  foundAs: string;
}

/** The workbook's sheets, defined names and Excel tables, from its small XML parts. */
async function indexOf(path: string) {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const targetOf = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id")!, attr(m[0], "Target")!]));
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = targetOf.get(attr(m[0], "r:id") ?? "") ?? "";
    return { name: attr(m[0], "name")!, id: Number(/sheet(\d+)\.xml$/.exec(target)?.[1] ?? 0), file: target.replace(/^\/?(xl\/)?/, "xl/") };
  });
  const names = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({ name: attr(m[0], "name")!, ref: xmlText(m[2]) }));
  const tables: { name: string; displayName: string; ref: string; sheet: (typeof sheets)[number] }[] = [];
  for (const sheet of sheets) {
    const sheetRels = await text(sheet.file.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels"));
    for (const m of sheetRels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/\/table"?$/.test(attr(m[0], "Type") ?? "")) continue;
      const xml = await text(`xl/tables/${(attr(m[0], "Target") ?? "").split("/").pop()}`);
      const tag = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
      tables.push({ name: attr(tag, "name") ?? "", displayName: attr(tag, "displayName") ?? "", ref: attr(tag, "ref") ?? "", sheet });
    }
  }
  return { sheets, names, tables, zip };
}

/** JSZip's view of one zip entry's compression (not in its typings). */
type StoredEntry = { _data?: { compression?: { magic?: string } } };

/**
 * What ExcelJS's streaming reader should read. It loses the start of some uncompressed (stored)
 * entries, which some libraries write (seen as "reading 'sheets'" about one read in four): a
 * workbook with stored entries is handed over deflated again, in memory. Workbooks saved by
 * Excel, Sheets or LibreOffice are deflated and are streamed from the file as they are.
 */
async function streamable(path: string, zip: Index["zip"]): Promise<string | Readable> {
  const stored = Object.values(zip.files).some((f) => !f.dir && (f as unknown as StoredEntry)._data?.compression?.magic === "\x00\x00");
  if (!stored) return path;
  return Readable.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

type Index = Awaited<ReturnType<typeof indexOf>>;

function rectOf(ref: string): Location["rect"] {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const s = parseA1(a);
  const e = parseA1(b);
  return s && e ? { row: s.row, col: s.col, rows: e.row - s.row + 1, cols: e.col - s.col + 1 } : null;
}

/** The table of that name: Excel table, then named range, then sheet (names ignore case); null when none. */
function locate(index: Index, name: string): Location | null {
  const lower = name.toLowerCase();
  const table = index.tables.find((t) => t.name.toLowerCase() === lower || t.displayName.toLowerCase() === lower);
  if (table) return { sheetName: table.sheet.name, sheetId: table.sheet.id, rect: rectOf(table.ref), locate: false, foundAs: `Excel table "${table.name}"` };
  const named = index.names.find((n) => n.name.toLowerCase() === lower);
  const at = named && splitAddress(named.ref.replace(/\$/g, ""));
  const namedSheet = at && index.sheets.find((s) => s.name === at.sheet);
  if (named && at && namedSheet) return { sheetName: namedSheet.name, sheetId: namedSheet.id, rect: { row: at.row, col: at.col, rows: at.rows, cols: at.cols }, locate: false, foundAs: `named range "${named.name}"` };
  const sheet = index.sheets.find((s) => s.name.toLowerCase() === lower);
  if (sheet) return { sheetName: sheet.name, sheetId: sheet.id, rect: null, locate: true, foundAs: `sheet "${sheet.name}"` };
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
  const ids = new Set([wanted.journey?.sheetId, wanted.budget?.sheetId, wanted.actuals?.sheetId].filter((id): id is number => !!id));
  const { grids, formats } = await streamSheets(await streamable(path, index.zip), ids);
  const tableOf = (where: Location | null): FoundTable | null => {
    if (!where) return null;
    const grid = grids.get(where.sheetId) ?? [];
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
    numberFormatAt: (cell) => {
      const sheet = cell && index.sheets.find((s) => s.name === cell.sheet);
      return sheet ? formats.get(`${sheet.id}:${cell.row},${cell.col}`) : undefined;
    },
  };
}

/** The cells (and first rows' number formats) of the sheets `ids`, streamed row by row. */
async function streamSheets(input: string | Readable, ids: ReadonlySet<number>): Promise<{ grids: Map<number, CellValue[][]>; formats: Map<string, string> }> {
  const grids = new Map<number, CellValue[][]>();
  const formats = new Map<string, string>();
  if (ids.size) {
    const { default: Excel } = await import("exceljs");
    const reader = new Excel.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { id: number };
      if (!ids.has(ws.id)) continue;
      const grid: CellValue[][] = [];
      for await (const row of ws) {
        const values: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          values[col - 1] = plainValue(cell.value);
          // Number formats of the first rows, where the money cell is (a table's first figure).
          if (row.number <= 64 && cell.numFmt) formats.set(`${ws.id}:${row.number - 1},${col - 1}`, cell.numFmt);
        });
        grid[row.number - 1] = Array.from(values, (v) => v ?? null);
      }
      grids.set(ws.id, Array.from(grid, (r) => r ?? []));
    }
  }
  return { grids, formats };
}

