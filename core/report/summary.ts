/**
 * The short summary of a build: overall and per-perspective scores, the worst moments of
 * truth, budget variance by stage. A model both panels show and the command line prints
 * (summaryText); figures come with the text they are shown as.
 */
import { z } from "zod";
import type { Analysis } from "../compute/analyse";
import { KpiStatusSchema } from "../compute/scoring";
import { VarianceStatusSchema } from "../compute/variance";

/** A figure and how it is shown (`93.6%`, `125,000`, `n/a`). */
const FigureSchema = z.object({ value: z.number().nullable(), text: z.string() });
export type Figure = z.infer<typeof FigureSchema>;

const ScorecardSummarySchema = z.object({
  overall: z.object({ score: FigureSchema, status: KpiStatusSchema, kpis: z.number().int(), withData: z.number().int() }),
  /** The scorecard's groups: by perspective, or by stage when the KPIs have no perspective. */
  groupedBy: z.enum(["Perspective", "Stage"]),
  groups: z.array(z.object({ name: z.string(), score: FigureSchema, status: KpiStatusSchema, kpis: z.number().int(), red: z.number().int(), amber: z.number().int() })),
  momentsAtRisk: z.object({
    count: z.number().int(),
    /** The worst few, worst first. */
    worst: z.array(z.object({ stage: z.string(), touchpoint: z.string(), kpi: z.string(), status: KpiStatusSchema, achievement: FigureSchema })),
  }),
});

export const SummarySchema = z.object({
  asOf: z.string().nullable(),
  /** null without a Journey table (a budget alone). */
  scorecard: ScorecardSummarySchema.nullable(),
  /** Cost lines by stage; null without a Budget table. */
  budget: z
    .object({
      yearToDate: z.boolean(),
      stages: z.array(z.object({ stage: z.string(), budget: FigureSchema, actual: FigureSchema, variance: FigureSchema, variancePct: FigureSchema, status: VarianceStatusSchema })),
    })
    .nullable(),
});
export type Summary = z.infer<typeof SummarySchema>;

/** `0.936` → `93.6%`. */
export function percentFigure(value: number | null): Figure {
  return { value, text: value === null ? "n/a" : `${(value * 100).toFixed(1)}%` };
}

/** `-8500.4` → `-8,500`. */
export function moneyFigure(value: number | null): Figure {
  return { value, text: value === null ? "n/a" : Math.round(value).toLocaleString("en-US") };
}

export function buildSummary(a: Analysis, worst = 3): Summary {
  const card = a.scorecard;
  const byPerspective = card.perspectives.length > 0;
  return {
    asOf: a.asOf,
    scorecard: a.hasJourney
      ? {
          overall: { score: percentFigure(card.overall.score), status: card.overall.status, kpis: card.overall.kpis, withData: card.overall.withData },
          groupedBy: byPerspective ? "Perspective" : "Stage",
          groups: (byPerspective ? card.perspectives : card.stages).map((p) => ({ name: p.name, score: percentFigure(p.score), status: p.status, kpis: p.kpis, red: p.red, amber: p.amber })),
          momentsAtRisk: {
            count: a.momentsAtRisk.length,
            worst: a.momentsAtRisk.slice(0, worst).map((k) => ({ stage: k.stage, touchpoint: k.touchpoint, kpi: k.kpi, status: k.status, achievement: percentFigure(k.achievement) })),
          },
        }
      : null,
    budget: a.hasBudget
      ? {
          yearToDate: a.asOf !== null,
          stages: a.stages
            .filter((s) => s.budget !== null)
            .map((s) => ({
              stage: s.name,
              budget: moneyFigure(s.budget),
              actual: moneyFigure(s.actual),
              variance: moneyFigure(s.variance),
              variancePct: percentFigure(s.variancePct),
              status: s.spendStatus,
            })),
        }
      : null,
  };
}

/** The summary as plain text, one line each, in columns (what the command line prints). */
export function summaryText(s: Summary): string {
  const lines: string[] = [];
  const card = s.scorecard;
  if (card) {
    lines.push(`Balanced scorecard ${s.asOf ? `as of ${s.asOf}` : "(no periods)"}: overall ${card.overall.score.text} (${card.overall.status}), ${card.overall.kpis} KPIs, ${card.overall.withData} with data`);
    if (card.groupedBy === "Stage") lines.push("  By stage (the KPIs have no perspective):");
    for (const p of card.groups) {
      lines.push(`  ${p.name.padEnd(18)} ${p.score.text.padStart(6)}  ${p.status.padEnd(7)} ${p.kpis} KPIs, ${p.red} red, ${p.amber} amber`);
    }
    if (card.momentsAtRisk.count) {
      lines.push(`Worst moments of truth (${card.momentsAtRisk.count} at risk):`);
      for (const k of card.momentsAtRisk.worst) {
        lines.push(`  ${k.stage}${k.touchpoint ? ` / ${k.touchpoint}` : ""}: ${k.kpi} — ${k.status}, achievement ${k.achievement.text}`);
      }
    } else {
      lines.push("No moment of truth is at Amber or Red.");
    }
  }
  if (s.budget) {
    lines.push(`Budget variance by stage (cost lines${s.budget.yearToDate ? ", year to date" : ""}; positive = favourable):`);
    for (const st of s.budget.stages) {
      lines.push(`  ${st.stage.padEnd(22)} budget ${st.budget.text.padStart(9)}  actual ${st.actual.text.padStart(9)}  variance ${st.variance.text.padStart(8)} (${st.variancePct.text})  ${st.status}`);
    }
  }
  return lines.join("\n");
}
