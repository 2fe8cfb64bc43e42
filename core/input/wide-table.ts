/**
 * Wide layouts (docs/formulas.md §1): one column per period and measure — `Budget Jan | Actual Jan`,
 * `Jan Act | Jan Plan`, `Budget_2024 | Actual_2024`, or a row of months under a `Budget` / `Actual`
 * band — read as they are, by turning them into the long form (one row per line and period).
 */
import { CellValue, cellText, isBlank } from "./cells";
import { headerWords } from "./header-match";
import { FULL_MONTHS, parsePeriod } from "./periods";
import type { TableKind } from "./locate-table";

/** The measure words of each table, as headerWords gives them, and the column each stands for. */
const MEASURES: Record<TableKind, Record<string, string>> = {
  budget: { budget: "Budget", bud: "Budget", plan: "Budget", actual: "Actual", act: "Actual", spent: "Actual", forecast: "Forecast", fcst: "Forecast", outturn: "Forecast" },
  journey: { target: "Target", goal: "Target", plan: "Target", actual: "Actual", act: "Actual" },
  actuals: { actual: "Actual", act: "Actual", spent: "Actual" },
};

/** The period a header's other words name: `Jan`, `Q1`, `2024`, `FY24`, `Mar 2026`, `2026-Q1`; null when none. */
export function periodOfText(text: string): string | null {
  const t = text.trim().replace(/^\((.*)\)$/, "$1");
  if (!t) return null;
  const lower = t.toLowerCase();
  const month = FULL_MONTHS.findIndex((m) => lower.length >= 3 && m.startsWith(lower));
  if (month >= 0) return FULL_MONTHS[month].slice(0, 3).replace(/^./, (c) => c.toUpperCase());
  if (/^(19|20)\d\d$/.test(t)) return t;
  if (/^Q[1-4]$/i.test(t)) return t.toUpperCase();
  const fiscal = /^FY\s?(\d{2}|\d{4})$/i.exec(t);
  if (fiscal) return `FY${fiscal[1].length === 2 ? `20${fiscal[1]}` : fiscal[1]}`;
  const period = parsePeriod(t);
  return period && period.start !== null ? period.label : null;
}

/** A header that is a measure and a period (`Budget Jan`, `Jan Act`, `Budget_2024`). */
function wideHeader(kind: TableKind, text: string): { measure: string; period: string } | null {
  const words = text.split(/[\s_]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const measure = MEASURES[kind][headerWords(words[i])[0] ?? ""];
    if (!measure || headerWords(words[i]).length !== 1) continue;
    const period = periodOfText(words.filter((_, j) => j !== i).join(" "));
    if (period) return { measure, period };
  }
  return null;
}

/** A header cell that is only a measure word: the band over a row of periods. */
function bandMeasure(kind: TableKind, value: CellValue): string | null {
  const words = headerWords(cellText(value));
  return words.length === 1 ? (MEASURES[kind][words[0]] ?? null) : null;
}

export interface LongTable {
  /** Our headers: the user's other columns, then one per measure, then Period. */
  headers: string[];
  rows: CellValue[][];
  /** Where each long row's cell is on the sheet, relative to the table's first row and column. */
  cellOf(rowIndex: number, col: number): { row: number; col: number };
  /** Where each long header is (its first wide column for a measure or Period). */
  headerOf(col: number): { row: number; col: number };
  /** The periods, in header order. */
  periods: string[];
}

/**
 * The long form of a wide table (`values[0]` its header row), or null when it is not wide. A table
 * with a row of periods under a band of measures has its two header rows combined.
 */
export function unpivotWide(kind: TableKind, values: CellValue[][]): LongTable | null {
  let headerRows = 1;
  const second = values[1] ?? [];
  // The header row may stop short of the row under it (a band's trailing blank cells).
  const width = Math.max(values[0]?.length ?? 0, second.length);
  let headers = Array.from({ length: width }, (_, c) => cellText(values[0]?.[c]));
  // A band row: measure words over a row of periods, each measure carried right over blank cells.
  if (values[0]?.some((v) => bandMeasure(kind, v)) && second.filter((v) => periodOfText(cellText(v)) !== null).length >= 2) {
    let band: string | null = null;
    headers = headers.map((text, c) => {
      band = bandMeasure(kind, values[0][c]) ?? (isBlank(values[0][c]) ? band : null);
      const period = periodOfText(cellText(second[c]));
      return band && period ? `${band} ${period}` : text || cellText(second[c]);
    });
    headerRows = 2;
  }
  const wide = headers.map((h) => wideHeader(kind, h));
  if (wide.filter(Boolean).length < 2) return null;
  // A long table with this period's Budget and Actual beside last year's (`Budget 2025`) is not
  // wide: its own Budget / Actual columns are the figures, the dated ones comparisons. (One
  // Target beside an Actual per month is wide: Target has no dated columns.)
  const dated = new Set(wide.flatMap((w) => (w ? [w.measure] : [])));
  if (headers.some((h, c) => {
    const plain = wide[c] ? null : bandMeasure(kind, h);
    return plain !== null && dated.has(plain);
  })) return null;
  const labels = headers.map((_, c) => c).filter((c) => !wide[c] && headers[c]);
  const periods = [...new Set(wide.filter((w) => w !== null).map((w) => w!.period))];
  const measures = [...new Set(wide.filter((w) => w !== null).map((w) => w!.measure))];
  // The column of each period's measure (-1 when the sheet has none), found once.
  const columnOf = periods.map((period) => measures.map((m) => wide.findIndex((w) => w?.period === period && w.measure === m)));
  const firstColOf = (p: number) => wide.findIndex((w) => w?.period === periods[p]);
  const rows: CellValue[][] = [];
  const source: { row: number; period: number }[] = [];
  for (let r = headerRows; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let p = 0; p < periods.length; p++) {
      const figures = columnOf[p].map((c) => (c < 0 ? null : (row[c] ?? null)));
      // A period where the line has no figure at all is no row of that period.
      if (figures.every(isBlank)) continue;
      rows.push([...labels.map((c) => row[c] ?? null), ...figures, periods[p]]);
      source.push({ row: r, period: p });
    }
  }
  return {
    headers: [...labels.map((c) => headers[c]), ...measures, "Period"],
    rows,
    periods,
    cellOf: (i, col) => {
      const { row, period } = source[i];
      if (col < labels.length) return { row, col: labels[col] };
      const m = col - labels.length;
      const c = m < measures.length ? columnOf[period][m] : -1;
      return c >= 0 ? { row, col: c } : { row: 0, col: firstColOf(period) };
    },
    headerOf: (col) => {
      if (col < labels.length) return { row: 0, col: labels[col] };
      const m = col - labels.length;
      return { row: 0, col: m < measures.length ? wide.findIndex((w) => w?.measure === measures[m]) : firstColOf(0) };
    },
  };
}
