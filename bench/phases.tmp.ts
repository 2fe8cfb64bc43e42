import { journeyGrid, budgetGrid } from "./bench";
import { parseJourneyTable } from "../core/journey-table";
import { parseBudgetTable } from "../core/budget-table";
import { buildScorecard } from "../core/scorecard";
import { buildBudgetLines } from "../core/budget-lines";
import { orderPeriods } from "../core/periods";
import { DEFAULT_SETTINGS } from "../core/settings";
import { performance } from "node:perf_hooks";
const j = journeyGrid(100000), b = budgetGrid(100000);
for (let i = 0; i < 3; i++) {
  let t = performance.now(); const lap = (n: string) => { const x = performance.now(); process.stdout.write(`${n} ${(x - t).toFixed(0)}  `); t = x; };
  const opts = { decimalComma: false, mapping: {}, locate: true };
  const pj = parseJourneyTable({ sheet: "J", origin: { row: 0, col: 0 }, values: j }, opts); lap("journey");
  const pb = parseBudgetTable({ sheet: "B", origin: { row: 0, col: 0 }, values: b }, opts); lap("budget");
  const periods = orderPeriods([...pj.periods, ...pb.periods]); const idx = new Map(periods.map((p, i) => [p, i]));
  const card = buildScorecard(pj.rows, "2026-03", idx, DEFAULT_SETTINGS, []); lap("scorecard");
  buildBudgetLines(pb.rows, { asOf: "2026-03", periodIndex: idx, totalPeriods: 3, elapsedPeriods: 3, settings: DEFAULT_SETTINGS }); lap("lines");
  console.log();
}
