/**
 * The Journey table (docs/formulas.md §1.1): one row per KPI, optionally per period.
 */
import { z } from "zod";
import { Perspective, PerspectiveSchema, parsePerspective } from "./perspectives";
import { headerWords } from "./header-match";
import type { Direction } from "../compute/scoring";
import { CellValue, SheetBlock, quoteSheet, rowAddress } from "./cells";
import { foldName, groupBy, nameKey } from "../compute/group";
import { JOURNEY_COLUMNS, JourneyColumn } from "./columns";
import { Problem, problem } from "./problems";
import { ParsedRows, TableOptions, parseRows } from "./read-rows";
import { RowReader } from "./row-reader";
import { DirectionSchema, KpiDefinition, definitionProblem, isZeroTarget, kpiAchievement, parseDirection } from "../compute/scoring";

export { PERSPECTIVES, PerspectiveSchema, parsePerspective } from "./perspectives";
export type { Perspective } from "./perspectives";

/** One KPI row as the core works with it. */
export const KpiRowSchema = z.object({
  /** 0-based index among the table's data rows. */
  rowIndex: z.number().int(),
  /** 1-based sheet row, for messages (`Journey!7:7`). */
  sheetRow: z.number().int(),
  stage: z.string().min(1),
  touchpoint: z.string(),
  momentOfTruth: z.boolean(),
  /** null when the sheet has none and settings give no default. */
  perspective: PerspectiveSchema.nullable(),
  objective: z.string(),
  initiative: z.string(),
  kpi: z.string().min(1),
  unit: z.string(),
  direction: DirectionSchema,
  baseline: z.number().nullable(),
  /** null = no target yet: the KPI is counted but not scored (status No target). */
  target: z.number().nullable(),
  targetMax: z.number().nullable(),
  /** null = no data yet. */
  actual: z.number().nullable(),
  weight: z.number().min(0),
  /** null = the settings' KPI tolerance. */
  tolerance: z.number().min(0).max(1).nullable(),
  period: z.string().nullable(),
  owner: z.string(),
});
export type KpiRow = z.infer<typeof KpiRowSchema>;

/** Stage + Touchpoint + Perspective + KPI: what makes a KPI the same KPI across periods. */
export function kpiKey(row: Pick<KpiRow, "stage" | "touchpoint" | "perspective" | "kpi">): string {
  return `${nameKey(row.stage)}\u0000${nameKey(row.touchpoint)}\u0000${row.perspective ?? ""}\u0000${foldName(row.kpi)}`;
}

const MOT_WORDS: Record<string, boolean> = {
  yes: true, y: true, true: true, "1": true, x: true, "✓": true, "✔": true,
  no: false, n: false, false: false, "0": false, "": false,
};

function parseMomentOfTruth(value: CellValue): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (value === null || value === undefined) return false;
  return MOT_WORDS[String(value).trim().toLowerCase()] ?? null;
}

export interface ParsedJourney extends ParsedRows<KpiRow> {
  /** The rows of each KPI (kpiKey), in table order: for the duplicate check and trends. */
  byKpi: Map<string, KpiRow[]>;
}

/** What a KPI row takes when its sheet does not say (settings `defaultPerspective`, `defaultDirection`). */
export interface KpiDefaults {
  perspective: Perspective | null;
  direction: Direction;
}

/** Reads the Journey table; every bad cell becomes a problem, rows never throw. */
export function parseJourneyTable(block: SheetBlock, options: TableOptions, defaults: KpiDefaults = { perspective: null, direction: "higher" }): ParsedJourney {
  const parsed = parseRows("journey", block, JOURNEY_COLUMNS, options, (r, sheetRow) => readKpiRow(r, sheetRow, defaults));
  const byKpi = groupBy(parsed.rows, kpiKey);
  if (!parsed.unreadable) {
    warnDuplicates(byKpi, parsed.problems, parsed.sheet);
    warnHowScored(parsed, byKpi);
    if (!parsed.columnsFound.some((c) => c.column === "Direction") && defaults.direction === "higher") warnLikelyLower(parsed, byKpi);
  }
  return { ...parsed, byKpi };
}

function readKpiRow(r: RowReader<JourneyColumn>, sheetRow: number, defaults: KpiDefaults): KpiRow | null {
  const stage = r.requiredText("stage", "Stage", "the journey stage this KPI belongs to");
  const kpi = r.requiredText("kpi", "KPI", "the KPI's name");
  // No Perspective column: the default, or none. A blank cell in the column: the default, else an error.
  const perspectiveText = r.text("perspective");
  const perspective = perspectiveText ? parsePerspective(perspectiveText) : defaults.perspective;
  const perspectiveMissing = !perspective && (perspectiveText !== "" || r.has("perspective"));
  if (perspectiveMissing) r.fail("perspective", "Perspective", perspectiveText ? "is not a scorecard perspective" : "is blank", "Financial, Customer, Internal process or Learning & growth (or a default perspective in settings)");
  const mot = parseMomentOfTruth(r.raw("momentOfTruth"));
  if (mot === null) r.fail("momentOfTruth", "Moment of truth", "is not yes or no", "yes/no, true/false, 1/0, or x/blank");
  const directionText = r.text("direction");
  const direction = directionText ? parseDirection(directionText) : defaults.direction;
  if (!direction) r.fail("direction", "Direction", "is not a direction", "higher, lower or range (or Higher is better, Lower is better, Within range)");
  const baseline = r.number("baseline", "Baseline", false);
  const target = r.number("target", "Target", false);
  const targetMax = r.number("targetMax", "Target max", false);
  const actual = r.number("actual", "Actual", false);
  const weight = r.number("weight", "Weight", false, "a weight of 0 or more (blank = 1)");
  if (weight !== null && weight < 0) r.fail("weight", "Weight", "is negative", "a weight of 0 or more (blank = 1)");
  const tolerance = r.fraction("tolerance", "Tolerance");
  if (!r.ok) return null;
  const row: KpiRow = {
    rowIndex: r.rowIndex,
    sheetRow,
    stage,
    touchpoint: r.text("touchpoint"),
    momentOfTruth: mot as boolean,
    perspective,
    objective: r.text("objective"),
    initiative: r.text("initiative"),
    kpi,
    unit: r.text("unit"),
    direction: direction!,
    baseline,
    target,
    targetMax,
    actual,
    weight: weight ?? 1,
    tolerance,
    period: null,
    owner: r.text("owner"),
  };
  // The row is its own KPI definition: checked without building another object per row.
  const def = kpiDefinitionOf(row);
  const bad = def && definitionProblem(def);
  if (bad) r.fail(bad.column, labelOf(bad.column), bad.why, bad.expected);
  else if (def && actual !== null && !isZeroTarget(def) && !Number.isFinite(kpiAchievement(actual, def))) {
    r.fail("target", "Target", "is too close to the Baseline to score this Actual", "a Target further from the Baseline (0 when there is none)");
  }
  return r.ok ? row : null;
}

/** The row as a KPI definition, or null when its Target is blank (no target yet). */
export function kpiDefinitionOf(row: KpiRow): KpiDefinition | null {
  return row.target === null ? null : (row as KpiDefinition);
}

function labelOf(key: string): string {
  return JOURNEY_COLUMNS.find((c) => c.key === key)!.label;
}

/**
 * What the report must say about KPIs scored other than by the formula: a sheet without a Target
 * column (a monitoring sheet: every KPI No target), and lower-is-better KPIs aiming at 0 without a
 * Baseline (Green at or below 0, Red above, no achievement). Once per KPI, not per period.
 */
function warnHowScored(parsed: ParsedRows<KpiRow>, byKpi: Map<string, KpiRow[]>): void {
  if (!parsed.columnsFound.some((c) => c.column === "Target")) {
    parsed.problems.push(problem({
      severity: "warning",
      table: "journey",
      cell: quoteSheet(parsed.sheet),
      value: "no Target column",
      expected: "a Target column to score KPIs (or a column mapping in settings); actuals and trends are still shown",
      what: "The Journey table has no Target column, so every KPI is shown as No target",
    }));
    return;
  }
  for (const rows of byKpi.values()) {
    const row = rows.find((r) => {
      const def = kpiDefinitionOf(r);
      return def !== null && isZeroTarget(def);
    });
    if (!row) continue;
    parsed.problems.push(problem({
      severity: "warning",
      table: "journey",
      cell: parsed.cellOf(row.rowIndex, "target"),
      value: "0",
      expected: "a Baseline to score it by the formula; until then it is Green at or below 0 and Red above, with no achievement figure",
      what: `KPI ${JSON.stringify(row.kpi)} is lower-is-better with Target 0 and no Baseline`,
      rowIndex: row.rowIndex,
    }));
  }
}

/** Words in a KPI's name that say less is better: costs, times, churn, defects… */
const LOWER_IS_BETTER_WORDS = [
  "cost", "expense", "spend", "time", "days", "churn", "defect", "complaint", "abandon", "error",
  // Marketing's own names for costs and waits: cost per click, acquisition, lead; customer acquisition cost.
  "cpc", "cpa", "cpl", "cac", "bounce", "wait",
];

/**
 * Without a Direction column every KPI is higher-is-better; one whose name says it is a cost, a
 * time, churn, defects… would come out Green when over plan. Never guessed: a warning, once per KPI.
 */
function warnLikelyLower(parsed: ParsedRows<KpiRow>, byKpi: Map<string, KpiRow[]>): void {
  for (const [row] of byKpi.values()) {
    const word = headerWords(row.kpi).find((w) => LOWER_IS_BETTER_WORDS.some((stem) => w.startsWith(stem)));
    if (!word) continue;
    parsed.problems.push(problem({
      severity: "warning",
      table: "journey",
      cell: parsed.cellOf(row.rowIndex, "kpi"),
      value: JSON.stringify(row.kpi),
      expected: "a Direction column saying lower for it (or the setting defaultDirection); it is scored as higher-is-better",
      what: `KPI ${JSON.stringify(row.kpi)} sounds lower-is-better ("${word}") but the table has no Direction column`,
      rowIndex: row.rowIndex,
    }));
  }
}

/** Same KPI key and period twice: a warning on the later row (both are scored), in table order. */
function warnDuplicates(byKpi: Map<string, KpiRow[]>, problems: Problem[], sheet: string): void {
  const duplicates: [row: KpiRow, earlier: KpiRow][] = [];
  for (const rows of byKpi.values()) {
    if (rows.length < 2) continue;
    const firstOfPeriod = new Map<string | null, KpiRow>();
    for (const row of rows) {
      const earlier = firstOfPeriod.get(row.period);
      if (earlier) duplicates.push([row, earlier]);
      else firstOfPeriod.set(row.period, row);
    }
  }
  duplicates.sort(([a], [b]) => a.rowIndex - b.rowIndex);
  for (const [row, earlier] of duplicates) {
    problems.push(
      problem({
        severity: "warning",
        table: "journey",
        cell: rowAddress(sheet, row.sheetRow),
        value: `${row.stage} / ${row.touchpoint || "-"} / ${row.perspective ?? "-"} / ${row.kpi}${row.period ? ` / ${row.period}` : ""}`,
        expected: `one row per KPI and period (same as row ${earlier.sheetRow}; both are scored)`,
        what: "Duplicate KPI row",
        rowIndex: row.rowIndex,
      }),
    );
  }
}
