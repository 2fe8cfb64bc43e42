import { describe, expect, it } from "vitest";
import { cellAddress, cellText, columnLetter, describeValue, isSpreadsheetError, looksLikeFormula, rangeAddress } from "./cells";
import { orderPeriods, parsePeriod } from "./periods";

describe("cell addresses", () => {
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
    expect(["=1+1", "+1", "-x", "@cmd", "'quoted"].every(looksLikeFormula)).toBe(true);
    expect(looksLikeFormula("Reach")).toBe(false);
  });
});

describe("periods", () => {
  it("reads dates, serials, months, quarters and text", () => {
    expect(parsePeriod(new Date(Date.UTC(2026, 2, 1)))?.label).toBe("2026-03");
    expect(parsePeriod(new Date(Date.UTC(2026, 2, 15)))?.label).toBe("2026-03-15");
    // Excel serial 46023 = 2026-01-01
    expect(parsePeriod(46023)?.label).toBe("2026-01");
    expect(parsePeriod(3)).toEqual({ label: "3", start: null });
    expect(parsePeriod("2026/3")?.label).toBe("2026-03");
    expect(parsePeriod("2026 Q2")?.label).toBe("2026-Q2");
    expect(parsePeriod("2026-02-30")).toEqual({ label: "2026-02-30", start: null });
    expect(parsePeriod("  ")).toBeNull();
  });
  it("orders by date only when every period parses", () => {
    expect(orderPeriods(["2026-03", "2026-01", "2025-Q4"].map((p) => parsePeriod(p)!))).toEqual(["2025-Q4", "2026-01", "2026-03"]);
    expect(orderPeriods(["2026-03", "Spring", "2026-01"].map((p) => parsePeriod(p)!))).toEqual(["2026-03", "Spring", "2026-01"]);
  });
});
