/**
 * What a build tells the panel: the summary and where the report went, or the problems that
 * stopped it. Both hosts send this same object to the shared panel (the Sheets sidebar
 * receives it from its server as JSON).
 */
import { z } from "zod";
import { AnalysisInput, AnalysisOutcome, tablesFoundAs } from "../compute/analyse";
import { ColumnsFoundSchema } from "../input/header-match";
import { ProblemJsonSchema, problemJson } from "./json";
import { SummarySchema, buildSummary } from "./summary";

export const BuildResultSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    summary: SummarySchema,
    /** How each table was found: `sheet "Journey"`, `Excel table "Budget"`, `the selection`. */
    foundAs: z.array(z.string()),
    /** The report sheets as written (a user's sheet may have pushed one to `Name (2)`). */
    sheets: z.array(z.string()),
    /** What the sheet plan told the user. */
    notices: z.array(z.string()),
    warnings: z.array(ProblemJsonSchema),
    /** How each table's columns were found, for the user to confirm or correct. */
    columns: ColumnsFoundSchema,
  }),
  z.object({ ok: z.literal(false), problems: z.array(ProblemJsonSchema), columns: ColumnsFoundSchema.optional() }),
]);
export type BuildResult = z.infer<typeof BuildResultSchema>;

/** The result of a build that stopped at its problems (nothing was written). */
export function stoppedResult(outcome: Pick<AnalysisOutcome, "problems"> & Partial<Pick<AnalysisOutcome, "columns">>): BuildResult {
  return { ok: false, problems: outcome.problems.map(problemJson), columns: outcome.columns };
}

/** The result of a build whose report was written. */
export function writtenResult(outcome: AnalysisOutcome, input: AnalysisInput, sheets: string[], notices: string[]): BuildResult {
  if (!outcome.analysis) return stoppedResult(outcome);
  return {
    ok: true,
    summary: buildSummary(outcome.analysis),
    foundAs: tablesFoundAs(input),
    columns: outcome.columns,
    sheets,
    notices,
    warnings: outcome.problems.filter((p) => p.severity === "warning").map(problemJson),
  };
}
