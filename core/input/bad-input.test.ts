/**
 * The bad-input corpus (docs/formulas.md §1.4): each case names the exact cell of the problem, and
 * either no report is produced (errors) or it is (warnings, accepted formats).
 */
import { describe, expect, it } from "vitest";
import { AnalysisInput, analyse } from "../compute/analyse";
import { DEFAULT_SETTINGS, Settings } from "./settings";
import type { CellValue } from "./cells";

// Journey columns A..M and Budget columns A..K, so every cell address below is fixed.
const J = ["Stage", "Touchpoint", "Moment of truth", "Perspective", "KPI", "Direction", "Baseline", "Target", "Target max", "Actual", "Weight", "Tolerance", "Period"];
const B = ["Stage", "Touchpoint", "Line item", "Type", "Budget", "Actual", "Forecast", "Budget volume", "Actual volume", "Fixed share", "Period"];

type Row = Record<string, CellValue>;
const goodKpi: Row = { Stage: "Awareness", Touchpoint: "Search", Perspective: "Customer", KPI: "Reach", Target: 100, Actual: 90 };
const goodLine: Row = { Stage: "Awareness", "Line item": "Media", Type: "Cost", Budget: 1000, Actual: 950 };

const grid = (headers: string[], rows: Row[]): CellValue[][] => [headers, ...rows.map((r) => headers.map((h) => (h in r ? r[h] : null)))];

interface Case {
  name: string;
  /** The second KPI row (sheet row 3) gets these cells; the first is always good. */
  kpi?: Row;
  /** The only budget line (sheet row 2) gets these cells. */
  budget?: Row;
  journeyGrid?: CellValue[][];
  budgetGrid?: CellValue[][];
  settings?: Partial<Settings>;
  severity: "error" | "warning" | "none";
  cell: string | null;
  /** A word the message must contain. */
  says?: string;
}

const cases: Case[] = [
  { name: "text in a number column", kpi: { Target: "lots" }, severity: "error", cell: "Journey!H3", says: '"lots"' },
  { name: "#N/A in Actual", kpi: { Actual: "#N/A" }, severity: "error", cell: "Journey!J3", says: "spreadsheet error" },
  { name: "#DIV/0! in Baseline", kpi: { Baseline: "#DIV/0!" }, severity: "error", cell: "Journey!G3" },
  { name: "NaN in Actual", kpi: { Actual: Number.NaN }, severity: "error", cell: "Journey!J3", says: "NaN" },
  { name: "Infinity in Actual", kpi: { Actual: Number.POSITIVE_INFINITY }, severity: "error", cell: "Journey!J3", says: "infinite" },
  { name: "huge number", kpi: { Actual: 1e20 }, severity: "error", cell: "Journey!J3", says: "too large" },
  { name: "huge number as text", kpi: { Actual: "1e400" }, severity: "error", cell: "Journey!J3" },
  { name: "TRUE in a number column", kpi: { Target: true }, severity: "error", cell: "Journey!H3", says: "TRUE/FALSE" },
  { name: "a date in a number column", kpi: { Actual: new Date(Date.UTC(2026, 0, 5)) }, severity: "error", cell: "Journey!J3", says: "date" },
  { name: "missing required column", journeyGrid: grid(J.filter((h) => h !== "Stage"), [goodKpi]), severity: "error", cell: "Journey!A1:L1", says: "no Stage column" },
  { name: "missing KPI column", journeyGrid: grid(J.filter((h) => h !== "KPI"), [goodKpi]), severity: "error", cell: "Journey!A1:L1", says: "Measure" },
  { name: "unknown perspective", kpi: { Perspective: "Marketing" }, severity: "error", cell: "Journey!D3", says: "Learning & growth" },
  { name: "blank perspective", kpi: { Perspective: null }, severity: "error", cell: "Journey!D3" },
  { name: "blank stage", kpi: { Stage: " " }, severity: "error", cell: "Journey!A3" },
  { name: "blank KPI name", kpi: { KPI: null }, severity: "error", cell: "Journey!E3" },
  { name: "negative weight", kpi: { Weight: -1 }, severity: "error", cell: "Journey!K3", says: "negative" },
  { name: "text weight", kpi: { Weight: "heavy" }, severity: "error", cell: "Journey!K3" },
  { name: "target = baseline", kpi: { Baseline: 100 }, severity: "error", cell: "Journey!G3", says: "equals the Target" },
  { name: "wrong direction for baseline (higher)", kpi: { Baseline: 150 }, severity: "error", cell: "Journey!G3" },
  { name: "wrong direction for baseline (lower)", kpi: { Direction: "lower", Baseline: 50 }, severity: "error", cell: "Journey!G3" },
  { name: "lower-is-better with target 0 and a baseline of 0", kpi: { Direction: "lower", Target: 0, Baseline: 0 }, severity: "error", cell: "Journey!G3" },
  { name: "range without Target max", kpi: { Direction: "range" }, severity: "error", cell: "Journey!I3" },
  { name: "range with Target max below Target", kpi: { Direction: "range", "Target max": 50 }, severity: "error", cell: "Journey!I3" },
  { name: "target so close to the baseline that the score overflows", kpi: { Target: 1e-320, Actual: 1 }, severity: "error", cell: "Journey!H3", says: "too close" },
  { name: "unknown direction", kpi: { Direction: "sideways" }, severity: "error", cell: "Journey!F3" },
  { name: "moment of truth not yes/no", kpi: { "Moment of truth": "maybe" }, severity: "error", cell: "Journey!C3" },
  { name: "tolerance above 1", kpi: { Tolerance: 15 }, severity: "error", cell: "Journey!L3", says: "15%" },
  { name: "tolerance not a number", kpi: { Tolerance: "wide" }, severity: "error", cell: "Journey!L3" },
  { name: "decimal comma without the setting", kpi: { Target: "3,5", Actual: 3 }, severity: "error", cell: "Journey!H3", says: "decimal comma" },
  { name: "decimal comma with the setting", kpi: { Target: "3,5", Actual: "3,5" }, settings: { decimalComma: true }, severity: "none", cell: null },
  { name: "(1,200) is −1200", budget: { Budget: "(1,200)", Actual: "(1,100)" }, severity: "none", cell: null },
  { name: "85% is 0.85", kpi: { Target: "90%", Actual: "85%" }, severity: "none", cell: null },
  { name: "$1,200 and spaces", budget: { Budget: " $1,200 ", Actual: "$1,150.50" }, severity: "none", cell: null },
  { name: "period blank while others have one", journeyGrid: grid(J, [{ ...goodKpi, Period: "2026-01" }, { ...goodKpi, KPI: "B" }]), severity: "error", cell: "Journey!M3" },
  { name: "empty table", journeyGrid: [[null, null], [null, null]], severity: "error", cell: "Journey", says: "empty" },
  { name: "header-only table", journeyGrid: [J], severity: "error", cell: "Journey!A2", says: "no rows" },
  { name: "duplicate KPI rows", kpi: { KPI: "Reach" }, severity: "warning", cell: "Journey!3:3", says: "Duplicate" },
  { name: "unmatched budget stage", budget: { Stage: "Retention" }, severity: "warning", cell: "Budget!A2", says: "Retention" },
  { name: "weight 0 on every row of a group", journeyGrid: grid(J, [{ ...goodKpi, Weight: 0 }]), severity: "warning", cell: null, says: "stage \"Awareness\" has no score because every KPI with data in it has weight 0" },
  { name: "budget: text in Budget", budget: { Budget: "about 1k" }, severity: "error", cell: "Budget!E2" },
  { name: "budget: #DIV/0! in Actual", budget: { Actual: "#DIV/0!" }, severity: "error", cell: "Budget!F2" },
  { name: "budget: unknown type", budget: { Type: "Asset" }, severity: "error", cell: "Budget!D2", says: "revenue" },
  { name: "budget: budget volume 0", budget: { "Budget volume": 0, "Actual volume": 5 }, severity: "error", cell: "Budget!H2" },
  { name: "budget: negative actual volume", budget: { "Budget volume": 10, "Actual volume": -5 }, severity: "error", cell: "Budget!I2" },
  { name: "budget: fixed share above 100%", budget: { "Fixed share": "120%" }, severity: "error", cell: "Budget!J2" },
  { name: "budget: missing Line item column", budgetGrid: grid(B.filter((h) => h !== "Line item"), [goodLine]), severity: "error", cell: "Budget!A1:J1" },
  { name: "budget: blank line item", budget: { "Line item": "" }, severity: "error", cell: "Budget!C2" },
];

function inputFor(c: Case): AnalysisInput {
  const journey = c.journeyGrid ?? grid(J, [goodKpi, { ...goodKpi, KPI: "Second", ...c.kpi }]);
  const budget = c.budgetGrid ?? grid(B, [{ ...goodLine, ...c.budget }]);
  return {
    journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: journey }, locate: true },
    budget: { block: { sheet: "Budget", origin: { row: 0, col: 0 }, values: budget }, locate: true },
  };
}

describe("bad-input corpus", () => {
  // Every number column of both tables, not only those the cases above name: text that is no
  // number is one error, on exactly that cell, and no report.
  const numberColumns: { table: string; col: number; kpi?: Row; budget?: Row }[] = [
    ...["Baseline", "Target", "Target max", "Actual", "Weight", "Tolerance"].map((h) => ({ table: "Journey", col: J.indexOf(h), kpi: { [h]: "lots" } })),
    ...["Budget", "Actual", "Forecast", "Budget volume", "Actual volume", "Fixed share"].map((h) => ({ table: "Budget", col: B.indexOf(h), budget: { [h]: "lots" } })),
  ];
  it.each(numberColumns.map((c) => [`${c.table} ${c.table === "Journey" ? J[c.col] : B[c.col]}`, c] as const))("%s: \"lots\" is an error on its cell", (_name, c) => {
    const out = analyse(inputFor({ name: "", severity: "error", cell: null, kpi: c.kpi, budget: c.budget }), DEFAULT_SETTINGS);
    const row = c.table === "Journey" ? 3 : 2;
    const cell = `${c.table}!${String.fromCharCode(65 + c.col)}${row}`;
    expect(out.analysis).toBeNull();
    expect(out.problems.filter((p) => p.severity === "error").map((p) => p.cell)).toEqual([cell]);
    expect(out.problems[0].message).toContain('"lots"');
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const out = analyse(inputFor(c), { ...DEFAULT_SETTINGS, ...c.settings });
    if (c.severity === "none") {
      expect(out.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(out.analysis).not.toBeNull();
      return;
    }
    const found = out.problems.filter((p) => p.severity === c.severity && p.cell === c.cell && (!c.says || p.message.includes(c.says)));
    expect(found, JSON.stringify(out.problems, null, 1)).toHaveLength(1);
    const p = found[0];
    // The message names the cell first, then what was found and what was expected.
    if (c.cell) expect(p.message.startsWith(`${c.cell}: `)).toBe(true);
    if (c.severity === "error") {
      expect(p.expected).toBeTruthy();
      expect(out.analysis).toBeNull();
    } else {
      expect(out.analysis).not.toBeNull();
    }
  });

  it("reads accepted formats to the right numbers", () => {
    const pct = analyse(inputFor(cases.find((c) => c.name === "85% is 0.85")!), DEFAULT_SETTINGS).analysis!;
    expect(pct.scorecard.kpis[1].achievement).toBeCloseTo(0.85 / 0.9, 12);
    const paren = analyse(inputFor(cases.find((c) => c.name === "(1,200) is −1200")!), DEFAULT_SETTINGS).analysis!;
    expect(paren.budgetLines[0]).toMatchObject({ budget: -1200, actual: -1100, variance: -100 });
    const comma = analyse(inputFor(cases.find((c) => c.name === "decimal comma with the setting")!), { ...DEFAULT_SETTINGS, decimalComma: true }).analysis!;
    expect(comma.scorecard.kpis[1]).toMatchObject({ target: 3.5, actual: 3.5, achievement: 1 });
  });

  it("reports every problem at once, not just the first", () => {
    const journey = grid(J, [goodKpi, { ...goodKpi, KPI: "B", Target: "x" }, { ...goodKpi, KPI: "C", Actual: "#N/A", Perspective: "Sales" }]);
    const out = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: journey }, locate: true } }, DEFAULT_SETTINGS);
    expect(out.problems.filter((p) => p.severity === "error").map((p) => p.cell)).toEqual(["Journey!H3", "Journey!D4", "Journey!J4"]);
  });

  it("names cells of a table that starts below and right of A1, on a sheet with a space", () => {
    const values: CellValue[][] = [[null], ["Notes about this sheet"], [], [null, null, ...J], [null, null, ...J.map((h) => ({ ...goodKpi, Target: "??" })[h] ?? null)]];
    const out = analyse({ journey: { block: { sheet: "KPI sheet", origin: { row: 0, col: 0 }, values }, locate: true } }, DEFAULT_SETTINGS);
    expect(out.analysis).toBeNull();
    // Target is the 8th journey column, after two blank columns: J; data on sheet row 5
    expect(out.problems[0].cell).toBe("'KPI sheet'!J5");
  });

  it("a named table is the whole range: an empty row inside is skipped, not the end", () => {
    const values: CellValue[][] = [J, J.map((h) => goodKpi[h] ?? null), J.map(() => null), J.map((h) => ({ ...goodKpi, KPI: "Second", Target: "x" })[h] ?? null)];
    const out = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values }, locate: false } }, DEFAULT_SETTINGS);
    expect(out.problems.map((p) => p.cell)).toEqual(["Journey!H4"]);
    const blankOnly = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: [J, J.map(() => null)] }, locate: false } }, DEFAULT_SETTINGS);
    expect(blankOnly.problems[0].message).toContain("has headers but no rows");
  });

  it("a table found in a sheet ends at its first empty row: what is below is not read", () => {
    const second = J.map((h) => ({ ...goodKpi, KPI: "Second", Target: "x" })[h] ?? null);
    const values: CellValue[][] = [J, J.map((h) => goodKpi[h] ?? null), J.map(() => null), second];
    const out = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values }, locate: true } }, DEFAULT_SETTINGS);
    expect(out.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(out.analysis!.scorecard.kpis.map((k) => k.kpi)).toEqual([goodKpi.KPI]);
    // A row the host left out (a hole in the grid) ends the table too, right of A1 as well.
    const holed: CellValue[][] = [[null, ...J], [null, ...J.map((h) => goodKpi[h] ?? null)]];
    holed[3] = [null, ...second];
    const right = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: holed }, locate: true } }, DEFAULT_SETTINGS);
    expect(right.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(right.analysis!.scorecard.kpis).toHaveLength(1);
    // Headers, then an empty row: no rows, though rows come further down.
    const gap = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: [J, J.map(() => null), second] }, locate: true } }, DEFAULT_SETTINGS);
    expect(gap.problems[0].message).toContain("has headers but no rows");
  });

  it("a header the user renamed is matched through the column mapping", () => {
    const journey = grid(["Stage", "Perspective", "KPI", "Aim", "Actual"], [{ ...goodKpi, Aim: 100 }]);
    const mapped = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: journey }, locate: true } }, { ...DEFAULT_SETTINGS, columnMapping: { journey: { Aim: "Target" }, budget: {}, actuals: {} } });
    expect(mapped.analysis!.scorecard.kpis[0].achievement).toBeCloseTo(0.9, 12);
  });
});

describe("text longer than a cell holds", () => {
  it("is cut to 32,767 characters ending in a visible mark, with a warning naming the cell", () => {
    const long = "K".repeat(100_000);
    const journey = grid(J, [goodKpi, { ...goodKpi, KPI: long }]);
    const out = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: journey }, locate: true } }, DEFAULT_SETTINGS);
    const kpi = out.analysis!.scorecard.kpis[1].kpi;
    expect(kpi).toHaveLength(32_767);
    expect(kpi.endsWith(" […cut]")).toBe(true);
    expect(kpi.startsWith("KKKK")).toBe(true);
    const warning = out.problems.find((p) => p.cell === "Journey!E3")!;
    expect(warning.severity).toBe("warning");
    expect(warning.message).toBe('Journey!E3: KPI is too long for a cell; expected at most 32,767 characters, what a spreadsheet cell holds; the report shows it cut, ending in " […cut]".');
  });
});
