/** The Excel add-in's table reader against the recording fake: where tables are found, and one sync per read. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SAMPLE_TABLES, analyse } from "../core";
import { readTables } from "../excel-addin/table-reader";
import { FakeContext, FakeModel, newModel, putRows } from "./fakes/fake-excel";

async function read(model: FakeModel) {
  const ctx = new FakeContext(model);
  const result = await readTables(ctx as unknown as Excel.RequestContext, DEFAULT_SETTINGS);
  return { ...result, syncs: ctx.syncs.length };
}

describe("Excel table reader", () => {
  it("reads sheets named Journey and Budget, each table in one sync, and the input's money format", async () => {
    const model = newModel([]);
    putRows(model, "Journey", SAMPLE_TABLES.journey.rows);
    putRows(model, "Budget", SAMPLE_TABLES.budget.rows);
    model.sheets[1].cells.set("1,4", { ...model.sheets[1].cells.get("1,4")!, format: '"$"#,##0' });
    const { input, moneyFormat, syncs } = await read(model);
    // One sync finds both tables, one reads both, one reads the money cell's format.
    expect(syncs).toBe(3);
    expect(input.journey!.foundAs).toBe('sheet "Journey"');
    expect(input.journey!.block.values).toEqual(SAMPLE_TABLES.journey.rows.map((r) => r.map((v) => v ?? "")));
    expect(moneyFormat).toBe('"$"#,##0');
    const { analysis } = analyse(input, DEFAULT_SETTINGS);
    expect(analysis!.scorecard.overall.kpis).toBe(32);
  });

  it("an Excel table comes before a sheet, a named range before a sheet; cells are named where they are", async () => {
    const model = newModel(["Data", "Journey"]);
    putRows(model, "Data", [["Stage", "Perspective", "KPI", "Target", "Actual"], ["Awareness", "Customer", "Reach", "lots", 5]], 2, 1);
    model.tables.push({ name: "journey", sheet: "Data", address: "B3:F4" });
    putRows(model, "Journey", [["not", "this"]]);
    const { input } = await read(model);
    expect(input.journey!.foundAs).toBe('Excel table "journey"');
    expect(analyse(input, DEFAULT_SETTINGS).problems[0].cell).toBe("Data!E4");

    model.tables = [];
    model.names.push({ name: "Journey", sheet: "Data", address: "B3:F4" });
    expect((await read(model)).input.journey!.foundAs).toBe('named range "Journey"');
  });

  it("without a Journey table by name, the selection is the table; a single cell is none", async () => {
    const model = newModel(["My KPIs"]);
    putRows(model, "My KPIs", [["Stage", "Perspective", "KPI", "Target", "Actual"], ["Awareness", "Customer", "Reach", 10, 9]], 4, 2);
    model.selection = { sheet: "My KPIs", address: "C5:G6" };
    const { input } = await read(model);
    expect(input.journey).toMatchObject({ foundAs: "the selection", block: { sheet: "My KPIs", origin: { row: 4, col: 2 } } });
    expect(analyse(input, DEFAULT_SETTINGS).analysis!.scorecard.kpis[0].achievement).toBeCloseTo(0.9, 12);
    model.selection = { sheet: "My KPIs", address: "A1" };
    const none = await read(model);
    expect(none.input.journey).toBeNull();
    expect(analyse(none.input, DEFAULT_SETTINGS).problems[0].message).toContain("No Journey or Budget table was found");
  });

  it("an Actuals sheet beside a Budget is read in the same syncs and matched to the budget lines", async () => {
    const model = newModel([]);
    putRows(model, "Budget", [["Stage", "Line item", "Budget", "Month"], ["Awareness", "Media", 1000, "2026-01"], ["Awareness", "Media", 1000, "2026-02"]]);
    putRows(model, "Actuals", [["Stage", "Account", "Amount", "Date"], ["Awareness", "media", 600, "2026-01-05"], ["Awareness", "Media", 500, "2026-01-20"], ["Awareness", "Media", 900, "2026-02-11"]]);
    // A selection on the Budget sheet is part of the budget, not a Journey table: the budget stands alone.
    model.selection = { sheet: "Budget", address: "A1:D3" };
    const { input, syncs } = await read(model);
    expect(input.journey).toBeNull();
    expect(syncs).toBe(3);
    expect(input.actuals!.foundAs).toBe('sheet "Actuals"');
    // Jan 600 + 500 = 1100, Feb 900: 2000 against 2000.
    const { analysis } = analyse(input, DEFAULT_SETTINGS);
    expect(analysis!.budgetLines[0]).toMatchObject({ budget: 2000, actual: 2000, variance: 0 });
  });
});
