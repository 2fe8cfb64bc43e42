/**
 * Matching the headers users really write (`Metric_Name`, `budgeted_amount`, `Reporting_Month`)
 * to our columns (docs/formulas.md §1): first the whole header against a column's name and
 * aliases, then, for headers still unmatched, by their words.
 */
import { z } from "zod";
import { ColumnSpec, normalizeHeader } from "./columns";

/** How a column was found, for the panel and the CLI: the user decides whether a guess stands. */
const MatchKindSchema = z.enum(["named", "mapped", "guessed"]);
export type MatchKind = z.infer<typeof MatchKindSchema>;

export interface HeaderMatch<K extends string> {
  key: K;
  /** 0-based index of the header within the table's columns. */
  index: number;
  kind: MatchKind;
  /** A guess that could be wrong: the header holds words that explain nothing, or it tied with another column. */
  doubtful: boolean;
  /** The other column a tied guess could have been. */
  rival?: K;
}

/** Word forms users write for the same thing: budgeted → budget, actuals → actual, months → month. */
const STEMS: Record<string, string> = {
  budgeted: "budget", budgets: "budget", actuals: "actual", metrics: "metric", categories: "category",
  months: "month", monthly: "month", kpis: "kpi", targets: "target", stages: "stage", channels: "channel",
  touchpoints: "touchpoint", periods: "period", quarters: "quarter", quarterly: "quarter", dates: "date",
  forecasts: "forecast", forecasted: "forecast", weights: "weight", owners: "owner", units: "unit",
  spend: "spent", spending: "spent", planned: "plan", objectives: "objective", measures: "measure",
  indicators: "indicator", items: "item", accounts: "account", initiatives: "initiative", goals: "goal",
  phases: "phase", types: "type", baselines: "baseline", tolerances: "tolerance", values: "value",
};

/**
 * Words that add nothing to what a column is (`budgeted_amount`, `total_budget`, `Metric_Name`):
 * a guess explained up to these is not doubtful.
 */
const FILLER = new Set(["amount", "amt", "name", "total", "reporting", "the", "of", "in", "for", "per", "usd", "eur", "gbp", "num", "no", "number", "figure", "label", "title", "id"]);

/** `Metric_Name` → [metric, name]; `budgetedAmount` → [budget, amount]; `Fixed %` → [fixed, %]. */
export function headerWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9%&]+/)
    .filter(Boolean)
    .map((w) => STEMS[w] ?? w);
}

interface Candidate<K extends string> {
  key: K;
  /** Index of the header. */
  index: number;
  /** How many of the header's words the column's name or alias explains. */
  words: number;
  /** Every word of the header is explained by the column's names or is filler. */
  whole: boolean;
  /** Where in the header the alias's first word sits: earlier wins a tie (`Target value` is a Target). */
  position: number;
}

/** Every column a header's words point to (one candidate per column, its best alias). */
function candidatesFor<K extends string>(index: number, text: string, specs: readonly ColumnSpec<K>[]): Candidate<K>[] {
  const words = headerWords(text);
  const out: Candidate<K>[] = [];
  for (const spec of specs) {
    const names = [spec.label, ...spec.aliases];
    const explained = new Set(names.flatMap(headerWords));
    const whole = words.every((w) => explained.has(w) || FILLER.has(w));
    let best: Candidate<K> | null = null;
    for (const name of names) {
      // Filler words count only when they are all the alias has (`Amount` is an alias of Actual).
      const all = headerWords(name);
      const meaningful = all.filter((w) => !FILLER.has(w));
      const aliasWords = meaningful.length ? meaningful : all;
      if (aliasWords.length === 0 || !aliasWords.every((w) => words.includes(w))) continue;
      const c = { key: spec.key, index, words: aliasWords.length, whole, position: Math.min(...aliasWords.map((w) => words.indexOf(w))) };
      if (!best || rank(c, best) < 0) best = c;
    }
    if (best) out.push(best);
  }
  return out;
}

/** Negative when `a` is the better guess: more words explained, then a whole explanation, then earlier. */
function rank<K extends string>(a: Candidate<K>, b: Candidate<K>): number {
  return b.words - a.words || Number(b.whole) - Number(a.whole) || a.position - b.position;
}

/** Each column's key, label and aliases, normalised, to the column: what a header matches whole. */
export function namedColumns<K extends string>(specs: readonly ColumnSpec<K>[]): Map<string, K> {
  const named = new Map<string, K>();
  for (const spec of specs) for (const name of [spec.key, spec.label, ...spec.aliases]) named.set(normalizeHeader(name), spec.key);
  return named;
}

/** What matching tells its caller besides the matches (each becomes a warning). */
export interface MatchEvents<K extends string> {
  /** A second header naming a column already found (the first is used). */
  duplicate(index: number, key: K, firstIndex: number): void;
  /** A doubtful guess for a column the table can do without: not used, only mentioned. */
  notTaken(index: number, key: K): void;
}

/**
 * Matches each header to at most one column and each column to at most one header. The user's
 * mapping wins, then a header that is a column's name or alias, then a guess by words for the
 * columns still missing. A doubtful guess is taken only for a column the report needs (`needed`):
 * a wrong optional column (a review date read as the Period) would change figures for a nice-to-have.
 */
export function matchHeaders<K extends string>(
  headerTexts: readonly string[],
  specs: readonly ColumnSpec<K>[],
  named: ReadonlyMap<string, K>,
  mapped: ReadonlyMap<string, K>,
  events: MatchEvents<K>,
): HeaderMatch<K>[] {
  const matches: HeaderMatch<K>[] = [];
  const byKey = new Map<K, HeaderMatch<K>>();
  const unmatched: number[] = [];
  headerTexts.forEach((text, index) => {
    if (!text) return;
    const norm = normalizeHeader(text);
    const userKey = mapped.get(norm);
    const key = userKey ?? named.get(norm);
    if (!key) return unmatched.push(index);
    const first = byKey.get(key);
    if (first) return events.duplicate(index, key, first.index);
    const match: HeaderMatch<K> = { key, index, kind: userKey ? "mapped" : "named", doubtful: false };
    byKey.set(key, match);
    matches.push(match);
  });
  // Guesses are handed out best first, so a header that is clearly a column is not beaten to it
  // by a vaguer one earlier in the row.
  const taken = new Set(byKey.keys());
  const guessed = new Set<number>();
  const candidates = unmatched.flatMap((index) => candidatesFor(index, headerTexts[index], specs));
  candidates.sort((a, b) => rank(a, b) || a.index - b.index);
  for (const c of candidates) {
    if (taken.has(c.key) || guessed.has(c.index)) continue;
    const rival = candidates.find((o) => o.index === c.index && o.key !== c.key && !taken.has(o.key) && rank(o, c) === 0);
    const doubtful = !c.whole || rival !== undefined;
    guessed.add(c.index);
    if (doubtful && !specs.find((s) => s.key === c.key)!.needed) {
      events.notTaken(c.index, c.key);
      continue;
    }
    taken.add(c.key);
    matches.push({ key: c.key, index: c.index, kind: "guessed", doubtful, rival: rival?.key });
  }
  return matches.sort((a, b) => a.index - b.index);
}

/** A column of an input table as it was found: what the panel shows and lets the user correct. */
export const ColumnFoundSchema = z.object({
  /** Our column (`Budget`, `KPI`). */
  column: z.string(),
  /** The header the user wrote. */
  header: z.string(),
  /** Its cell, such as `Budget!C1`. */
  cell: z.string(),
  kind: MatchKindSchema,
  doubtful: z.boolean(),
});
export type ColumnFound = z.infer<typeof ColumnFoundSchema>;

/** How the columns of each table were found: shown so the user can confirm or correct a guess. */
export const ColumnsFoundSchema = z.object({
  journey: z.array(ColumnFoundSchema),
  budget: z.array(ColumnFoundSchema),
  actuals: z.array(ColumnFoundSchema),
});
export type ColumnsFound = z.infer<typeof ColumnsFoundSchema>;
