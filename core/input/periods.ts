/**
 * Periods (docs/formulas.md §2.1): a date (or a date as text), `YYYY-MM`, `Mar 2026`, `YYYY-Qn`, or text. Ordered by date when every
 * period parses, otherwise by first appearance.
 */
import { z } from "zod";
import { CellValue, isBlank } from "./cells";
import { memoByText } from "./memo";

export interface Period {
  /** How the period is shown and matched: `2026-03`, `2026-Q1`, `2026-03-15`, or the user's text. */
  label: string;
  /** Start of the period in ms since 1970 (UTC), or null for free text. */
  start: number | null;
}

/** Excel stores dates as serial days since 1899-12-30; Office.js hands them over as numbers. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function fromUtc(ms: number): Period {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  // A first-of-month date is how spreadsheets store "March 2026": same period as `2026-03`.
  const label = day === 1 ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(day)}`;
  return { label, start: Date.UTC(y, m - 1, day) };
}

/** How a text date such as `03/04/2026` is read: 3 April (day-first) or March 4 (month-first). */
export const DateOrderSchema = z.enum(["day-first", "month-first"]);
export type DateOrder = z.infer<typeof DateOrderSchema>;

/** Reads a Period cell; null when blank. Never throws. `order` reads `dd/mm/yyyy` text (none: left as text). */
export function parsePeriod(value: CellValue, order: DateOrder | null = null): Period | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { label: "invalid date", start: null };
    // .xlsx readers give UTC midnight; Apps Script gives local midnight in the sheet's zone.
    const utcMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
    return utcMidnight
      ? fromUtc(value.getTime())
      : fromUtc(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()));
  }
  if (typeof value === "number") {
    // Serial numbers from 1954 to 9999 are dates; small numbers are labels like "1", "2".
    if (Number.isInteger(value) && value >= 20_000 && value < 2_958_466) return fromUtc(EXCEL_EPOCH + value * DAY);
    return { label: String(value), start: null };
  }
  return TEXT_PARSERS[order ?? "none"](String(value).trim());
}

/** The months' names in lower case, January first (wide headers name periods by them too). */
export const FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTHS = FULL_MONTHS.map((name) => name.slice(0, 3));

function month(year: number, m: number): Period {
  return { label: `${year}-${pad(m)}`, start: Date.UTC(year, m - 1, 1) };
}

/** `26` → 2026; four digits as they are. */
function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/** `15/03/2026`, `3.4.2026`, `03-15-2026`: day and month parts, in the order they are written. */
const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function parsePeriodText(text: string, order: DateOrder | null): Period {
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  if (m && +m[2] >= 1 && +m[2] <= 12) return month(+m[1], +m[2]);
  // 03-2026, 3/2026
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m && +m[1] >= 1 && +m[1] <= 12) return month(+m[2], +m[1]);
  // Mar 2026, March 2026, Mar-26
  m = /^([a-z]{3,9})[-\s.']*(\d{4}|\d{2})$/i.exec(text);
  const monthIndex = m ? MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) : -1;
  if (m && monthIndex >= 0 && FULL_MONTHS[monthIndex].startsWith(m[1].toLowerCase())) return month(fullYear(m[2]), monthIndex + 1);
  // 2026-Q1, 2026 Q1, Q1 2026, FY2026 Q1
  m = /^(FY)?\s?(\d{4})[- ]?Q([1-4])$/i.exec(text) ?? null;
  if (m) return quarter(m[1], +m[2], +m[3]);
  m = /^Q([1-4])[- ]?(FY)?\s?(\d{4})$/i.exec(text);
  if (m) return quarter(m[2], +m[3], +m[1]);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(text);
  if (m) return dayOf(+m[1], +m[2], +m[3]) ?? { label: text, start: null };
  m = SLASH_DATE.exec(text);
  if (m && order) {
    const [day, mon] = order === "day-first" ? [+m[1], +m[2]] : [+m[2], +m[1]];
    return dayOf(+m[3], mon, day) ?? { label: text, start: null };
  }
  return { label: text, start: null };
}

/** A fiscal quarter keeps its FY label (its calendar months are the user's business); ordered as if calendar. */
function quarter(fy: string | undefined, year: number, q: number): Period {
  return { label: `${fy ? "FY" : ""}${year}-Q${q}`, start: Date.UTC(year, (q - 1) * 3, 1) };
}

function dayOf(year: number, mon: number, day: number): Period | null {
  const ms = Date.UTC(year, mon - 1, day);
  const d = new Date(ms);
  return d.getUTCMonth() === mon - 1 && d.getUTCDate() === day ? fromUtc(ms) : null;
}

const TEXT_PARSERS: Record<DateOrder | "none", (text: string) => Period> = {
  "day-first": memoByText((text) => parsePeriodText(text, "day-first")),
  "month-first": memoByText((text) => parsePeriodText(text, "month-first")),
  none: memoByText((text) => parsePeriodText(text, null)),
};

/**
 * How the text dates of a Period column are written, decided from the data where it can be: a
 * first part above 12 is a day (day-first), a second part above 12 is a day (month-first).
 * Otherwise the setting; `undecided` names the first text date that could be either.
 */
export function decideDateOrder(values: Iterable<CellValue>, setting: DateOrder | null): { order: DateOrder | null; undecided: number | null; mixed: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  let firstAmbiguous: number | null = null;
  let i = -1;
  for (const v of values) {
    i++;
    if (typeof v !== "string") continue;
    const m = SLASH_DATE.exec(v.trim());
    if (!m) continue;
    if (+m[1] > 12) dayFirst = true;
    else if (+m[2] > 12) monthFirst = true;
    else if (+m[1] !== +m[2] && firstAmbiguous === null) firstAmbiguous = i;
  }
  if (dayFirst && monthFirst) return { order: setting, undecided: null, mixed: true };
  if (dayFirst) return { order: "day-first", undecided: null, mixed: false };
  if (monthFirst) return { order: "month-first", undecided: null, mixed: false };
  return { order: setting, undecided: setting === null ? firstAmbiguous : null, mixed: false };
}

/**
 * The period order of both tables together: by date when every period parses, otherwise
 * by first appearance (journey rows first, then budget rows).
 */
export function orderPeriods(periods: Iterable<Period>): string[] {
  const seen = new Map<string, Period>();
  for (const p of periods) if (!seen.has(p.label)) seen.set(p.label, p);
  const all = [...seen.values()];
  if (all.every((p) => p.start !== null)) all.sort((a, b) => a.start! - b.start!);
  return all.map((p) => p.label);
}
