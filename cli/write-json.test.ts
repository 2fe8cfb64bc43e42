/** The JSON result in pieces is exactly the text of one JSON.stringify, whatever the array lengths. */
import { describe, expect, it } from "vitest";
import { jsonPieces } from "./write-json";
import { analyse, analysisToJson, DEFAULT_SETTINGS } from "../core";
import { kpi, table } from "../test/fixtures";

const joined = (value: Record<string, unknown>) => [...jsonPieces(value)].join("");
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ kpi: `KPI ${i}`, trendSymbol: i % 2 ? "▲" : "▼", score: i / 3, skipped: undefined, cells: [i, null, undefined] }));

describe("jsonPieces", () => {
  it("joins to JSON.stringify's text, for arrays shorter than, equal to, just over and many times a piece", () => {
    for (const value of [{}, { only: undefined }, { a: rows(3) }, { a: rows(1000) }, { a: rows(1001), b: "x" }, { first: undefined, a: rows(2500), b: { c: [1, 2] }, d: null, e: [] }]) {
      expect(joined(value)).toBe(JSON.stringify(value));
    }
  });

  it("cuts a long array into pieces of 1,000 rows", () => {
    const pieces = [...jsonPieces({ a: rows(2500) })];
    expect(pieces).toHaveLength(6); // `{"a":[`, three pieces of rows, `]`, `}`
    expect(JSON.parse(`[${pieces[3].slice(1)}]`)).toHaveLength(500);
  });

  it("writes the analysis JSON of a build exactly", () => {
    const kpis = Array.from({ length: 1200 }, (_, i) => kpi({ KPI: `KPI ${i}`, Actual: 80 + (i % 30) }));
    const { analysis } = analyse({ journey: table("Journey", kpis), budget: null }, DEFAULT_SETTINGS);
    const json = analysisToJson(analysis!);
    expect(joined(json as unknown as Record<string, unknown>)).toBe(JSON.stringify(json));
  });
});
