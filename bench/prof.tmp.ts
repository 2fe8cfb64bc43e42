import { journeyGrid, budgetGrid } from "/work/main/bench/bench";
import { analyse } from "/work/main/core/analyse";
import { buildReport } from "/work/main/core/report";
import { DEFAULT_SETTINGS } from "/work/main/core/settings";
import { performance } from "node:perf_hooks";
const j = journeyGrid(100000), b = budgetGrid(100000);
for (let i = 0; i < 2; i++) {
  let t = performance.now();
  const o = analyse({ journey: { block: { sheet: "Journey", origin: { row: 0, col: 0 }, values: j }, locate: true }, budget: { block: { sheet: "Budget", origin: { row: 0, col: 0 }, values: b }, locate: true } }, DEFAULT_SETTINGS);
  const t1 = performance.now() - t; t = performance.now();
  buildReport(o.analysis!);
  console.log("analyse", t1.toFixed(0), "report", (performance.now() - t).toFixed(0), "problems", o.problems.length);
}
