import { journeyGrid, budgetGrid } from "./measure";
import { analyse } from "../core/analyse";
import { buildReport } from "../core/report";
import { DEFAULT_SETTINGS } from "../core/settings";
const n = Number(process.argv[2]);
const b = budgetGrid(n), j = journeyGrid(n);
for (let i = 0; i < 8; i++) {
  const o = analyse({ journey: { block: { sheet: "J", origin: { row: 0, col: 0 }, values: j }, locate: true }, budget: { block: { sheet: "B", origin: { row: 0, col: 0 }, values: b }, locate: true } }, DEFAULT_SETTINGS);
  buildReport(o.analysis!);
}
