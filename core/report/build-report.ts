/**
 * Builds the three report sheets (Scorecard, Budget Variance, Journey View) from an analysis.
 */
import { Analysis } from "../compute/analyse";
import { BudgetLine, VarianceFigures } from "../compute/budget-lines";
import { nameKey } from "../compute/group";
import { PERSPECTIVES } from "../input/journey-table";
import { PALETTES } from "./palette";
import { ReportModel, ReportSheet, ReportValue } from "./model";
import { RollUp } from "../compute/rollup";
import { riskOf } from "../compute/scorecard";
import { ColumnDef, ColumnKind, FORMATS, RuleContext, SheetBuilder, rowsOf } from "./sheet-builder";

export interface ReportOptions {
  /** Number format for money, taken from the input's Budget cells (e.g. `"$"#,##0`); default `#,##0`. */
  moneyFormat?: string;
  /** When the report was made, shown under the title (hosts pass their clock; tests a fixed one). */
  generatedAt?: string;
}

const TITLE = { bold: true, fontSize: 16 } as const;
const SUBTITLE = { italic: true, fontColor: "#595959" } as const;

export function buildReport(a: Analysis, options: ReportOptions = {}): ReportModel {
  const s = a.settings;
  const rules: RuleContext = {
    palette: PALETTES[s.palette],
    scoreCap: s.scoreCap,
    kpiTolerance: s.kpiTolerance,
    budgetTolerance: s.budgetTolerance,
  };
  const money = options.moneyFormat ?? FORMATS.money;
  return {
    asOf: a.asOf,
    sheets: [scorecardSheet(a, rules, options), budgetSheet(a, rules, money), journeySheet(a, rules, money)],
  };
}

function asOfText(a: Analysis): string {
  return a.asOf ? `as of ${a.asOf}` : "all rows (no periods)";
}

function pct(kind: ColumnKind = "number"): Pick<ColumnDef, "format" | "kind"> {
  return { format: FORMATS.percent, kind };
}

const GROUP_COLUMNS: ColumnDef[] = [
  { header: "Score", ...pct("scoreBar"), width: 12 },
  { header: "Status", kind: "kpiStatus", width: 10 },
  { header: "KPIs", format: FORMATS.count, width: 7 },
  { header: "With data", format: FORMATS.count, width: 10 },
  { header: "Red", format: FORMATS.count, width: 6 },
  { header: "Amber", format: FORMATS.count, width: 8 },
];

function groupCells(r: RollUp): ReportValue[] {
  return [r.score, r.status, r.kpis, r.withData, r.red, r.amber];
}

function titleRows(b: SheetBuilder, title: string, summary: ReportValue[], summaryFormats: (string | undefined)[], statusCols: [number, ColumnKind][], note: string): void {
  b.line([title], TITLE);
  const row = b.line(summary, { bold: true }, summaryFormats);
  for (const [col, kind] of statusCols) b.sheet.conditionalFormats.push(...b.rulesFor(kind, { row, col, rows: 1, cols: 1 }));
  b.line([note], SUBTITLE);
  b.sheet.frozenRows = 2;
  b.gap();
}

function scorecardSheet(a: Analysis, rules: RuleContext, options: ReportOptions): ReportSheet {
  const card = a.scorecard;
  const b = new SheetBuilder("scorecard", a.settings.sheetNames.scorecard, rules);
  titleRows(
    b,
    `Balanced scorecard — ${asOfText(a)}`,
    ["Overall score", card.overall.score, card.overall.status, `${card.overall.kpis} KPIs, ${card.overall.withData} with data`],
    [undefined, FORMATS.percent],
    [[2, "kpiStatus"]],
    `Made by journey-scorecard${options.generatedAt ? ` on ${options.generatedAt}` : ""}. Score = achievement capped at ${Math.round(rules.scoreCap * 100)}%; Amber within ${Math.round(rules.kpiTolerance * 100)}% of target.`,
  );

  const perspectives = b.table("Perspectives", [{ header: "Perspective", width: 22 }, ...GROUP_COLUMNS], card.perspectives.map((r) => [r.name, ...groupCells(r)]));
  b.sheet.charts.push({
    kind: "bar",
    title: "Score by perspective",
    categories: perspectives.column(0),
    series: [{ name: "Score", values: perspectives.column(1) }],
    anchor: { row: perspectives.headerRow - 1, col: 9 },
    size: { rows: 14, cols: 7 },
    valueFormat: "0%",
  });
  b.gap();

  b.table(
    "Stage × perspective",
    [
      { header: "Stage", width: 22 },
      ...PERSPECTIVES.map((p): ColumnDef => ({ header: p, ...pct("heat"), width: 14 })),
      { header: "Stage score", ...pct("scoreBar"), width: 12 },
      { header: "Status", kind: "kpiStatus", width: 10 },
    ],
    card.stagePerspectives.map((row, i) => [row.stage, ...row.cells.map((c) => c.score), card.stages[i].score, card.stages[i].status]),
  );
  b.gap();

  const groups: ReportValue[][] = [
    ["Moments of truth", "All moments of truth", ...groupCells(card.momentsOfTruth)],
    ...card.touchpoints.map((r) => ["Touchpoint", r.name, ...groupCells(r)]),
    ...card.objectives.map((r) => ["Objective", r.name, ...groupCells(r)]),
  ];
  b.table("Moments of truth, touchpoints and objectives", [{ header: "Group", width: 16 }, { header: "Name", width: 34 }, ...GROUP_COLUMNS], groups);
  b.gap();

  b.table(
    "KPIs",
    [
      { header: "Stage", width: 16 },
      { header: "Touchpoint", width: 16 },
      { header: "Moment of truth", width: 10 },
      { header: "Perspective", width: 18 },
      { header: "Objective", width: 24 },
      { header: "KPI", width: 30 },
      { header: "Initiative", width: 24 },
      { header: "Unit", width: 7 },
      { header: "Direction", width: 10 },
      { header: "Baseline", width: 10 },
      { header: "Target", width: 10 },
      { header: "Target max", width: 10 },
      { header: "Actual", width: 10 },
      { header: "Achievement", ...pct(), width: 12 },
      { header: "Score", ...pct("scoreBar"), width: 12 },
      { header: "Status", kind: "kpiStatus", width: 10 },
      { header: "Trend", format: FORMATS.trend, width: 10 },
      { header: "Weight", width: 8 },
      { header: "Owner", width: 14 },
      { header: "Period", width: 10 },
    ],
    rowsOf(card.kpis, (k) => [
      k.stage, k.touchpoint, k.momentOfTruth ? "Yes" : "", k.perspective, k.objective, k.kpi, k.initiative, k.unit,
      k.direction, k.baseline, k.target, k.targetMax, k.actual, k.achievement, k.score, k.status, k.trend, k.weight, k.owner, k.period,
    ]),
  );

  const notes = a.problems.filter((p) => p.table !== "report");
  if (notes.length) {
    b.gap();
    b.table(
      a.skipped.length ? `Notes (${a.skipped.length} problem${a.skipped.length > 1 ? "s" : ""} in skipped rows)` : "Notes",
      [{ header: "Severity", width: 10 }, { header: "Cell", width: 16 }, { header: "Message", width: 90 }],
      notes.map((p) => [p.severity === "error" ? "Skipped row" : "Warning", p.cell ?? "", p.message]),
    );
  }
  return b.sheet;
}

const VARIANCE_COLUMNS = (money: string): ColumnDef[] => [
  { header: "Budget", format: money, width: 12 },
  { header: "Actual", format: money, width: 12 },
  { header: "Variance", format: money, width: 12 },
  { header: "Variance %", ...pct("variancePct"), width: 11 },
  { header: "Status", kind: "varianceStatus", width: 13 },
];

function varianceCells(f: VarianceFigures | null): ReportValue[] {
  return f ? [f.budget, f.actual, f.variance, f.variancePct, f.status] : [null, null, null, null, "No data"];
}

function budgetSheet(a: Analysis, rules: RuleContext, money: string): ReportSheet {
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
  if (!a.hasBudget) {
    b.line(["No Budget table was found: add a table or sheet named Budget to see budget variance."], { italic: true });
    return b.sheet;
  }
  // The stages' spend in the journey view is exactly the cost lines by stage, with their share.
  const costStages = a.stages.filter((st) => st.budget !== null);
  const costTable = b.table(
    "Cost by stage",
    [{ header: "Stage", width: 22 }, ...VARIANCE_COLUMNS(money), { header: "Share of spend", ...pct("shareBar"), width: 12 }],
    costStages.map((st) => [st.name, st.budget, st.actual, st.variance, st.variancePct, st.spendStatus, st.spendShare]),
  );
  if (costStages.length) {
    b.sheet.charts.push({
      kind: "column",
      title: "Budget vs actual by stage (cost)",
      categories: costTable.column(0),
      series: [{ name: "Budget", values: costTable.column(1) }, { name: "Actual", values: costTable.column(2) }],
      anchor: { row: costTable.headerRow - 1, col: 10 },
      size: { rows: 16, cols: 8 },
      valueFormat: money,
    });
  }
  const stageOrder = new Map(a.stages.map((st, i) => [nameKey(st.name), i]));
  const revenueStages = a.budgetByStage
    .filter((st) => st.revenue)
    .sort((x, y) => (stageOrder.get(nameKey(x.name)) ?? 0) - (stageOrder.get(nameKey(y.name)) ?? 0));
  if (revenueStages.length) {
    b.gap();
    b.table("Revenue by stage", [{ header: "Stage", width: 22 }, ...VARIANCE_COLUMNS(money)], revenueStages.map((s) => [s.name, ...varianceCells(s.revenue)]));
  }
  b.gap();
  b.table(
    "Totals",
    [{ header: "Type", width: 22 }, ...VARIANCE_COLUMNS(money)],
    [
      ...(cost ? [["Total cost", ...varianceCells(cost)]] : []),
      ...(revenue ? [["Total revenue", ...varianceCells(revenue)]] : []),
    ],
  );
  b.gap();

  if (a.budgetByTouchpoint.length) {
    b.table(
      "By touchpoint",
      [{ header: "Touchpoint", width: 32 }, { header: "Type", width: 9 }, ...VARIANCE_COLUMNS(money)],
      a.budgetByTouchpoint.flatMap((t) => [
        ...(t.cost ? [[t.name, "Cost", ...varianceCells(t.cost)]] : []),
        ...(t.revenue ? [[t.name, "Revenue", ...varianceCells(t.revenue)]] : []),
      ]),
    );
    b.gap();
  }

  const periodCols: ColumnDef[] = a.asOf
    ? [
        { header: `${a.asOf} budget`, format: money, width: 12 },
        { header: `${a.asOf} actual`, format: money, width: 12 },
        { header: `${a.asOf} variance`, format: money, width: 12 },
        { header: `${a.asOf} variance %`, ...pct("variancePct"), width: 11 },
      ]
    : [];
  b.table(
    a.asOf ? "Budget lines (year to date)" : "Budget lines",
    [
      { header: "Stage", width: 16 },
      { header: "Touchpoint", width: 16 },
      { header: "Line item", width: 24 },
      { header: "Type", width: 9 },
      ...VARIANCE_COLUMNS(money),
      ...periodCols,
      { header: "Budget volume", format: FORMATS.count, width: 11 },
      { header: "Actual volume", format: FORMATS.count, width: 11 },
      { header: "Flexed budget", format: money, width: 12 },
      { header: "Volume variance", format: money, width: 12 },
      { header: "Spending variance", format: money, width: 12 },
      { header: "Cost per outcome", format: FORMATS.moneyCents, width: 12 },
      { header: "Budget cost per outcome", format: FORMATS.moneyCents, width: 13 },
      { header: "Full budget", format: money, width: 12 },
      { header: "Forecast", format: money, width: 12 },
      { header: "Forecast variance", format: money, width: 12 },
      { header: "Forecast variance %", ...pct("variancePct"), width: 11 },
      { header: "Forecast basis", width: 16 },
    ],
    rowsOf(a.budgetLines, (l) => budgetLineCells(l, a.asOf !== null)),
  );
  return b.sheet;
}

/**
 * One row of the budget lines table, with the as-of period's four columns when there are
 * periods. Built as one array literal (a spread in the middle made each of 100k rows
 * several times larger while it was built).
 */
function budgetLineCells(l: BudgetLine, withPeriod: boolean): ReportValue[] {
  const p = l.period;
  const cells: ReportValue[] = [
    l.stage, l.touchpoint, l.lineItem, l.type === "cost" ? "Cost" : "Revenue",
    l.budget, l.actual, l.variance, l.variancePct, l.status,
    p?.budget ?? null, p?.actual ?? null, p?.variance ?? null, p?.variancePct ?? null,
    l.budgetVolume, l.actualVolume, l.flexedBudget, l.volumeVariance, l.spendingVariance,
    l.costPerOutcome, l.budgetCostPerOutcome, l.fullBudget, l.forecast, l.forecastVariance, l.forecastVariancePct, l.forecastSource ?? "",
  ];
  if (!withPeriod) cells.splice(9, 4); // the four period cells after Status
  return cells;
}

function journeySheet(a: Analysis, rules: RuleContext, money: string): ReportSheet {
  const b = new SheetBuilder("journey", a.settings.sheetNames.journey, rules);
  const card = a.scorecard;
  titleRows(
    b,
    `Customer journey — ${asOfText(a)}`,
    ["Overall score", card.overall.score, card.overall.status, "Moments of truth", card.momentsOfTruth.score, card.momentsOfTruth.status, `${a.momentsAtRisk.length} at risk (Amber or Red)`],
    [undefined, FORMATS.percent, undefined, undefined, FORMATS.percent],
    [[2, "kpiStatus"], [5, "kpiStatus"]],
    "Stages in journey order; spend is cost lines only (year to date with periods). Revenue and cost are never summed together.",
  );
  const spendColumns: ColumnDef[] = [
    { header: "Cost budget", format: money, width: 12 },
    { header: "Cost actual", format: money, width: 12 },
    { header: "Variance", format: money, width: 12 },
    { header: "Variance %", ...pct("variancePct"), width: 11 },
    { header: "Spend status", kind: "varianceStatus", width: 13 },
    { header: "Share of spend", ...pct("shareBar"), width: 12 },
    { header: "Cost per outcome", format: FORMATS.moneyCents, width: 12 },
  ];
  b.table(
    "Stages",
    [
      { header: "Stage", width: 20 },
      { header: "Score", ...pct("scoreBar"), width: 12 },
      { header: "Status", kind: "kpiStatus", width: 10 },
      { header: "KPIs", format: FORMATS.count, width: 7 },
      { header: "Moments of truth", format: FORMATS.count, width: 10 },
      { header: "At risk", format: FORMATS.count, width: 8 },
      ...spendColumns,
      { header: "Revenue actual", format: money, width: 12 },
      { header: "Return on spend", format: FORMATS.percent, width: 11 },
    ],
    a.stages.map((s) => [
      s.inJourney ? s.name : `${s.name} (budget only)`, s.score, s.status, s.kpis, s.momentsOfTruth, s.momentsAtRisk,
      s.budget, s.actual, s.variance, s.variancePct, s.spendStatus, s.spendShare, s.costPerOutcome, s.revenueActual, s.returnOnSpend,
    ]),
  );
  b.gap();
  b.table(
    "Touchpoints",
    [
      { header: "Stage", width: 20 },
      { header: "Touchpoint", width: 20 },
      { header: "Score", ...pct("scoreBar"), width: 12 },
      { header: "Status", kind: "kpiStatus", width: 10 },
      { header: "KPIs", format: FORMATS.count, width: 7 },
      ...spendColumns,
    ],
    a.touchpoints.map((t) => [
      t.stage, t.touchpoint, t.score, t.status, t.kpis, t.budget, t.actual, t.variance, t.variancePct, t.spendStatus, t.spendShare, t.costPerOutcome,
    ]),
  );
  b.gap();
  b.table(
    "Moments of truth at risk (worst first)",
    [
      { header: "Stage", width: 20 },
      { header: "Touchpoint", width: 20 },
      { header: "KPI", width: 30 },
      { header: "Status", kind: "kpiStatus", width: 10 },
      { header: "Achievement", ...pct(), width: 12 },
      { header: "Weight", width: 8 },
      { header: "Risk", format: "0.00", width: 8 },
      { header: "Owner", width: 14 },
      { header: "Initiative", width: 28 },
    ],
    a.momentsAtRisk.map((k) => [
      k.stage, k.touchpoint, k.kpi, k.status, k.achievement, k.weight, riskOf(k), k.owner, k.initiative,
    ]),
  );
  return b.sheet;
}
