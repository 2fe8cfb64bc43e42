/**
 * The core's function results as Excel wants them: always a 2-D array (so results spill),
 * blanks as empty strings, errors as `CustomFunctions.Error` with the core's message where
 * Excel shows one (#VALUE! and #N/A).
 */
import { functions as fn } from "../../core";

type Value = number | string | CustomFunctions.Error;

const CODES: Record<fn.FnErrorCode, CustomFunctions.ErrorCode> = {
  "#VALUE!": "#VALUE!" as CustomFunctions.ErrorCode,
  "#DIV/0!": "#DIV/0!" as CustomFunctions.ErrorCode,
  "#N/A": "#N/A" as CustomFunctions.ErrorCode,
  "#NUM!": "#NUM!" as CustomFunctions.ErrorCode,
};

/** Excel shows an error's message only on #VALUE! and #N/A. */
const WITH_MESSAGE = new Set<fn.FnErrorCode>(["#VALUE!", "#N/A"]);

function toValue(v: fn.FnValue): Value {
  if (v === null) return "";
  if (fn.isFnError(v)) return WITH_MESSAGE.has(v.error) ? new CustomFunctions.Error(CODES[v.error], v.message) : new CustomFunctions.Error(CODES[v.error]);
  return v;
}

export function toExcelResult(result: fn.FnResult): Value[][] {
  return Array.isArray(result) ? result.map((row) => row.map(toValue)) : [[toValue(result)]];
}
