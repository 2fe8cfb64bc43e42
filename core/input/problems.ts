/**
 * The problem report (docs/formulas.md §1.4): every problem at once, each naming the cell, the value
 * found and what was expected.
 */
import { z } from "zod";

export const ProblemSchema = z.object({
  severity: z.enum(["error", "warning"]),
  /** `Journey!F7`, or a range such as `Journey!A1:H1` for a header problem; null when no cell applies. */
  cell: z.string().nullable(),
  /** The value found, as the user would recognise it (`"abc"`, `blank`). */
  value: z.string().nullable(),
  /** What was expected there. */
  expected: z.string().nullable(),
  /** One sentence for the user, naming cell, value and expectation. */
  message: z.string(),
  /** Which table the problem is in, and the 0-based data-row index (for skipping rows). */
  table: z.enum(["journey", "budget", "actuals", "settings"]),
  rowIndex: z.number().int().nullable(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export interface ProblemInput {
  severity?: Problem["severity"];
  table: Problem["table"];
  cell: string | null;
  value?: string | null;
  expected?: string | null;
  /** What is wrong, without the cell (the cell is put in front). */
  what: string;
  rowIndex?: number | null;
}

/** Builds a problem whose message reads `Journey!F7: Target is "abc"; expected a number.` */
export function problem(input: ProblemInput): Problem {
  const where = input.cell ? `${input.cell}: ` : "";
  const expected = input.expected ? `; expected ${input.expected}` : "";
  return {
    severity: input.severity ?? "error",
    cell: input.cell,
    value: input.value ?? null,
    expected: input.expected ?? null,
    message: `${where}${input.what}${expected}.`,
    table: input.table,
    rowIndex: input.rowIndex ?? null,
  };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Errors first, then warnings; in each, the order they were found (table order). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}
