/**
 * Periods (docs/formulas.md §2.1): a date, `YYYY-MM`, `YYYY-Qn`, or text. Ordered by date when every
 * period parses, otherwise by first appearance.
 */
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

/** Reads a Period cell; null when blank. Never throws. */
export function parsePeriod(value: CellValue): Period | null {
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
  return parsePeriodText(String(value).trim());
}

const parsePeriodText = memoByText((text: string): Period => {
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  if (m && +m[2] >= 1 && +m[2] <= 12) return { label: `${m[1]}-${pad(+m[2])}`, start: Date.UTC(+m[1], +m[2] - 1, 1) };
  m = /^(\d{4})[- ]?Q([1-4])$/i.exec(text);
  if (m) return { label: `${m[1]}-Q${m[2]}`, start: Date.UTC(+m[1], (+m[2] - 1) * 3, 1) };
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(text);
  if (m) {
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    const d = new Date(ms);
    if (d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) return fromUtc(ms);
  }
  return { label: text, start: null };
});

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
