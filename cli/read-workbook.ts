/**
 * Reads the Journey and Budget tables from an .xlsx with ExcelJS, found as docs/formulas.md §1 says:
 * an Excel table or named range of that name, else a sheet of that name.
 */
import type ExcelJS from "exceljs";
import { parseA1, splitAddress } from "../core";
import type { CellValue, SheetBlock, SheetCell, FoundTable } from "../core";

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

/** Reads a rectangle (1-based, inclusive) of a worksheet into a block. */
export function readBlock(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): SheetBlock {
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const out: CellValue[] = new Array(right - left + 1).fill(null);
    for (let c = left; c <= right; c++) out[c - left] = plainValue(row.getCell(c).value);
    values.push(out);
  }
  return { sheet: ws.name, origin: { row: top - 1, col: left - 1 }, values };
}

function readRange(ws: ExcelJS.Worksheet, ref: string): SheetBlock {
  const [a, b = a] = ref.replace(/^.*!/, "").split(":");
  const start = parseA1(a);
  const end = parseA1(b);
  if (!start || !end) throw new Error(`not a range: ${ref}`);
  return readBlock(ws, start.row + 1, start.col + 1, end.row + 1, end.col + 1);
}

function findExcelTable(wb: ExcelJS.Workbook, name: string): FoundTable | null {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as { table?: { name?: string; displayName?: string; tableRef?: string; ref?: string } }[]) {
      const model = t.table ?? (t as { name?: string; displayName?: string; tableRef?: string; ref?: string });
      const names = [model.name, model.displayName].filter(Boolean).map((n) => n!.toLowerCase());
      if (!names.includes(name.toLowerCase())) continue;
      const ref = model.tableRef ?? model.ref;
      if (!ref) continue;
      return { block: readRange(ws, ref.includes(":") ? ref : `${ref}:${ref}`), locate: false, foundAs: `Excel table "${model.name}"` };
    }
  }
  return null;
}

function findNamedRange(wb: ExcelJS.Workbook, name: string): FoundTable | null {
  const entry = wb.definedNames.model.find((d) => d.name.toLowerCase() === name.toLowerCase());
  const target = entry?.ranges[0];
  if (!target) return null;
  const at = splitAddress(target);
  const ws = at ? wb.getWorksheet(at.sheet) : undefined;
  if (!at || !ws) return null;
  return { block: readBlock(ws, at.row + 1, at.col + 1, at.row + at.rows, at.col + at.cols), locate: false, foundAs: `named range "${entry!.name}"` };
}

function findSheet(wb: ExcelJS.Workbook, name: string): FoundTable | null {
  const ws = wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  if (!ws) return null;
  const rows = Math.max(ws.rowCount, 1);
  const cols = Math.max(ws.columnCount, 1);
  return { block: readBlock(ws, 1, 1, rows, cols), locate: true, foundAs: `sheet "${ws.name}"` };
}

/** The table of that name: Excel table, then named range, then sheet; null when none. */
export function findTable(wb: ExcelJS.Workbook, name: string): FoundTable | null {
  return findExcelTable(wb, name) ?? findNamedRange(wb, name) ?? findSheet(wb, name);
}

/** The number format of one cell (the core says which: see moneyCellOf). */
export function numberFormatAt(wb: ExcelJS.Workbook, cell: SheetCell | null): string | undefined {
  if (!cell) return undefined;
  return wb.getWorksheet(cell.sheet)?.getCell(cell.row + 1, cell.col + 1).numFmt;
}
