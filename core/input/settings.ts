/**
 * Settings (SPEC §5), kept in the document by each host. A bad stored value falls back to
 * its default with a warning, never a crash.
 */
import { z } from "zod";
import { Problem, problem } from "./problems";

const share = z.number().min(0).max(1);

export const SettingsSchema = z.object({
  /** Amber band for KPI status: Amber when achievement ≥ 1 − tolerance. */
  kpiTolerance: share.default(0.1),
  /** On budget when |variance %| ≤ this. */
  budgetTolerance: share.default(0.05),
  /** Upper clamp of a KPI score (1 = 100%). */
  scoreCap: z.number().min(0.1).max(10).default(1),
  /** Period label to report on; null = latest period with an actual. */
  asOfPeriod: z.string().min(1).nullable().default(null),
  /** Full-period forecast where a line has no Forecast: YTD + remaining budget, or run-rate. */
  forecastMethod: z.enum(["remaining-budget", "run-rate"]).default("remaining-budget"),
  /** `3.400,50` style numbers in text cells. */
  decimalComma: z.boolean().default(false),
  /** Let valid rows through and list the skipped ones, instead of refusing the whole table. */
  skipInvalidRows: z.boolean().default(false),
  sheetNames: z
    .object({
      scorecard: z.string().min(1).max(31).default("Scorecard"),
      budget: z.string().min(1).max(31).default("Budget Variance"),
      journey: z.string().min(1).max(31).default("Journey View"),
    })
    .default({ scorecard: "Scorecard", budget: "Budget Variance", journey: "Journey View" }),
  tableNames: z
    .object({
      journey: z.string().min(1).default("Journey"),
      budget: z.string().min(1).default("Budget"),
    })
    .default({ journey: "Journey", budget: "Budget" }),
  /** The user's own header → our column name, e.g. `{"Wave": "Period"}`. */
  columnMapping: z
    .object({
      journey: z.record(z.string(), z.string()).default({}),
      budget: z.record(z.string(), z.string()).default({}),
    })
    .default({ journey: {}, budget: {} }),
  /** `colour-blind` swaps red/green for orange/blue. */
  palette: z.enum(["standard", "colour-blind"]).default("standard"),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

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
