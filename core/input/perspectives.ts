/**
 * The four balanced-scorecard perspectives (docs/formulas.md §1.1) and the words users write for them.
 */
import { z } from "zod";

export const PERSPECTIVES = ["Financial", "Customer", "Internal process", "Learning & growth"] as const;
export const PerspectiveSchema = z.enum(PERSPECTIVES);
export type Perspective = z.infer<typeof PerspectiveSchema>;

const PERSPECTIVE_WORDS: Record<string, Perspective> = {
  financial: "Financial", finance: "Financial",
  customer: "Customer", customers: "Customer",
  internalprocess: "Internal process", internal: "Internal process", internalprocesses: "Internal process", process: "Internal process", processes: "Internal process",
  "learning&growth": "Learning & growth", learningandgrowth: "Learning & growth", learning: "Learning & growth", growth: "Learning & growth", "l&g": "Learning & growth",
};

/** `Internal processes` → Internal process; unknown → null. */
export function parsePerspective(text: string): Perspective | null {
  return PERSPECTIVE_WORDS[text.toLowerCase().replace(/[\s_\-.]/g, "")] ?? null;
}
