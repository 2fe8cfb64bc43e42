/**
 * The core's function results as Sheets wants them: a single bad value throws an Error with
 * the core's message (Sheets shows #ERROR! with it); in a range result, a bad cell shows its
 * error code as text (`#VALUE!`), since one cell cannot fail alone; blanks are empty.
 */
import { functions as fn } from "../../core";

type Value = number | string;

export function toSheetsResult(result: fn.FnResult): Value | Value[][] {
  if (!Array.isArray(result)) {
    if (fn.isFnError(result)) throw new Error(`${result.error} ${result.message}`);
    return result ?? "";
  }
  return result.map((row) => row.map((v) => (v === null ? "" : fn.isFnError(v) ? v.error : v)));
}
