import { journeyGrid, budgetGrid } from "./measure";
import { parseBudgetTable } from "../core/budget-table";
import { parseJourneyTable } from "../core/journey-table";
const n = Number(process.argv[2]);
const b = budgetGrid(n), j = journeyGrid(n);
for (let i = 0; i < 10; i++) {
parseBudgetTable({ sheet: "B", origin: { row: 0, col: 0 }, values: b }, { decimalComma: false, mapping: {}, locate: true });
parseJourneyTable({ sheet: "J", origin: { row: 0, col: 0 }, values: j }, { decimalComma: false, mapping: {}, locate: true });
}
