import { journeyGrid } from "./bench";
import { parseJourneyTable } from "../core/journey-table";
import { performance } from "node:perf_hooks";
const j = journeyGrid(100000);
for (let i = 0; i < 8; i++) {
  const t = performance.now();
  parseJourneyTable({ sheet: "J", origin: { row: 0, col: 0 }, values: j }, { decimalComma: false, mapping: {}, locate: true });
  console.log((performance.now() - t).toFixed(0));
}
