/** The Budget Variance sheet: cost by stage (with its chart), revenue by stage, totals, touchpoints, budget lines. */
import type { BudgetGroupTotal, BudgetLine, VarianceFigures } from "../compute/budget-lines";
import { nameKey } from "../compute/group";
import type { StageView } from "../compute/journey-view";
import { SheetContext, notesSection, titleRows } from "./sheet-parts";
import { ReportSheet } from "./model";
import { Column, FORMATS, SheetBuilder, figureColumn, percentColumn, textColumn } from "./sheet-builder";

type NamedFigures = { name: string; type?: string; figures: VarianceFigures | null };

const NO_DATA = { budget: null, actual: null, variance: null, variancePct: null, status: "No data" } as const;

/** Budget, actual, variance, variance % and status of some figures. */
function varianceColumns<T>(money: string, figuresOf: (item: T) => VarianceFigures | null): Column<T>[] {
  const f = (item: T) => figuresOf(item) ?? NO_DATA;
  return [
    figureColumn("Budget", 12, money, (item) => f(item).budget),
    figureColumn("Actual", 12, money, (item) => f(item).actual),
    figureColumn("Variance", 12, money, (item) => f(item).variance),
    percentColumn("Variance %", 11, (item) => f(item).variancePct, "variancePct"),
    textColumn("Status", 13, (item) => f(item).status, "varianceStatus"),
  ];
}

function budgetLineColumns(money: string, asOf: string | null): Column<BudgetLine>[] {
  // The as-of period's four columns, only when there are periods.
  const period: Column<BudgetLine>[] = asOf
    ? [
        figureColumn(`${asOf} budget`, 12, money, (l) => l.period?.budget ?? null),
        figureColumn(`${asOf} actual`, 12, money, (l) => l.period?.actual ?? null),
        figureColumn(`${asOf} variance`, 12, money, (l) => l.period?.variance ?? null),
        percentColumn(`${asOf} variance %`, 11, (l) => l.period?.variancePct ?? null, "variancePct"),
      ]
    : [];
  return [
    textColumn("Stage", 16, (l) => l.stage),
    textColumn("Touchpoint", 16, (l) => l.touchpoint),
    textColumn("Line item", 24, (l) => l.lineItem),
    textColumn("Type", 9, (l) => (l.type === "cost" ? "Cost" : "Revenue")),
    ...varianceColumns<BudgetLine>(money, (l) => l),
    ...period,
    figureColumn("Budget volume", 11, FORMATS.count, (l) => l.budgetVolume),
    figureColumn("Actual volume", 11, FORMATS.count, (l) => l.actualVolume),
    figureColumn("Flexed budget", 12, money, (l) => l.flexedBudget),
    figureColumn("Volume variance", 12, money, (l) => l.volumeVariance),
    figureColumn("Spending variance", 12, money, (l) => l.spendingVariance),
    figureColumn("Cost per outcome", 12, FORMATS.moneyCents, (l) => l.costPerOutcome),
    figureColumn("Budget cost per outcome", 13, FORMATS.moneyCents, (l) => l.budgetCostPerOutcome),
    figureColumn("Full budget", 12, money, (l) => l.fullBudget),
    figureColumn("Forecast", 12, money, (l) => l.forecast),
    figureColumn("Forecast variance", 12, money, (l) => l.forecastVariance),
    percentColumn("Forecast variance %", 11, (l) => l.forecastVariancePct, "variancePct"),
    textColumn("Forecast basis", 16, (l) => l.forecastSource ?? ""),
  ];
}

export function budgetSheet({ a, rules, money }: SheetContext): ReportSheet {
  const b = new SheetBuilder("budget", a.settings.sheetNames.budget, rules);
  const { cost, revenue } = a.budgetTotal;
  titleRows(
    b,
    `Budget variance — ${a.asOf ? `year to date, as of ${a.asOf}` : "all lines"}`,
    ["Cost variance", cost?.variance ?? null, cost?.status ?? "No data", "Revenue variance", revenue?.variance ?? null, revenue?.status ?? "No data"],
    [undefined, money, undefined, undefined, money],
    [[2, "varianceStatus"], [5, "varianceStatus"]],
    `Positive variance is favourable (under budget for costs, over budget for revenue). On budget within ±${Math.round(rules.budgetTolerance * 1000) / 10}%.`,
  );
  // The stages' spend in the journey view is exactly the cost lines by stage, with their share.
  const costStages = a.stages.filter((st) => st.budget !== null);
  const costTable = b.section("Cost by stage", [
    textColumn<StageView>("Stage", 22, (st) => st.name),
    figureColumn<StageView>("Budget", 12, money, (st) => st.budget),
    figureColumn<StageView>("Actual", 12, money, (st) => st.actual),
    figureColumn<StageView>("Variance", 12, money, (st) => st.variance),
    percentColumn<StageView>("Variance %", 11, (st) => st.variancePct, "variancePct"),
    textColumn<StageView>("Status", 13, (st) => st.spendStatus, "varianceStatus"),
    percentColumn<StageView>("Share of spend", 12, (st) => st.spendShare, "shareBar"),
  ], costStages);
  if (costStages.length) {
    b.sheet.charts.push({
      kind: "column",
      title: "Budget vs actual by stage (cost)",
      categories: costTable.column(0),
      series: [
        { name: "Budget", values: costTable.column(1), color: rules.palette.chart.budget },
        { name: "Actual", values: costTable.column(2), color: rules.palette.chart.actual },
      ],
      valueAxis: { format: money, min: 0, max: null },
      legend: true,
      anchor: { row: costTable.headerRow - 1, col: 10 },
      size: { width: 560, height: 320 },
    });
  }
  const nameColumn = (header: string, chars: number) => textColumn<NamedFigures>(header, chars, (r) => r.name);
  const stageOrder = new Map(a.stages.map((st, i) => [nameKey(st.name), i]));
  const revenueStages = a.budgetByStage
    .filter((st) => st.revenue)
    .sort((x, y) => (stageOrder.get(nameKey(x.name)) ?? 0) - (stageOrder.get(nameKey(y.name)) ?? 0))
    .map((st): NamedFigures => ({ name: st.name, figures: st.revenue }));
  if (revenueStages.length) {
    b.gap();
    b.section("Revenue by stage", [nameColumn("Stage", 22), ...varianceColumns<NamedFigures>(money, (r) => r.figures)], revenueStages);
  }
  b.gap();
  const totals: NamedFigures[] = [
    ...(cost ? [{ name: "Total cost", figures: cost }] : []),
    ...(revenue ? [{ name: "Total revenue", figures: revenue }] : []),
  ];
  b.section("Totals", [nameColumn("Type", 22), ...varianceColumns<NamedFigures>(money, (r) => r.figures)], totals);
  b.gap();

  if (a.budgetByTouchpoint.length) {
    b.section(
      "By touchpoint",
      [nameColumn("Touchpoint", 32), textColumn<NamedFigures>("Type", 9, (r) => r.type ?? ""), ...varianceColumns<NamedFigures>(money, (r) => r.figures)],
      a.budgetByTouchpoint.flatMap(byType),
    );
    b.gap();
  }

  b.section(a.asOf ? "Budget lines (year to date)" : "Budget lines", budgetLineColumns(money, a.asOf), a.budgetLines);
  if (!a.hasJourney) notesSection(b, a);
  return b.sheet;
}

/** A touchpoint's cost and revenue, each on its own row. */
function byType(t: BudgetGroupTotal): NamedFigures[] {
  return [
    ...(t.cost ? [{ name: t.name, type: "Cost", figures: t.cost }] : []),
    ...(t.revenue ? [{ name: t.name, type: "Revenue", figures: t.revenue }] : []),
  ];
}
