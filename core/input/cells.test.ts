import { describe, expect, it } from "vitest";
import { cellAddress, cellText, columnLetter, describeValue, isSpreadsheetError, parseA1, parseRange, rangeA1, rangeAddress, selectionIsJourney, splitAddress } from "./cells";

describe("cell addresses", () => {
  it("A1 ranges and their parsing", () => {
    expect(rangeA1(0, 0, 1, 8)).toBe("A1:H1");
    expect(rangeA1(3, 1, 1, 1)).toBe("B4");
    expect(parseA1("$F$7")).toEqual({ row: 6, col: 5 });
    expect(parseA1("aa10")).toEqual({ row: 9, col: 26 });
    expect(parseA1("F0")).toBeNull();
    expect(parseA1("Journey")).toBeNull();
  });
  it("sheet-qualified addresses split into sheet and rectangle", () => {
    expect(splitAddress("'Budget 2026'!B4:C9")).toEqual({ sheet: "Budget 2026", row: 3, col: 1, rows: 6, cols: 2 });
    expect(splitAddress("Journey!$A$1:$Q$97")).toEqual({ sheet: "Journey", row: 0, col: 0, rows: 97, cols: 17 });
    expect(splitAddress("'Tom''s'!D2")).toEqual({ sheet: "Tom's", row: 1, col: 3, rows: 1, cols: 1 });
    expect(splitAddress("A1:B2")).toBeNull();
    expect(splitAddress("Journey!A1:B2:C3")).toBeNull();
  });
  it("ranges without a sheet (an Excel table's ref)", () => {
    expect(parseRange("B4:C9")).toEqual({ row: 3, col: 1, rows: 6, cols: 2 });
    expect(parseRange("$B$4")).toEqual({ row: 3, col: 1, rows: 1, cols: 1 });
    expect(parseRange("C9:B4")).toEqual({ row: 3, col: 1, rows: 6, cols: 2 });
    expect(parseRange("A1:B2:C3")).toBeNull();
    expect(parseRange("Journey")).toBeNull();
  });
  it("column letters", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });
  it("sheet names are quoted when they need it", () => {
    expect(cellAddress("Journey", 6, 5)).toBe("Journey!F7");
    expect(cellAddress("Budget 2026", 0, 0)).toBe("'Budget 2026'!A1");
    expect(cellAddress("Bob's KPIs", 1, 1)).toBe("'Bob''s KPIs'!B2");
    expect(rangeAddress("Journey", 0, 0, 1, 8)).toBe("Journey!A1:H1");
  });
  it("values in messages", () => {
    expect(describeValue("abc")).toBe('"abc"');
    expect(describeValue(null)).toBe("blank");
    expect(describeValue(new Date(Date.UTC(2026, 2, 1)))).toBe("the date 2026-03-01");
    expect(describeValue(new Date(Number.NaN))).toBe("an invalid date");
    expect(cellText(new Date(Number.NaN))).toBe("");
  });
  it("spreadsheet errors and formula-looking text", () => {
    expect(isSpreadsheetError("#N/A")).toBe(true);
    expect(isSpreadsheetError("#div/0!")).toBe(true);
    expect(isSpreadsheetError("#hashtag")).toBe(false);
  });

  it("a selection stands in for the Journey table unless it is one cell or on the Budget or Actuals sheet", () => {
    const found = (sheet: string, values: unknown[][]) => ({ block: { sheet, origin: { row: 0, col: 0 }, values: values as never }, locate: true });
    const kpis = found("My KPIs", [["Stage", "KPI"], ["Awareness", "Reach"]]);
    expect(selectionIsJourney({ journey: kpis, budget: found("Budget", [["Stage"]]) })).toBe(true);
    expect(selectionIsJourney({ journey: found("My KPIs", [["Stage"]]) })).toBe(false);
    expect(selectionIsJourney({ journey: found("budget", [["a", "b"], [1, 2]]), budget: found("Budget", [["Stage"]]) })).toBe(false);
    expect(selectionIsJourney({ journey: found("Ledger", [["a", "b"], [1, 2]]), actuals: found("Ledger", [["Stage"]]) })).toBe(false);
  });
});
