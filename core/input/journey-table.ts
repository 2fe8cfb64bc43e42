/**
 * The Journey table (SPEC §1.1): one row per KPI, optionally per period.
 */
import { z } from "zod";
import { CellValue, SheetBlock, quoteSheet } from "./cells";
import { Groups, foldName, groupIndexesByName, itemsOf, nameKey } from "../compute/group";
import { JOURNEY_COLUMNS, JourneyColumn } from "./columns";
import { memoByText } from "./memo";
import { Problem, problem } from "./problems";
import { ParsedTable, TableOptions, parseRows } from "./read-rows";
import { RowReader } from "./row-reader";
import { DirectionSchema, definitionProblem, kpiAchievement, parseDirection } from "../compute/scoring";

export const PERSPECTIVES = ["Financial", "Customer", "Internal process", "Learning & growth"] as const;
export const PerspectiveSchema = z.enum(PERSPECTIVES);
export type Perspective = z.infer<typeof PerspectiveSchema>;

const PERSPECTIVE_WORDS: Record<string, Perspective> = {
  financial: "Financial", finance: "Financial",
  customer: "Customer", customers: "Customer",
  internalprocess: "Internal process", internal: "Internal process", internalprocesses: "Internal process", process: "Internal process", processes: "Internal process",
  "learning&growth": "Learning & growth", learningandgrowth: "Learning & growth", learning: "Learning & growth", growth: "Learning & growth", "l&g": "Learning & growth",
};

export const parsePerspective = memoByText((text: string): Perspective | null => PERSPECTIVE_WORDS[text.toLowerCase().replace(/[\s_\-.]/g, "")] ?? null);

/** One KPI row as the core works with it. */
export const KpiRowSchema = z.object({
  /** 0-based index among the table's data rows. */
  rowIndex: z.number().int(),
  /** 1-based sheet row, for messages (`Journey!7:7`). */
  sheetRow: z.number().int(),
  stage: z.string().min(1),
  touchpoint: z.string(),
  momentOfTruth: z.boolean(),
  perspective: PerspectiveSchema,
  objective: z.string(),
  initiative: z.string(),
  kpi: z.string().min(1),
  unit: z.string(),
  direction: DirectionSchema,
  baseline: z.number().nullable(),
  target: z.number(),
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

/**
 * Stage + Touchpoint + Perspective + KPI: what makes a KPI the same KPI across periods,
 * as one text. Hot paths group by KPI name first and compare the rest (sameKpiOfName).
 */
export function kpiKey(row: Pick<KpiRow, "stage" | "touchpoint" | "perspective" | "kpi">): string {
  return `${nameKey(row.stage)}\u0000${nameKey(row.touchpoint)}\u0000${row.perspective}\u0000${foldName(row.kpi)}`;
}

/** Two rows of the same KPI name (already matched) are the same KPI when the rest of the key matches. */
export function sameKpiOfName(a: KpiRow, b: KpiRow): boolean {
  return a.perspective === b.perspective && nameKey(a.stage) === nameKey(b.stage) && nameKey(a.touchpoint) === nameKey(b.touchpoint);
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

export interface ParsedJourney extends ParsedTable<KpiRow> {
  /** Rows grouped by KPI name (folded), each in table order: shared by the duplicate check and trends. */
  kpiNames: Groups;
}

/** Reads the Journey table; every bad cell becomes a problem, rows never throw. */
export function parseJourneyTable(block: SheetBlock, options: TableOptions): ParsedJourney {
  const parsed = parseRows("journey", block, JOURNEY_COLUMNS, options, readKpiRow);
  const kpiNames = groupIndexesByName(parsed.rows, (r) => r.kpi);
  if (!parsed.unreadable) warnDuplicates(parsed.rows, kpiNames, parsed.problems, parsed.sheet);
  return { ...parsed, kpiNames };
}

function readKpiRow(r: RowReader<JourneyColumn>, sheetRow: number): KpiRow | null {
  const stage = r.requiredText("stage", "Stage", "the journey stage this KPI belongs to");
  const kpi = r.requiredText("kpi", "KPI", "the KPI's name");
  const perspectiveText = r.text("perspective");
  const perspective = parsePerspective(perspectiveText);
  if (!perspective) r.fail("perspective", "Perspective", perspectiveText ? "is not a scorecard perspective" : "is blank", "Financial, Customer, Internal process or Learning & growth");
  const mot = parseMomentOfTruth(r.raw("momentOfTruth"));
  if (mot === null) r.fail("momentOfTruth", "Moment of truth", "is not yes or no", "yes/no, true/false, 1/0, or x/blank");
  const direction = parseDirection(r.text("direction"));
  if (!direction) r.fail("direction", "Direction", "is not a direction", "higher, lower or range (or Higher is better, Lower is better, Within range)");
  const baseline = r.number("baseline", "Baseline", false);
  const target = r.number("target", "Target", true);
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
    perspective: perspective as Perspective,
    objective: r.text("objective"),
    initiative: r.text("initiative"),
    kpi,
    unit: r.text("unit"),
    direction: direction!,
    baseline,
    target: target as number,
    targetMax,
    actual,
    weight: weight ?? 1,
    tolerance,
    period: null,
    owner: r.text("owner"),
  };
  // The row is its own KPI definition: checked without building another object per row.
  const bad = definitionProblem(row);
  if (bad) r.fail(bad.column, labelOf(bad.column), bad.why, bad.expected);
  else if (actual !== null && !Number.isFinite(kpiAchievement(actual, row))) {
    r.fail("target", "Target", "is too close to the Baseline to score this Actual", "a Target further from the Baseline (0 when there is none)");
  }
  return r.ok ? row : null;
}

function labelOf(key: string): string {
  return JOURNEY_COLUMNS.find((c) => c.key === key)!.label;
}

/** `Journey!7:7`: a whole row, for messages about rows. */
export function rowAddress(sheet: string, sheetRow: number): string {
  return `${quoteSheet(sheet)}!${sheetRow}:${sheetRow}`;
}

/** Same KPI key and period twice: a warning on the later row (both are scored). */
function warnDuplicates(rows: KpiRow[], kpiNames: Groups, problems: Problem[], sheet: string): void {
  const warn = (row: KpiRow, earlier: KpiRow) =>
    problems.push(
      problem({
        severity: "warning",
        table: "journey",
        cell: rowAddress(sheet, row.sheetRow),
        value: `${row.stage} / ${row.touchpoint || "-"} / ${row.perspective} / ${row.kpi}${row.period ? ` / ${row.period}` : ""}`,
        expected: `one row per KPI and period (same as row ${earlier.sheetRow}; both are scored)`,
        what: "Duplicate KPI row",
        rowIndex: row.rowIndex,
      }),
    );
  // Group by KPI name first (cheap); within a group, compare rows pairwise (a group is
  // usually one KPI over its periods), or through a keyed map when it is large. Pairs are
  // compared in place: 33k KPIs would otherwise make 33k short-lived lists.
  const { starts, members } = kpiNames;
  for (let g = 0; g < kpiNames.count; g++) {
    const from = starts[g];
    const to = starts[g + 1];
    if (to - from < 2) continue;
    if (to - from > 32) {
      keyedDuplicates(itemsOf(kpiNames, g, rows), warn);
      continue;
    }
    for (let m = from + 1; m < to; m++) {
      const row = rows[members[m]];
      for (let e = from; e < m; e++) {
        const earlier = rows[members[e]];
        if (earlier.period === row.period && sameKpiOfName(earlier, row)) {
          warn(row, earlier);
          break;
        }
      }
    }
  }
}

/** Each duplicate row with the first row it repeats, through a map of keys. */
function keyedDuplicates(list: KpiRow[], warn: (row: KpiRow, earlier: KpiRow) => void): void {
  const first = new Map<string, KpiRow>();
  for (const row of list) {
    const key = `${kpiKey(row)}\u0000${row.period ?? ""}`;
    const earlier = first.get(key);
    if (earlier) warn(row, earlier);
    else first.set(key, row);
  }
}
