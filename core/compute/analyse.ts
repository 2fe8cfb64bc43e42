/**
 * From the tables a host read to every figure of the report: parse, validate, score,
 * budget, journey view. Pure; never throws on cell content.
 */
import { FoundTable } from "../input/cells";
import { BudgetGroupTotal, BudgetLine, buildBudgetLines, groupBudget } from "./budget-lines";
import { BudgetRow, parseBudgetTable } from "../input/budget-table";
import { nameKey } from "./group";
import { KpiRow, ParsedJourney, parseJourneyTable } from "../input/journey-table";
import { ParsedRows, TableOptions } from "../input/read-rows";
import { ColumnsFound } from "../input/header-match";
export type { ColumnsFound } from "../input/header-match";
import { ActualRow, applyActuals, parseActualsTable } from "../input/actuals-table";
import { buildJourneyView, StageView, TouchpointView } from "./journey-view";
import { orderPeriods, parsePeriod } from "../input/periods";
import { Problem, hasErrors, problem, sortProblems } from "../input/problems";
import { Scorecard, ScoredKpi, buildScorecard, momentsAtRisk } from "./scorecard";
import { Settings } from "../input/settings";

export interface AnalysisInput {
  journey?: FoundTable | null;
  budget?: FoundTable | null;
  /** Actuals kept apart from the budget, matched to its lines. */
  actuals?: FoundTable | null;
}

/** How each table the host found was found (`sheet "Journey"`, `file budget.csv`), in table order. */
export function tablesFoundAs(input: AnalysisInput): string[] {
  return [input.journey, input.budget, input.actuals].flatMap((t) => (t?.foundAs ? [t.foundAs] : []));
}

export interface Analysis {
  asOf: string | null;
  periods: string[];
  settings: Settings;
  scorecard: Scorecard;
  momentsAtRisk: ScoredKpi[];
  budgetLines: BudgetLine[];
  budgetByStage: BudgetGroupTotal[];
  budgetByTouchpoint: BudgetGroupTotal[];
  /** All cost lines, all revenue lines: the totals (never one sum of both). */
  budgetTotal: BudgetGroupTotal;
  /** A Journey table was read: the Scorecard and the Journey View are made. */
  hasJourney: boolean;
  /** A Budget table was read: the Budget Variance is made, and spend shows in the Journey View. */
  hasBudget: boolean;
  stages: StageView[];
  touchpoints: TouchpointView[];
  /** Warnings, plus the errors of rows that were skipped (skip-invalid-rows). */
  problems: Problem[];
  /** Errors of the rows left out, when skipping invalid rows. */
  skipped: Problem[];
  /** How the columns of each table were found. */
  columns: ColumnsFound;
}

export interface AnalysisOutcome {
  /** null when an error stops the report (nothing is written). */
  analysis: Analysis | null;
  problems: Problem[];
  columns: ColumnsFound;
}

const NO_ROWS: ParsedRows<never> = { rows: [], periods: [], problems: [], unreadable: false, cellOf: () => null, sheet: "", columnsFound: [] };

export function analyse(input: AnalysisInput, settings: Settings, settingsProblems: Problem[] = []): AnalysisOutcome {
  const problems: Problem[] = [...settingsProblems];
  // How a table is read: the number and date settings, its column mapping, whether to locate it.
  const optionsFor = (table: FoundTable, kind: keyof Settings["columnMapping"]): TableOptions => ({
    decimalComma: settings.decimalComma, dateOrder: settings.dateOrder, mapping: settings.columnMapping[kind], locate: table.locate,
  });
  const columns: ColumnsFound = { journey: [], budget: [], actuals: [] };
  const stop = (): AnalysisOutcome => ({ analysis: null, problems: sortProblems(problems), columns });
  if (!input.journey && !input.budget) {
    problems.push(problem({
      table: "journey", cell: null, value: "nothing",
      expected: `an Excel table or named range "${settings.tableNames.journey}" or "${settings.tableNames.budget}", a sheet of that name, or a selected range with headers`,
      what: "No Journey or Budget table was found",
    }));
    return stop();
  }
  // Either table alone gives its report: a budget alone its variance, KPIs alone the scorecard.
  const journey: ParsedJourney = input.journey
    ? parseJourneyTable(input.journey.block, optionsFor(input.journey, "journey"), { perspective: settings.defaultPerspective, direction: settings.defaultDirection })
    : { ...NO_ROWS, byKpi: new Map() } as ParsedJourney;
  const actualsTable = input.budget ? input.actuals : null;
  let budget: ParsedRows<BudgetRow> = input.budget
    ? parseBudgetTable(input.budget.block, optionsFor(input.budget, "budget"), !!actualsTable)
    : (NO_ROWS as ParsedRows<BudgetRow>);
  const actuals: ParsedRows<ActualRow> = actualsTable
    ? parseActualsTable(actualsTable.block, optionsFor(actualsTable, "actuals"))
    : (NO_ROWS as ParsedRows<ActualRow>);
  columns.journey = journey.columnsFound;
  columns.budget = budget.columnsFound;
  columns.actuals = actuals.columnsFound;
  problems.push(...journey.problems, ...budget.problems, ...actuals.problems);
  if (input.actuals && !input.budget) {
    problems.push(problem({
      severity: "warning", table: "actuals", cell: null, value: "no Budget table",
      expected: "a Budget table to match the actuals to; they are left out", what: "An Actuals table was found but no Budget table",
    }));
  }
  const blocked = journey.unreadable || budget.unreadable || actuals.unreadable || (hasErrors(problems) && !settings.skipInvalidRows);
  if (blocked) return stop();
  if (actualsTable) budget = { ...budget, rows: applyActuals(budget, actuals, problems) };
  if (input.journey && journey.rows.length === 0) {
    problems.push(problem({
      table: "journey", cell: null, value: "no valid rows", expected: "at least one valid KPI row",
      what: "Every row of the Journey table has errors",
    }));
    return stop();
  }
  if (input.budget && budget.rows.length === 0) {
    problems.push(problem({
      table: "budget", cell: null, value: "no valid rows", expected: "at least one valid budget line",
      what: "Every row of the Budget table has errors",
    }));
    return stop();
  }

  const periods = orderPeriods([...journey.periods, ...budget.periods]);
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const asOf = chooseAsOf(periods, periodIndex, journey.rows, budget.rows, settings, problems);
  if (asOf === undefined) return stop();

  const scorecard = buildScorecard(journey.rows, journey.byKpi, asOf, periodIndex, settings, problems);
  const lines = buildBudgetLines(budget.rows, {
    asOf,
    periodIndex,
    totalPeriods: budget.periods.length,
    settings,
  });
  // Lines grouped once, by stage and by touchpoint: the budget tables and the journey view share them.
  const budgetGroups = groupBudget(lines, settings.budgetTolerance);
  const budgetTotal = budgetGroups.all.totals;
  const view = buildJourneyView(scorecard, {
    byStage: budgetGroups.byStage,
    byTouchpoint: budgetGroups.byTouchpoint,
    totalCostActual: budgetTotal.cost?.actual ?? null,
  });
  if (input.journey) warnBudgetOnlyStages(view.budgetOnlyStages, budget, scorecard.stageOrder, problems);
  const errors = problems.filter((p) => p.severity === "error");
  return {
    analysis: {
      asOf,
      periods,
      settings,
      scorecard,
      momentsAtRisk: momentsAtRisk(scorecard.kpis),
      budgetLines: lines,
      budgetByStage: budgetGroups.byStage.map((g) => g.totals),
      budgetByTouchpoint: budgetGroups.byTouchpoint.map((g) => g.totals),
      budgetTotal,
      hasJourney: input.journey != null,
      hasBudget: lines.length > 0,
      stages: view.stages,
      touchpoints: view.touchpoints,
      problems: sortProblems(problems),
      skipped: errors,
      columns,
    },
    problems: sortProblems(problems),
    columns,
  };
}

/**
 * The as-of period: the setting when given (it must be a period of the tables), else the
 * latest period with at least one actual in either table. null without periods;
 * undefined when the setting names no known period (an error was recorded).
 */
function chooseAsOf(
  periods: string[],
  periodIndex: Map<string, number>,
  kpis: KpiRow[],
  lines: BudgetRow[],
  settings: Settings,
  problems: Problem[],
): string | null | undefined {
  if (periods.length === 0) return null;
  if (settings.asOfPeriod) {
    const wanted = parsePeriod(settings.asOfPeriod, settings.dateOrder)?.label ?? settings.asOfPeriod;
    if (periodIndex.has(wanted)) return wanted;
    problems.push(problem({
      table: "settings", cell: null, value: JSON.stringify(settings.asOfPeriod),
      expected: `one of the periods in the tables: ${periods.join(", ")}`,
      what: `The as-of period ${JSON.stringify(settings.asOfPeriod)} is not in the tables`,
    }));
    return undefined;
  }
  let latest = -1;
  for (const r of kpis) if (r.actual !== null && r.period !== null) latest = Math.max(latest, periodIndex.get(r.period!)!);
  for (const r of lines) if (r.actual !== null && r.period !== null) latest = Math.max(latest, periodIndex.get(r.period!)!);
  return periods[latest >= 0 ? latest : periods.length - 1];
}

function warnBudgetOnlyStages(stages: string[], budget: ParsedRows<BudgetRow>, journeyStages: string[], problems: Problem[]): void {
  for (const stage of stages) {
    const first = budget.rows.find((r) => nameKey(r.stage) === nameKey(stage))!;
    problems.push(problem({
      severity: "warning",
      table: "budget",
      cell: budget.cellOf(first.rowIndex, "stage"),
      value: JSON.stringify(stage),
      expected: `a stage of the Journey table (${journeyStages.join(", ")}); it is shown after them`,
      what: `Stage ${JSON.stringify(stage)} is not in the Journey table`,
      rowIndex: first.rowIndex,
    }));
  }
}
