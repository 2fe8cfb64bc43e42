/**
 * One benchmark measurement, run in its own process by bench.ts: `--round N…` times the core
 * on N KPI rows + N budget lines for each N in turn (and a pass that only reads those grids),
 * `--memory N` measures the peak RSS of one such build, `--functions` times the custom
 * functions over a 100k-cell range. Prints JSON.
 */
import { performance } from "node:perf_hooks";
import { analyse, buildReport, DEFAULT_SETTINGS, forEachChunk, functions } from "../core";
import { writeReport } from "../excel-addin/report-writer";
import { FakeContext, newModel } from "../test/fakes/fake-excel";
import { writeReport as writeSheetsReport } from "../sheets-addon/server/report-writer";
import { FakeSpreadsheet, installAppsScript, newSheetsState } from "../test/fakes/fake-sheets";
import type { CellValue } from "../core";

const STAGES = ["Awareness", "Consideration", "Purchase", "Post-purchase support", "Advocacy"];
const PERSPECTIVES = ["Financial", "Customer", "Internal process", "Learning & growth"];
const MONTHS = ["2026-01", "2026-02", "2026-03"];

/**
 * The grid as a host hands it over: Office.js and Apps Script pass `values` through JSON, so
 * every cell's text is its own flat string (template literals would make rope strings that
 * the core would flatten on first read, a cost no host has).
 */
function asHostHandsOver(grid: CellValue[][]): CellValue[][] {
  return JSON.parse(JSON.stringify(grid)) as CellValue[][];
}

/** Rows as a host hands them over: numbers as numbers, some text numbers and blanks. */
export function journeyGrid(rows: number): CellValue[][] {
  const out: CellValue[][] = [["Stage", "Touchpoint", "Moment of truth", "Perspective", "Objective", "KPI", "Direction", "Baseline", "Target", "Actual", "Weight", "Period"]];
  for (let i = 0; i < rows; i++) {
    const kpi = Math.floor(i / MONTHS.length);
    const lower = kpi % 3 === 0;
    const target = 50 + (kpi % 50);
    const actual = i % 17 === 0 ? null : target * (0.7 + ((i * 7919) % 600) / 1000);
    out.push([
      STAGES[kpi % 5], `Touchpoint ${kpi % 40}`, kpi % 7 === 0 ? "yes" : "", PERSPECTIVES[kpi % 4], `Objective ${kpi % 25}`, `KPI ${kpi}`,
      lower ? "lower" : "higher", null, i % 5 === 0 ? `${target}` : target, actual, 1 + (kpi % 3), MONTHS[i % MONTHS.length],
    ]);
  }
  return asHostHandsOver(out);
}

export function budgetGrid(rows: number): CellValue[][] {
  const out: CellValue[][] = [["Stage", "Touchpoint", "Line item", "Type", "Budget", "Actual", "Budget volume", "Actual volume", "Fixed share", "Period"]];
  for (let i = 0; i < rows; i++) {
    const item = Math.floor(i / MONTHS.length);
    const budget = 1000 + (item % 90) * 100;
    out.push([
      STAGES[item % 5], `Touchpoint ${item % 40}`, `Line ${item}`, item % 6 === 0 ? "Revenue" : "Cost", budget,
      i % 13 === 0 ? null : budget * (0.85 + ((i * 104729) % 300) / 1000), 100, 80 + (i % 40), "20%", MONTHS[i % MONTHS.length],
    ]);
  }
  return asHostHandsOver(out);
}

function coreOnce(journey: CellValue[][], budget: CellValue[][]): number {
  const start = performance.now();
  const outcome = analyse(
    {
      journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: journey }, locate: true },
      budget: { block: { sheet: "Budget", origin: { row: 0, col: 0 }, values: budget }, locate: true },
    },
    DEFAULT_SETTINGS,
  );
  if (!outcome.analysis) throw new Error(outcome.problems[0]?.message);
  const model = buildReport(outcome.analysis);
  // The model makes a table's cells when a host writes them, in chunks: timed here too.
  for (const sheet of model.sheets) {
    for (const block of sheet.blocks) forEachChunk(block, HOST_CHUNK_ROWS, (_, values) => (cellsMade += values.length * block.cols));
  }
  return performance.now() - start;
}

/** Rows per chunk, as the CLI writes them. */
const HOST_CHUNK_ROWS = 1000;
/** Cells made by the builds (exported, so that no engine can skip making them). */
export let cellsMade = 0;

/**
 * Brings the process to its steady state before anything is timed: optimised code, and a
 * young generation grown to its working size. Small builds alone were not enough: a 1k build
 * timed right after them took 3.4–4.5 ms, and 2.6–2.9 ms once a few 10k builds and more
 * small ones had run.
 */
function warmUp(): void {
  warmUpSmall();
  const medium = [journeyGrid(10_000), budgetGrid(10_000)];
  for (let i = 0; i < 3; i++) coreOnce(medium[0], medium[1]);
  warmUpSmall();
}

/**
 * Optimised code only, for the builds and the read pass (the memory measurement must not hold
 * more than one build's data).
 */
function warmUpSmall(): void {
  const small = [journeyGrid(1000), budgetGrid(1000)];
  for (let i = 0; i < 60; i++) coreOnce(small[0], small[1]);
  timeReads(small[0], small[1], 200);
}

/**
 * Builds of each size that run before its timed ones. A size's first builds grow the heap to
 * that size's working set: after the small warm-up builds, the first two 100k builds took
 * 360–470 ms and the later ones 310–350 ms (with a major GC about every fourth, 370–460 ms).
 * Timed builds are the steady state, as for the small sizes; the first builds are printed
 * beside.
 */
const UNTIMED_BUILDS = 2;

/**
 * Time per build of one size, from `builds` builds one after the other. The mean (the batch's
 * time over its builds) is what a build costs: each size pays its share of garbage
 * collection. A 1k build starts a minor GC only about every dozen builds, so its median leaves
 * GC out, while every 100k build pays several minor GCs, and a major GC comes about every
 * fourth 100k build. The median is kept beside the mean. No forced GC between builds: it
 * slows the next small build down (V8 shrinks the young generation after a full collection),
 * which is not how the hosts run.
 */
function timeBuilds(journey: CellValue[][], budget: CellValue[][], builds: number): { mean: number; median: number; first: number } {
  let first = 0;
  for (let i = 0; i < UNTIMED_BUILDS; i++) first += coreOnce(journey, budget) / UNTIMED_BUILDS;
  const times: number[] = [];
  for (let i = 0; i < builds; i++) times.push(coreOnce(journey, budget));
  const mean = times.reduce((sum, t) => sum + t, 0) / builds;
  times.sort((a, b) => a - b);
  return { mean, median: (times[(builds - 1) >> 1] + times[builds >> 1]) / 2, first };
}

/**
 * Time per pass that only reads every cell of both grids once (a number's value, a text's
 * length), right after the builds of that size, as many passes as builds: its 100k/1k ratio
 * is how the simplest pass over data of that size scales on the machine that run, a
 * yardstick for a build's ratio.
 */
function timeReads(journey: CellValue[][], budget: CellValue[][], passes: number): number {
  const start = performance.now();
  for (let i = 0; i < passes; i++) cellsRead += readEveryCell(journey) + readEveryCell(budget);
  return (performance.now() - start) / passes;
}

function readEveryCell(grid: CellValue[][]): number {
  let sum = 0;
  for (const row of grid) {
    for (const cell of row) {
      if (typeof cell === "number") sum += cell;
      else if (typeof cell === "string") sum += cell.length;
    }
  }
  return sum;
}

/** What the reads added up (exported, so that no engine can skip them). */
export let cellsRead = 0;

/** Builds timed per size: enough small builds to take in their occasional minor GC, and 100k builds over two major GCs. */
function buildsFor(rows: number): number {
  return rows >= 100_000 ? 8 : rows >= 10_000 ? 10 : 50;
}

/**
 * One round: every size timed in one process, one after the other, so that all sizes see
 * the same machine (on this shared machine the speed of a whole process swings by up to 2×,
 * which made ratios between separate processes anywhere from 70 to 150).
 */
export function measureRound(sizes: number[]): { rows: number; ms: number; medianMs: number; firstMs: number; readMs: number }[] {
  warmUp();
  return sizes.map((rows) => {
    const journey = journeyGrid(rows);
    const budget = budgetGrid(rows);
    const builds = buildsFor(rows);
    const { mean, median, first } = timeBuilds(journey, budget, builds);
    return { rows, ms: mean, medianMs: median, firstMs: first, readMs: timeReads(journey, budget, builds) };
  });
}

/** Peak RSS of one build of this size with its inputs, after the warm-up (its own process). */
export function measureMemory(rows: number): { rows: number; peakRssMb: number } {
  warmUpSmall();
  coreOnce(journeyGrid(rows), budgetGrid(rows));
  return { rows, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/**
 * The Excel add-in's writer on the recording fake of the Excel API, for each size: syncs per
 * report, the largest single sync's payload, and the writer's own time (median of 3; the
 * fake only counts and measures the values, so the time is the writer's).
 */
export async function measureExcelWriter(sizes: number[]): Promise<{ rows: number; syncs: number; largestPayload: number; ms: number }[]> {
  const out = [];
  for (const rows of sizes) {
    const { analysis } = analyse(
      { journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: journeyGrid(rows) }, locate: true }, budget: { block: { sheet: "Budget", origin: { row: 0, col: 0 }, values: budgetGrid(rows) }, locate: true } },
      DEFAULT_SETTINGS,
    );
    const model = buildReport(analysis!);
    const times: number[] = [];
    let ctx: FakeContext | null = null;
    for (let i = 0; i < 3; i++) {
      const workbook = newModel(["Journey", "Budget"]);
      workbook.discardValues = true;
      ctx = new FakeContext(workbook);
      const start = performance.now();
      await writeReport(ctx as unknown as Excel.RequestContext, model);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    out.push({ rows, syncs: ctx!.syncs.length, largestPayload: Math.max(...ctx!.syncs.map((x) => x.payload)), ms: times[1] });
  }
  return out;
}

/** The Sheets add-on's writer on the recording fake of Apps Script: service calls per report and its time (median of 3). */
export function measureSheetsWriter(sizes: number[]): { rows: number; calls: number; ms: number }[] {
  return sizes.map((rows) => {
    const { analysis } = analyse(
      { journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: journeyGrid(rows) }, locate: true }, budget: { block: { sheet: "Budget", origin: { row: 0, col: 0 }, values: budgetGrid(rows) }, locate: true } },
      DEFAULT_SETTINGS,
    );
    const model = buildReport(analysis!);
    const times: number[] = [];
    let calls = 0;
    for (let i = 0; i < 3; i++) {
      const state = installAppsScript(newSheetsState(["Journey", "Budget"]));
      state.discardValues = true;
      const start = performance.now();
      writeSheetsReport(new FakeSpreadsheet(state) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, model);
      times.push(performance.now() - start);
      calls = state.calls.length;
    }
    times.sort((a, b) => a - b);
    return { rows, calls, ms: times[1] };
  });
}

/** The generated tables as files a user would give: CSV twins and one .xlsx workbook per size. */
export async function writeInputs(dir: string, sizes: number[]): Promise<void> {
  const { writeFileSync } = await import("node:fs");
  const { default: Excel } = await import("exceljs");
  const csv = (grid: CellValue[][]) => grid.map((row) => row.map((v) => (v === null || v === undefined ? "" : String(v))).join(",")).join("\n") + "\n";
  for (const rows of sizes) {
    const journey = journeyGrid(rows);
    const budget = budgetGrid(rows);
    writeFileSync(`${dir}/journey-${rows}.csv`, csv(journey));
    writeFileSync(`${dir}/budget-${rows}.csv`, csv(budget));
    const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: `${dir}/book-${rows}.xlsx`, useSharedStrings: false });
    for (const [name, grid] of [["Journey", journey], ["Budget", budget]] as const) {
      const ws = wb.addWorksheet(name);
      for (const row of grid) ws.addRow(row as unknown[]).commit();
      ws.commit();
    }
    await wb.commit();
  }
}

export function functionsBench(): { name: string; cells: number; ms: number }[] {
  const n = 100_000;
  const actuals = Array.from({ length: n }, (_, i) => [i % 10 === 0 ? null : 50 + (i % 60)]);
  const budgets = Array.from({ length: n }, (_, i) => [1000 + (i % 500)]);
  const types = Array.from({ length: n }, (_, i) => [i % 4 === 0 ? "revenue" : "cost"]);
  const time = (fn: () => unknown) => {
    fn();
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      fn();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  return [
    { name: "KPISCORE(range, 80, \"lower\")", cells: n, ms: time(() => functions.KPISCORE(actuals, 80, "lower")) },
    { name: "VARIANCE(range, range, range)", cells: n, ms: time(() => functions.VARIANCE(actuals, budgets, types)) },
  ];
}

if (process.argv[2] === "--round") process.stdout.write(JSON.stringify(measureRound(process.argv.slice(3).map(Number))));
if (process.argv[2] === "--memory") process.stdout.write(JSON.stringify(measureMemory(Number(process.argv[3]))));
if (process.argv[2] === "--excel") measureExcelWriter(process.argv.slice(3).map(Number)).then((r) => process.stdout.write(JSON.stringify(r)));
if (process.argv[2] === "--sheets") process.stdout.write(JSON.stringify(measureSheetsWriter(process.argv.slice(3).map(Number))));
if (process.argv[2] === "--inputs") writeInputs(process.argv[3], process.argv.slice(4).map(Number)).then(() => process.stdout.write("[]"));
if (process.argv[2] === "--functions") process.stdout.write(JSON.stringify(functionsBench()));
