/**
 * `npm run bench`: core time (parse + score + budget + report model) for 1k, 10k and 100k
 * generated KPI rows plus as many budget lines, rows/s, peak RSS (each size in its own
 * process), the 100k/1k time ratio, and the custom functions over a 100k-cell range.
 */
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { analyse } from "../core/analyse";
import type { CellValue } from "../core/cells";
import { KPISCORE, VARIANCE } from "../core/functions";
import { buildReport } from "../core/report";
import { DEFAULT_SETTINGS } from "../core/settings";

const STAGES = ["Awareness", "Consideration", "Purchase", "Post-purchase support", "Advocacy"];
const PERSPECTIVES = ["Financial", "Customer", "Internal process", "Learning & growth"];
const MONTHS = ["2026-01", "2026-02", "2026-03"];

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
  return out;
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
  return out;
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
  buildReport(outcome.analysis);
  return performance.now() - start;
}

/** One size in this process: warm up on 1k, then the best of a few runs. */
function measure(rows: number): { rows: number; ms: number; peakRssMb: number } {
  coreOnce(journeyGrid(1000), budgetGrid(1000));
  const journey = journeyGrid(rows);
  const budget = budgetGrid(rows);
  const runs = rows >= 100_000 ? 3 : 10;
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, coreOnce(journey, budget));
  return { rows, ms: best, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function functionsBench(): { name: string; cells: number; ms: number }[] {
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
    { name: "KPISCORE(range, 80, \"lower\")", cells: n, ms: time(() => KPISCORE(actuals, 80, "lower")) },
    { name: "VARIANCE(range, range, range)", cells: n, ms: time(() => VARIANCE(actuals, budgets, types)) },
  ];
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

if (process.argv[2] === "--one") {
  process.stdout.write(JSON.stringify(measure(Number(process.argv[3]))));
} else if (process.argv[1]?.endsWith("bench.ts")) {
  const sizes = [1_000, 10_000, 100_000];
  const results = sizes.map((rows) => JSON.parse(execFileSync(process.execPath, [...process.execArgv, process.argv[1], "--one", String(rows)], { encoding: "utf8" })) as ReturnType<typeof measure>);
  console.log("Core: parse + score + budget + report model (KPI rows + as many budget lines)");
  console.log("| KPI rows + budget lines | core time | rows/s | peak RSS |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const r of results) console.log(`| ${fmt(r.rows)} + ${fmt(r.rows)} | ${r.ms.toFixed(1)} ms | ${fmt((2 * r.rows) / (r.ms / 1000))} | ${r.peakRssMb.toFixed(0)} MB |`);
  console.log(`100k/1k time ratio: ${(results[2].ms / results[0].ms).toFixed(1)} (rows ×100)`);
  console.log("\nCustom functions over a 100k-cell range");
  console.log("| function | cells | time | cells/s |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const f of functionsBench()) console.log(`| ${f.name} | ${fmt(f.cells)} | ${f.ms.toFixed(1)} ms | ${fmt(f.cells / (f.ms / 1000))} |`);
}
