/**
 * The custom functions of docs/formulas.md §4 as pure, array-aware functions shared by both hosts:
 * every argument may be a value or a 2-D range; ranges of one shape broadcast element-wise
 * (a 1×1 range or a single value broadcasts); blank in → blank out; a bad value gives a
 * typed error value, never a throw.
 */
import { analyse } from "../compute/analyse";
import { CellValue, isBlank, isSpreadsheetError } from "../input/cells";
import { LineType, costPerOutcome, flexedBudget, parseLineType, runRateForecast, variance, variancePct, varianceStatus } from "../compute/variance";
import { PERSPECTIVES } from "../input/journey-table";
import { parseFraction, parseNumber } from "../input/numbers";
import { RollUp, weightedMean } from "../compute/rollup";
import { Direction, KpiDefinition, definitionProblem, effectiveBaseline, isZeroTarget, kpiAchievement, kpiResult, parseDirection } from "../compute/scoring";
import { DEFAULT_SETTINGS } from "../input/settings";

export type FnScalar = number | string | boolean | Date | null | undefined;
export type FnArg = FnScalar | FnScalar[][];
export type FnErrorCode = "#VALUE!" | "#DIV/0!" | "#N/A" | "#NUM!";

/** An error value the host turns into its own (`CustomFunctions.Error`, a thrown Error in Sheets). */
export interface FnError {
  error: FnErrorCode;
  message: string;
}
/** null = a blank cell. */
export type FnValue = number | string | null | FnError;
export type FnResult = FnValue | FnValue[][];

export function isFnError(v: unknown): v is FnError {
  return typeof v === "object" && v !== null && "error" in v && "message" in v;
}

const fail = (error: FnErrorCode, message: string): FnError => ({ error, message });

const NUMBER_OPTIONS = { decimalComma: false };

/** A number argument: a number, blank (null) or an error value. */
function num(v: FnScalar, name: string): number | null | FnError {
  if (typeof v === "number") return Number.isFinite(v) ? v : fail("#NUM!", `${name} is not a finite number`);
  if (isBlank(v as CellValue)) return null;
  if (isSpreadsheetError(v as CellValue)) return fail(errorCode(v as string), `${name} is the error ${v}`);
  const parsed = parseNumber(v as CellValue, NUMBER_OPTIONS);
  if (parsed.kind === "number") return parsed.value;
  return fail("#VALUE!", `${name} ${typeof v === "string" ? JSON.stringify(v) : String(v)} ${parsed.kind === "invalid" ? parsed.why : "is blank"}; expected a number`);
}

/** Several number arguments at once: their values, or the first argument's error. */
function nums(values: FnScalar[], names: string[]): (number | null)[] | FnError {
  const out: (number | null)[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const n = num(values[i], names[i]);
    if (isFnError(n)) return n;
    out[i] = n;
  }
  return out;
}

function errorCode(text: string): FnErrorCode {
  const t = text.trim().toUpperCase();
  return t === "#DIV/0!" || t === "#N/A" || t === "#NUM!" ? t : "#VALUE!";
}

function fraction(v: FnScalar, name: string): number | null | FnError {
  if (isBlank(v as CellValue)) return null;
  if (typeof v === "boolean" || v instanceof Date) return fail("#VALUE!", `${name} must be a share from 0 to 1 or a percentage`);
  const parsed = parseFraction(v as CellValue, NUMBER_OPTIONS);
  if (parsed.kind === "number") return parsed.value;
  return fail("#VALUE!", `${name} ${String(v)} ${parsed.kind === "invalid" ? parsed.why : ""}; expected a share from 0 to 1, or a percentage such as 15%`);
}

function direction(v: FnScalar): Direction | FnError {
  const d = parseDirection(isBlank(v as CellValue) ? "" : String(v));
  return d ?? fail("#VALUE!", `direction ${JSON.stringify(String(v))} is not higher, lower or range`);
}

function lineType(v: FnScalar): LineType | FnError {
  const t = parseLineType(isBlank(v as CellValue) ? "" : String(v));
  return t ?? fail("#VALUE!", `type ${JSON.stringify(String(v))} is not cost or revenue`);
}

/** Shape of an argument: null for a single value (or a 1×1 range, which broadcasts). */
function shapeOf(arg: FnArg): [number, number] | null {
  if (!Array.isArray(arg)) return null;
  const rows = arg.length;
  const cols = rows ? arg[0].length : 0;
  return rows === 1 && cols === 1 ? null : [rows, cols];
}

function at(arg: FnArg, r: number, c: number): FnScalar {
  if (!Array.isArray(arg)) return arg;
  if (arg.length === 1 && arg[0].length === 1) return arg[0][0];
  return arg[r][c];
}

/**
 * Applies `fn` element by element. Returns a single value when every argument is a single
 * value, else a 2-D result of the common shape.
 */
export function broadcast(args: readonly FnArg[], fn: (values: FnScalar[]) => FnValue): FnResult {
  let shape: [number, number] | null = null;
  let anyRange = false;
  for (const arg of args) {
    if (Array.isArray(arg)) anyRange = true;
    const s = shapeOf(arg);
    if (!s) continue;
    if (shape && (shape[0] !== s[0] || shape[1] !== s[1])) {
      return fail("#VALUE!", `ranges of different shapes (${shape[0]}×${shape[1]} and ${s[0]}×${s[1]}) cannot be combined`);
    }
    shape = s;
  }
  if (!anyRange) return finiteResult(fn(args as FnScalar[]));
  const [rows, cols] = shape ?? [1, 1];
  const out: FnValue[][] = new Array(rows);
  const values: FnScalar[] = new Array(args.length);
  for (let r = 0; r < rows; r++) {
    const row: FnValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      for (let i = 0; i < args.length; i++) values[i] = at(args[i], r, c);
      row[c] = finiteResult(fn(values));
    }
    out[r] = row;
  }
  return out;
}

/** A ratio of extreme inputs (a target of 1e-320) can overflow: that is #NUM!, never Infinity in a cell. */
function finiteResult(v: FnValue): FnValue {
  return typeof v === "number" && !Number.isFinite(v) ? fail("#NUM!", "the result is too large to show") : v;
}

/** Reads actual, target, direction, baseline; `"blank"` when actual or target is blank. */
function kpiInputs(v: FnScalar[]): { actual: number | null; def: KpiDefinition } | FnError | "blank" {
  const actual = num(v[0], "actual");
  if (isFnError(actual)) return actual;
  const target = num(v[1], "target");
  if (isFnError(target)) return target;
  if (target === null) return "blank";
  const dir = direction(v[2]);
  if (isFnError(dir)) return dir;
  const baseline = num(v[3], "baseline");
  if (isFnError(baseline)) return baseline;
  // A range KPI in a cell: target is the lower bound and baseline the upper one is not
  // expressible; the functions take `range` only through SCORECARD. Here range → error.
  if (dir === "range") return fail("#VALUE!", "direction range needs Target max: use SCORECARD on the table, or higher/lower here");
  const def: KpiDefinition = { direction: dir, target, baseline, targetMax: null };
  const bad = definitionProblem(def);
  if (bad) {
    const base = effectiveBaseline(dir, target, baseline);
    return fail(base === target ? "#DIV/0!" : "#VALUE!", `${bad.column} ${bad.why}; expected ${bad.expected}`);
  }
  return { actual, def };
}

/**
 * `=JOURNEY.KPISCORE(actual, target, [direction], [baseline], [cap])`: achievement clamped to [0, cap].
 * Example: KPISCORE(60, 80) → 0.75; KPISCORE(120, 100, "lower") → 0.8.
 */
export function KPISCORE(actual: FnArg, target: FnArg, dir?: FnArg, baseline?: FnArg, cap?: FnArg): FnResult {
  return broadcast([actual, target, dir, baseline, cap], (v) => {
    const input = kpiInputs(v);
    if (input === "blank" || isFnError(input)) return input === "blank" ? null : input;
    if (input.actual === null) return null;
    const c = num(v[4], "cap");
    if (isFnError(c)) return c;
    if (c !== null && c <= 0) return fail("#NUM!", "cap must be above 0");
    return kpiResult(input.actual, input.def, c ?? DEFAULT_SETTINGS.scoreCap, 0).score;
  });
}

/** `=JOURNEY.KPIACHIEVEMENT(actual, target, [direction], [baseline])`: the raw ratio. Example: (110, 100) → 1.1. */
export function KPIACHIEVEMENT(actual: FnArg, target: FnArg, dir?: FnArg, baseline?: FnArg): FnResult {
  return broadcast([actual, target, dir, baseline], (v) => {
    const input = kpiInputs(v);
    if (input === "blank" || isFnError(input)) return input === "blank" ? null : input;
    if (input.actual !== null && isZeroTarget(input.def)) return fail("#N/A", "a lower-is-better KPI with target 0 and no baseline has no achievement figure (it is Green at or below 0)");
    return input.actual === null ? null : kpiAchievement(input.actual, input.def);
  });
}

/** `=JOURNEY.KPISTATUS(actual, target, [direction], [baseline], [tolerance])`. Example: (92, 100) → "Amber". */
export function KPISTATUS(actual: FnArg, target: FnArg, dir?: FnArg, baseline?: FnArg, tolerance?: FnArg): FnResult {
  return broadcast([actual, target, dir, baseline, tolerance], (v) => {
    const input = kpiInputs(v);
    if (input === "blank" || isFnError(input)) return input === "blank" ? null : input;
    const tol = fraction(v[4], "tolerance");
    if (isFnError(tol)) return tol;
    return kpiResult(input.actual, input.def, DEFAULT_SETTINGS.scoreCap, tol ?? DEFAULT_SETTINGS.kpiTolerance).status;
  });
}

function budgetInputs(v: FnScalar[]): { actual: number | null; budget: number; type: LineType } | FnError | "blank" {
  const actual = num(v[0], "actual");
  if (isFnError(actual)) return actual;
  const budget = num(v[1], "budget");
  if (isFnError(budget)) return budget;
  if (budget === null) return "blank";
  const type = lineType(v[2]);
  if (isFnError(type)) return type;
  return { actual, budget, type };
}

/** `=JOURNEY.VARIANCE(actual, budget, [type])`: positive is favourable. Example: (1200, 1000) → −200; (1200, 1000, "revenue") → 200. */
export function VARIANCE(actual: FnArg, budget: FnArg, type?: FnArg): FnResult {
  return broadcast([actual, budget, type], (v) => {
    const input = budgetInputs(v);
    if (input === "blank" || isFnError(input)) return input === "blank" ? null : input;
    return input.actual === null ? null : variance(input.actual, input.budget, input.type);
  });
}

/** `=JOURNEY.VARIANCEPCT(actual, budget, [type])`: variance / |budget|. Example: (1200, 1000) → −0.2. */
export function VARIANCEPCT(actual: FnArg, budget: FnArg, type?: FnArg): FnResult {
  return broadcast([actual, budget, type], (v) => {
    const input = budgetInputs(v);
    if (input === "blank" || isFnError(input)) return input === "blank" ? null : input;
    if (input.actual === null) return null;
    const pct = variancePct(variance(input.actual, input.budget, input.type), input.budget);
    if (pct !== null) return pct;
    return input.budget === 0 ? fail("#DIV/0!", "budget is 0, so there is no variance %") : fail("#NUM!", "the result is too large to show");
  });
}

/** `=JOURNEY.VARIANCESTATUS(actual, budget, [type], [tolerance])`. Example: (1030, 1000) → "On budget". */
export function VARIANCESTATUS(actual: FnArg, budget: FnArg, type?: FnArg, tolerance?: FnArg): FnResult {
  return broadcast([actual, budget, type, tolerance], (v) => {
    const input = budgetInputs(v);
    if (input === "blank" || isFnError(input)) return input === "blank" ? null : input;
    const tol = fraction(v[3], "tolerance");
    if (isFnError(tol)) return tol;
    return varianceStatus(input.actual, input.budget, input.type, tol ?? DEFAULT_SETTINGS.budgetTolerance);
  });
}

/** `=JOURNEY.FLEXBUDGET(budget, budgetVolume, actualVolume, [fixedShare])`. Example: (1000, 100, 120, 40%) → 1120. */
export function FLEXBUDGET(budget: FnArg, budgetVolume: FnArg, actualVolume: FnArg, fixedShare?: FnArg): FnResult {
  return broadcast([budget, budgetVolume, actualVolume, fixedShare], (v) => {
    const read = nums(v, ["budget", "budgetVolume", "actualVolume"]);
    if (isFnError(read)) return read;
    const [b, bv, av] = read;
    const fixed = fraction(v[3], "fixedShare");
    if (isFnError(fixed)) return fixed;
    if (b === null || bv === null || av === null) return null;
    if (bv === 0) return fail("#DIV/0!", "budgetVolume is 0");
    if (bv < 0) return fail("#NUM!", "budgetVolume must be above 0");
    if (av < 0) return fail("#NUM!", "actualVolume must be 0 or more");
    return flexedBudget(b, bv, av, fixed ?? 0);
  });
}

/** `=JOURNEY.RUNRATE(ytdActual, periodsElapsed, totalPeriods)`. Example: (300, 3, 12) → 1200. */
export function RUNRATE(ytdActual: FnArg, periodsElapsed: FnArg, totalPeriods: FnArg): FnResult {
  return broadcast([ytdActual, periodsElapsed, totalPeriods], (v) => {
    const read = nums(v, ["ytdActual", "periodsElapsed", "totalPeriods"]);
    if (isFnError(read)) return read;
    const [a, e, t] = read;
    if (a === null || e === null || t === null) return null;
    if (e === 0) return fail("#DIV/0!", "periodsElapsed is 0");
    if (e < 0 || t < 0) return fail("#NUM!", "periods cannot be negative");
    return runRateForecast(a, e, t);
  });
}

/** `=JOURNEY.COSTPER(spend, outcomes)`. Example: (5000, 250) → 20. */
export function COSTPER(spend: FnArg, outcomes: FnArg): FnResult {
  return broadcast([spend, outcomes], (v) => {
    const read = nums(v, ["spend", "outcomes"]);
    if (isFnError(read)) return read;
    const [s, o] = read;
    if (s === null || o === null) return null;
    if (o === 0) return fail("#DIV/0!", "outcomes is 0");
    return costPerOutcome(s, o) ?? fail("#NUM!", "the result is too large to show");
  });
}

function flatten(arg: FnArg): FnScalar[] {
  return Array.isArray(arg) ? arg.flat() : [arg];
}

/**
 * `=JOURNEY.WEIGHTEDSCORE(scores, [weights])`: Σ w·s / Σ w, blank scores skipped.
 * Example: scores {1; 0.5; blank}, weights {2; 1; 5} → 0.8333.
 */
export function WEIGHTEDSCORE(scores: FnArg, weights?: FnArg): FnValue {
  const s = flatten(scores);
  const hasWeights = weights !== undefined && weights !== null && !(Array.isArray(weights) && weights.length === 0);
  const w = hasWeights ? flatten(weights) : null;
  if (w && w.length !== 1 && w.length !== s.length) return fail("#VALUE!", `weights has ${w.length} cells but scores has ${s.length}`);
  const values: (number | null)[] = [];
  const ws: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const score = num(s[i], "score");
    if (isFnError(score)) return score;
    const weight = w ? num(w.length === 1 ? w[0] : w[i], "weight") : 1;
    if (isFnError(weight)) return weight;
    if (weight !== null && weight < 0) return fail("#NUM!", "weights cannot be negative");
    values.push(score);
    ws.push(weight ?? 1);
  }
  if (values.every((v) => v === null)) return null;
  const mean = weightedMean(values, ws);
  return mean === null ? fail("#DIV/0!", "the weights of the scores sum to 0") : finiteResult(mean);
}

const GROUP_HEADER = ["Score", "Status", "KPIs", "With data", "Red", "Amber"];

/**
 * `=JOURNEY.SCORECARD(journeyRange, [groupBy])`: a spilled roll-up table, header row first.
 * groupBy: perspective (default), stage, touchpoint, or matrix (stage × perspective scores).
 */
export function SCORECARD(journeyRange: FnArg, groupBy?: FnArg): FnResult {
  if (!Array.isArray(journeyRange)) return fail("#VALUE!", "journeyRange must be a range with the Journey table's header row");
  const by = (isBlank(groupBy as CellValue) ? "perspective" : String(groupBy)).trim().toLowerCase();
  if (!["perspective", "perspectives", "stage", "stages", "touchpoint", "touchpoints", "matrix"].includes(by)) {
    return fail("#VALUE!", `groupBy ${JSON.stringify(String(groupBy))} is not perspective, stage, touchpoint or matrix`);
  }
  const { analysis, problems } = analyse({ journey: { block: { sheet: "range", origin: { row: 0, col: 0 }, values: journeyRange as CellValue[][] }, locate: false } }, DEFAULT_SETTINGS);
  if (!analysis) {
    const first = problems.find((p) => p.severity === "error");
    const more = problems.filter((p) => p.severity === "error").length - 1;
    return fail("#VALUE!", `${first?.message ?? "the range is not a Journey table"}${more > 0 ? ` (+${more} more)` : ""}`);
  }
  const card = analysis.scorecard;
  const row = (r: RollUp): FnValue[] => [r.name, r.score, r.status, r.kpis, r.withData, r.red, r.amber];
  if (by === "matrix") {
    if (card.perspectives.length === 0) return fail("#N/A", "the KPIs have no perspective, so there is no stage × perspective matrix");
    return [
      ["Stage", ...PERSPECTIVES, "Stage score"],
      ...card.stagePerspectives.map((s, i): FnValue[] => [s.stage, ...s.cells.map((c) => c.score), card.stages[i].score]),
    ];
  }
  // KPIs without perspectives roll up by stage, as the Scorecard sheet does.
  const byStage = by.startsWith("stage") || (by.startsWith("perspective") && card.perspectives.length === 0);
  const groups = byStage ? card.stages : by.startsWith("touchpoint") ? card.touchpoints : card.perspectives;
  const label = byStage ? "Stage" : by.startsWith("touchpoint") ? "Touchpoint" : "Perspective";
  return [[label, ...GROUP_HEADER], ...groups.map(row), row(card.overall)];
}
