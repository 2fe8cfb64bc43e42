/**
 * Settings (docs/formulas.md §5), kept in the document by each host. A bad stored value falls back to
 * its default with a warning, never a crash.
 */
import { z } from "zod";
import { Problem, problem } from "./problems";
import { PERSPECTIVES } from "./perspectives";
import { DateOrderSchema } from "./periods";
import { DirectionSchema } from "../compute/scoring";

const share = z.number().min(0).max(1);

/** What a settings form shows for a field (zod `.meta`, carried into the JSON Schema). */
interface FieldMeta {
  title: string;
  description: string;
  /** `percent`: a share 0–1 shown and typed as a percentage. */
  unit?: "percent";
  /** Labels of enum values, by value. */
  choiceLabels?: Record<string, string>;
}
const meta = (m: FieldMeta) => m as unknown as Record<string, unknown>;

export const SettingsSchema = z.object({
  kpiTolerance: share.default(0.1).meta(meta({
    title: "KPI tolerance", unit: "percent",
    description: "A KPI is Amber when its achievement is within this much of its target (Amber when achievement ≥ 1 − tolerance).",
  })),
  budgetTolerance: share.default(0.05).meta(meta({
    title: "Budget tolerance", unit: "percent",
    description: "A budget line is On budget when its variance is within this share of its budget.",
  })),
  scoreCap: z.number().min(0.1).max(10).default(1).meta(meta({
    title: "Score cap", unit: "percent",
    description: "The highest score a KPI can get, however far it beats its target (100% = no extra credit).",
  })),
  asOfPeriod: z.string().min(1).nullable().default(null).meta(meta({
    title: "As-of period",
    description: "The period to report on, such as 2026-03 or 2026-Q1. Blank: the latest period with an actual.",
  })),
  forecastMethod: z.enum(["remaining-budget", "run-rate"]).default("remaining-budget").meta(meta({
    title: "Forecast method",
    description: "Full-period forecast of a line without a Forecast: actual to date plus the remaining budget, or the run rate of the actual to date.",
    choiceLabels: { "remaining-budget": "Actual + remaining budget", "run-rate": "Run rate" },
  })),
  defaultPerspective: z.enum(PERSPECTIVES).nullable().default(null).meta(meta({
    title: "Default perspective",
    description: "The perspective of KPIs whose sheet has no Perspective column (or a blank one). None: the scorecard rolls up by stage, touchpoint and objective.",
  })),
  defaultDirection: DirectionSchema.default("higher").meta(meta({
    title: "Default direction",
    description: "Whether a KPI without a Direction is better higher or lower (or within a range).",
    choiceLabels: { higher: "Higher is better", lower: "Lower is better", range: "Within range" },
  })),
  dateOrder: DateOrderSchema.nullable().default(null).meta(meta({
    title: "Date order",
    description: "How dates typed as text are read when the data cannot tell (no day above 12): 03/04/2026 as 3 April (day-first) or March 4 (month-first).",
    choiceLabels: { "day-first": "Day first (15/03/2026)", "month-first": "Month first (03/15/2026)" },
  })),
  decimalComma: z.boolean().default(false).meta(meta({
    title: "Decimal comma",
    description: "Read numbers typed as text the European way: 3.400,50 is three thousand four hundred and a half.",
  })),
  skipInvalidRows: z.boolean().default(false).meta(meta({
    title: "Skip invalid rows",
    description: "Report on the valid rows and list the skipped ones, instead of stopping at the first table with errors.",
  })),
  sheetNames: z
    .object({
      scorecard: z.string().min(1).max(31).default("Scorecard").meta(meta({ title: "Scorecard sheet", description: "Name of the balanced scorecard sheet." })),
      budget: z.string().min(1).max(31).default("Budget Variance").meta(meta({ title: "Budget sheet", description: "Name of the budget variance sheet." })),
      journey: z.string().min(1).max(31).default("Journey View").meta(meta({ title: "Journey sheet", description: "Name of the journey view sheet." })),
    })
    .default({ scorecard: "Scorecard", budget: "Budget Variance", journey: "Journey View" })
    .meta(meta({ title: "Report sheet names", description: "The names of the three report sheets." })),
  tableNames: z
    .object({
      journey: z.string().min(1).default("Journey").meta(meta({ title: "Journey table", description: "The table, named range or sheet holding your KPIs." })),
      budget: z.string().min(1).default("Budget").meta(meta({ title: "Budget table", description: "The table, named range or sheet holding your budget lines." })),
      actuals: z.string().min(1).default("Actuals").meta(meta({ title: "Actuals table", description: "The table, named range or sheet holding actuals kept apart from the budget (optional)." })),
    })
    .default({ journey: "Journey", budget: "Budget", actuals: "Actuals" })
    .meta(meta({ title: "Input table names", description: "Where your tables are found." })),
  /** The user's own header → our column name, e.g. `{"Wave": "Period"}`. */
  columnMapping: z
    .object({
      journey: z.record(z.string(), z.string()).default({}),
      budget: z.record(z.string(), z.string()).default({}),
      actuals: z.record(z.string(), z.string()).default({}),
    })
    .default({ journey: {}, budget: {}, actuals: {} })
    .meta(meta({ title: "Column mapping", description: "Your own headers mapped to ours, such as Wave → Period, for each table." })),
  palette: z.enum(["standard", "colour-blind"]).default("standard").meta(meta({
    title: "Colours",
    description: "Colour-blind safe swaps red and green for orange and blue.",
    choiceLabels: { standard: "Standard", "colour-blind": "Colour-blind safe" },
  })),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Where hosts keep the settings in the document (Excel workbook settings, Sheets document properties), as JSON. */
export const SETTINGS_KEY = "journey-scorecard.settings";

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;

/**
 * Reads stored settings: every valid field is kept, every invalid one falls back to its
 * default with a warning naming the field and the value.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push(settingsWarning("settings", raw, "an object of settings"));
    return { settings: DEFAULT_SETTINGS, problems };
  }
  const input = { ...(raw as Record<string, unknown>) };
  const whole = SettingsSchema.safeParse(input);
  if (whole.success) return { settings: checkSheetNames(whole.data, problems), problems };
  // Drop each offending top-level field (its default takes over) and say so.
  for (const issue of whole.error.issues) {
    const field = String(issue.path[0] ?? "settings");
    if (field in input) {
      problems.push(settingsWarning(issue.path.join("."), valueAt(raw, issue.path), issue.message.replace(/^[^:]*: expected /i, "")));
      delete input[field];
    }
  }
  const retry = SettingsSchema.safeParse(input);
  return { settings: checkSheetNames(retry.success ? retry.data : DEFAULT_SETTINGS, problems), problems };
}

/**
 * Settings as a document keeps them (JSON text, or nothing yet): the same rules as parseSettings,
 * and text that is not JSON is a warning, never a crash.
 */
export function parseStoredSettings(stored: unknown): { settings: Settings; problems: Problem[] } {
  if (typeof stored !== "string") return parseSettings(stored);
  try {
    return parseSettings(JSON.parse(stored));
  } catch {
    return parseSettings(stored);
  }
}

function checkSheetNames(settings: Settings, problems: Problem[]): Settings {
  const names = { ...settings.sheetNames };
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    if (SHEET_NAME_FORBIDDEN.test(names[key])) {
      problems.push(settingsWarning(`sheetNames.${key}`, names[key], "a sheet name without \\ / ? * [ ] :"));
      names[key] = DEFAULT_SETTINGS.sheetNames[key];
    }
  }
  return { ...settings, sheetNames: names };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function settingsWarning(field: string, value: unknown, expected: string): Problem {
  return problem({
    severity: "warning",
    table: "settings",
    cell: null,
    value: JSON.stringify(value) ?? "undefined",
    expected: `${expected}; the default is used`,
    what: `Setting ${field} is ${JSON.stringify(value) ?? "undefined"}`,
  });
}
