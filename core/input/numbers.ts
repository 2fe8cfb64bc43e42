/**
 * Number parsing (docs/formulas.md §1.3): numbers arrive as numbers or as text such as `1,234.5`,
 * `$1,200`, `€ 3.400,50` (decimal comma), `85%`, `(1,200)`.
 */
import { CellValue, isBlank, isSpreadsheetError } from "./cells";
import { memoByText } from "./memo";

export type NumberResult =
  | { kind: "number"; value: number }
  | { kind: "blank" }
  | { kind: "invalid"; why: string };

export interface NumberOptions {
  /** `3.400,50` means 3400.5 (and `3,5` means 3.5). */
  decimalComma: boolean;
}

/** Spreadsheets keep 15 significant digits; anything larger is a typing or paste accident. */
export const LARGEST_NUMBER = 1e15;

const CURRENCY = /[$€£¥₹₩₽¢]|\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD)\b/gi;
const SPACES = /[\s\u00a0\u202f\u2009]/g;

function checked(value: number): NumberResult {
  if (Number.isNaN(value)) return { kind: "invalid", why: "is not a number (NaN)" };
  if (!Number.isFinite(value)) return { kind: "invalid", why: "is infinite" };
  if (Math.abs(value) > LARGEST_NUMBER) return { kind: "invalid", why: "is too large" };
  return { kind: "number", value };
}

function digitPatterns(group: string, decimal: string): { grouped: RegExp; plain: RegExp } {
  const g = `\\${group}`;
  const d = `\\${decimal}`;
  return {
    grouped: new RegExp(`^\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d+)?$`),
    plain: new RegExp(`^(?:\\d+(?:${d}\\d*)?|${d}\\d+)(?:[eE][+-]?\\d+)?$`),
  };
}
const POINT_STYLE = digitPatterns(",", ".");
const COMMA_STYLE = digitPatterns(".", ",");

/** Text digits in one locale style to a JS number, or null when the grouping is wrong. */
function parseDigits(text: string, decimalComma: boolean): number | null {
  const { grouped, plain } = decimalComma ? COMMA_STYLE : POINT_STYLE;
  if (!grouped.test(text) && !plain.test(text)) return null;
  const group = decimalComma ? "." : ",";
  const normal = text.split(group).join("").replace(decimalComma ? "," : ".", ".");
  return Number(normal);
}

/** One shared result for every blank cell (most optional columns are blank on most rows). */
const BLANK: NumberResult = Object.freeze({ kind: "blank" });

/**
 * Parses one cell as a number. Never throws; says why when the value is not a number.
 * Example: `parseNumber("(1,200)", {decimalComma: false})` → `{kind: "number", value: -1200}`.
 */
export function parseNumber(value: CellValue, options: NumberOptions): NumberResult {
  if (typeof value === "number") return checked(value);
  if (isBlank(value)) return BLANK;
  if (typeof value === "boolean") return { kind: "invalid", why: "is a TRUE/FALSE value" };
  if (value instanceof Date) return { kind: "invalid", why: "is a date" };
  if (isSpreadsheetError(value)) return { kind: "invalid", why: "is a spreadsheet error" };
  return options.decimalComma ? parseCommaText(String(value)) : parsePointText(String(value));
}

/** Text numbers repeat down a column (`20%`, `$1,200`): each distinct text is parsed once. */
const parsePointText = memoByText((text: string) => parseText(text, false));
const parseCommaText = memoByText((text: string) => parseText(text, true));

function parseText(raw: string, decimalComma: boolean): NumberResult {
  const options = { decimalComma };
  let text = raw.trim();
  let sign = 1;
  let scale = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(CURRENCY, "").replace(SPACES, "");
  if (text.startsWith("-") || text.startsWith("\u2212")) {
    sign = -sign;
    text = text.slice(1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }
  if (text.endsWith("%")) {
    scale = 0.01;
    text = text.slice(0, -1);
  }
  text = text.replace(CURRENCY, "");
  if (/^(nan|infinity|inf)$/i.test(text)) return { kind: "invalid", why: "is not a finite number" };
  const digits = parseDigits(text, options.decimalComma);
  if (digits === null) {
    const other = parseDigits(text, !options.decimalComma);
    if (other !== null && !options.decimalComma && /,\d{1,2}$|,\d{4,}$/.test(text)) {
      return { kind: "invalid", why: "looks like a decimal comma (turn on the decimal-comma setting)" };
    }
    return { kind: "invalid", why: "is not a number" };
  }
  return checked(sign * digits * scale);
}

/**
 * A share between 0 and 1, given as `0.15` or `15%` (tolerance, fixed share).
 * A number above 1 is an error: `15` could mean 15% or 1500%, so the user must say.
 */
export function parseFraction(value: CellValue, options: NumberOptions): NumberResult {
  const parsed = parseNumber(value, options);
  if (parsed.kind !== "number") return parsed;
  if (parsed.value < 0) return { kind: "invalid", why: "is negative" };
  if (parsed.value > 1) return { kind: "invalid", why: "is above 1 (write 15% or 0.15)" };
  return parsed;
}
