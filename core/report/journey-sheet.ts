/** The Journey View sheet: stages with their spend, touchpoints, and moments of truth at risk. */
import type { StageView, TouchpointView } from "../compute/journey-view";
import { ScoredKpi, riskOf } from "../compute/scorecard";
import { SheetContext, asOfText, titleRows } from "./sheet-parts";
import { ReportSheet } from "./model";
import { Column, FORMATS, SheetBuilder, figureColumn, percentColumn, textColumn } from "./sheet-builder";

type Spend = Pick<StageView, "budget" | "actual" | "variance" | "variancePct" | "spendStatus" | "spendShare" | "costPerOutcome">;

/** Spend beside each stage and touchpoint; none without a Budget table (no empty columns). */
function spendColumns<T extends Spend>(money: string, hasBudget: boolean): Column<T>[] {
  if (!hasBudget) return [];
  return [
    figureColumn("Cost budget", 12, money, (s) => s.budget),
    figureColumn("Cost actual", 12, money, (s) => s.actual),
    figureColumn("Variance", 12, money, (s) => s.variance),
    percentColumn("Variance %", 11, (s) => s.variancePct, "variancePct"),
    textColumn("Spend status", 13, (s) => s.spendStatus, "varianceStatus"),
    percentColumn("Share of spend", 12, (s) => s.spendShare, "shareBar"),
    figureColumn("Cost per outcome", 12, FORMATS.moneyCents, (s) => s.costPerOutcome),
  ];
}

const RISK_COLUMNS: Column<ScoredKpi>[] = [
  textColumn("Stage", 20, (k) => k.stage),
  textColumn("Touchpoint", 20, (k) => k.touchpoint),
  textColumn("KPI", 30, (k) => k.kpi),
  textColumn("Status", 10, (k) => k.status, "kpiStatus"),
  percentColumn("Achievement", 12, (k) => k.achievement),
  figureColumn("Weight", 8, undefined, (k) => k.weight),
  figureColumn("Risk", 8, FORMATS.risk, (k) => riskOf(k)),
  textColumn("Owner", 14, (k) => k.owner),
  textColumn("Initiative", 28, (k) => k.initiative),
];

export function journeySheet({ a, rules, money }: SheetContext): ReportSheet {
  const b = new SheetBuilder("journey", a.settings.sheetNames.journey, rules);
  const card = a.scorecard;
  titleRows(
    b,
    `Customer journey — ${asOfText(a)}`,
    ["Overall score", card.overall.score, card.overall.status, "Moments of truth", card.momentsOfTruth.score, card.momentsOfTruth.status, `${a.momentsAtRisk.length} at risk (Amber or Red)`],
    [undefined, FORMATS.percent, undefined, undefined, FORMATS.percent],
    [[2, "kpiStatus"], [5, "kpiStatus"]],
    a.hasBudget
      ? "Stages in journey order; spend is cost lines only (year to date with periods). Revenue and cost are never summed together."
      : "Stages in journey order. No Budget table was read, so no spend is shown.",
  );
  b.section("Stages", [
    textColumn<StageView>("Stage", 20, (s) => (s.inJourney ? s.name : `${s.name} (budget only)`)),
    percentColumn<StageView>("Score", 12, (s) => s.score, "scoreBar"),
    textColumn<StageView>("Status", 10, (s) => s.status, "kpiStatus"),
    figureColumn<StageView>("KPIs", 7, FORMATS.count, (s) => s.kpis),
    figureColumn<StageView>("Moments of truth", 10, FORMATS.count, (s) => s.momentsOfTruth),
    figureColumn<StageView>("At risk", 8, FORMATS.count, (s) => s.momentsAtRisk),
    ...spendColumns<StageView>(money, a.hasBudget),
    ...(a.hasBudget ? [
      figureColumn<StageView>("Revenue actual", 12, money, (s) => s.revenueActual),
      figureColumn<StageView>("Return on spend", 11, FORMATS.percent, (s) => s.returnOnSpend),
    ] : []),
  ], a.stages);
  b.gap();
  b.section("Touchpoints", [
    textColumn<TouchpointView>("Stage", 20, (t) => t.stage),
    textColumn<TouchpointView>("Touchpoint", 20, (t) => t.touchpoint),
    percentColumn<TouchpointView>("Score", 12, (t) => t.score, "scoreBar"),
    textColumn<TouchpointView>("Status", 10, (t) => t.status, "kpiStatus"),
    figureColumn<TouchpointView>("KPIs", 7, FORMATS.count, (t) => t.kpis),
    ...spendColumns<TouchpointView>(money, a.hasBudget),
  ], a.touchpoints);
  b.gap();
  b.section("Moments of truth at risk (worst first)", RISK_COLUMNS, a.momentsAtRisk);
  return b.sheet;
}
