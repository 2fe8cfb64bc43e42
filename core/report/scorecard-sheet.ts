/** The Scorecard sheet: perspectives (with their chart), the stage × perspective heat map, groups, KPIs, notes. */
import type { RollUp } from "../compute/rollup";
import type { ScoredKpi } from "../compute/scorecard";
import { PERSPECTIVES } from "../input/journey-table";
import { SheetContext, asOfText, notesSection, rollUpColumns, titleRows } from "./sheet-parts";
import { CellRange, ChartSpec, ReportSheet } from "./model";
import { Column, FORMATS, SheetBuilder, figureColumn, percentColumn, textColumn } from "./sheet-builder";

type HeatRow = { stage: string; cells: RollUp[]; total: RollUp };
type GroupRow = { group: string; rollUp: RollUp };

const KPI_COLUMNS: Column<ScoredKpi>[] = [
  textColumn("Stage", 16, (k) => k.stage),
  textColumn("Touchpoint", 16, (k) => k.touchpoint),
  textColumn("Moment of truth", 10, (k) => (k.momentOfTruth ? "Yes" : "")),
  textColumn("Perspective", 18, (k) => k.perspective ?? ""),
  textColumn("Objective", 24, (k) => k.objective),
  textColumn("KPI", 30, (k) => k.kpi),
  textColumn("Initiative", 24, (k) => k.initiative),
  textColumn("Unit", 7, (k) => k.unit),
  textColumn("Direction", 10, (k) => k.direction),
  figureColumn("Baseline", 10, undefined, (k) => k.baseline),
  figureColumn("Target", 10, undefined, (k) => k.target),
  figureColumn("Target max", 10, undefined, (k) => k.targetMax),
  figureColumn("Actual", 10, undefined, (k) => k.actual),
  percentColumn("Achievement", 12, (k) => k.achievement),
  percentColumn("Score", 12, (k) => k.score, "scoreBar"),
  textColumn("Status", 10, (k) => k.status, "kpiStatus"),
  figureColumn("Trend", 10, FORMATS.trend, (k) => k.trend),
  figureColumn("Weight", 8, undefined, (k) => k.weight),
  textColumn("Owner", 14, (k) => k.owner),
  textColumn("Period", 10, (k) => k.period),
];


export function scorecardSheet({ a, rules, options }: SheetContext): ReportSheet {
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

  if (card.perspectives.length > 0) {
    const perspectives = b.section("Perspectives", [textColumn<RollUp>("Perspective", 22, (r) => r.name), ...rollUpColumns<RollUp>()], card.perspectives);
    b.sheet.charts.push(scoreChart("Score by perspective", perspectives.column(0), perspectives.column(1), perspectives.headerRow - 1, rules));
    b.gap();

    const heatRows: HeatRow[] = card.stagePerspectives.map((row, i) => ({ stage: row.stage, cells: row.cells, total: card.stages[i] }));
    b.section("Stage × perspective", [
      textColumn<HeatRow>("Stage", 22, (r) => r.stage),
      ...PERSPECTIVES.map((p, i) => percentColumn<HeatRow>(p, 14, (r) => r.cells[i].score, "heat")),
      percentColumn<HeatRow>("Stage score", 12, (r) => r.total.score, "scoreBar"),
      textColumn<HeatRow>("Status", 10, (r) => r.total.status, "kpiStatus"),
    ], heatRows);
    b.gap();
  } else {
    // A KPI sheet without perspectives: the stages take their place, and the sheet says why.
    b.note("The KPIs have no perspective, so the scorecard rolls up by stage, touchpoint and objective. Set a default perspective in settings to group them.");
    const stages = b.section("Stages", [textColumn<RollUp>("Stage", 22, (r) => r.name), ...rollUpColumns<RollUp>()], card.stages);
    b.sheet.charts.push(scoreChart("Score by stage", stages.column(0), stages.column(1), stages.headerRow - 1, rules));
    b.gap();
  }

  const groups: GroupRow[] = [
    { group: "Moments of truth", rollUp: { ...card.momentsOfTruth, name: "All moments of truth" } },
    ...card.touchpoints.map((rollUp) => ({ group: "Touchpoint", rollUp })),
    ...card.objectives.map((rollUp) => ({ group: "Objective", rollUp })),
  ];
  b.section("Moments of truth, touchpoints and objectives", [
    textColumn<GroupRow>("Group", 16, (r) => r.group),
    textColumn<GroupRow>("Name", 34, (r) => r.rollUp.name),
    ...rollUpColumns<RollUp>().map((c): Column<GroupRow> => ({ ...c, value: (r) => c.value(r.rollUp) })),
  ], groups);
  b.gap();

  b.section("KPIs", KPI_COLUMNS, card.kpis);

  notesSection(b, a);
  return b.sheet;
}

/** The bar chart of group scores beside a roll-up table. */
function scoreChart(title: string, categories: CellRange, values: CellRange, row: number, rules: SheetContext["rules"]): ChartSpec {
  return {
    kind: "bar",
    title,
    categories,
    series: [{ name: "Score", values, color: rules.palette.chart.score }],
    valueAxis: { format: "0%", min: 0, max: rules.scoreCap },
    legend: false,
    anchor: { row, col: 9 },
    size: { width: 480, height: 280 },
  };
}
