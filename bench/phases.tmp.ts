import { journeyGrid, budgetGrid } from "./measure";
import { parseJourneyTable } from "../core/journey-table";
import { parseBudgetTable } from "../core/budget-table";
import { analyse } from "../core/analyse";
import { buildReport } from "../core/report";
import { DEFAULT_SETTINGS } from "../core/settings";
import { performance } from "node:perf_hooks";
const gc = (globalThis as any).gc;
function phases(n: number, reps: number) {
  const j = journeyGrid(n), b = budgetGrid(n);
  const best: Record<string, number> = {};
  for (let i = 0; i < reps; i++) {
    gc();
    let t = performance.now();
    const lap = (k: string) => { const x = performance.now(); best[k] = Math.min(best[k] ?? Infinity, x - t); t = x; };
    const opts = { decimalComma: false, mapping: {}, locate: true };
    parseJourneyTable({ sheet: "J", origin: { row: 0, col: 0 }, values: j }, opts); lap("pj");
    parseBudgetTable({ sheet: "B", origin: { row: 0, col: 0 }, values: b }, opts); lap("pb");
    const o = analyse({ journey: { block: { sheet: "J", origin: { row: 0, col: 0 }, values: j }, locate: true }, budget: { block: { sheet: "B", origin: { row: 0, col: 0 }, values: b }, locate: true } }, DEFAULT_SETTINGS); lap("analyse(all)");
    buildReport(o.analysis!); lap("report");
  }
  return best;
}
for (let i = 0; i < 20; i++) phases(1000, 1);
const a = phases(1000, 30), c = phases(100000, 3);
for (const k of Object.keys(a)) console.log(k.padEnd(14), a[k].toFixed(2), c[k].toFixed(1), (c[k] / a[k]).toFixed(0));
