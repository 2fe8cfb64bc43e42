import type { Analysis } from "../core";
/** The short terminal summary printed after a build. */

const pct = (v: number | null) => (v === null ? "n/a" : `${(v * 100).toFixed(1)}%`);
const money = (v: number | null) => (v === null ? "n/a" : Math.round(v).toLocaleString("en-US"));

export function summaryText(a: Analysis, worst = 3): string {
  const card = a.scorecard;
  const lines: string[] = [];
  lines.push(`Balanced scorecard ${a.asOf ? `as of ${a.asOf}` : "(no periods)"}: overall ${pct(card.overall.score)} (${card.overall.status}), ${card.overall.kpis} KPIs, ${card.overall.withData} with data`);
  for (const p of card.perspectives) {
    lines.push(`  ${p.name.padEnd(18)} ${pct(p.score).padStart(6)}  ${p.status.padEnd(7)} ${p.kpis} KPIs, ${p.red} red, ${p.amber} amber`);
  }
  if (a.momentsAtRisk.length) {
    lines.push(`Worst moments of truth (${a.momentsAtRisk.length} at risk):`);
    for (const k of a.momentsAtRisk.slice(0, worst)) {
      lines.push(`  ${k.stage}${k.touchpoint ? ` / ${k.touchpoint}` : ""}: ${k.kpi} — ${k.status}, achievement ${pct(k.achievement)}`);
    }
  } else {
    lines.push("No moment of truth is at Amber or Red.");
  }
  if (a.hasBudget) {
    lines.push(`Budget variance by stage (cost lines${a.asOf ? ", year to date" : ""}; positive = favourable):`);
    for (const s of a.stages) {
      if (s.budget === null) continue;
      lines.push(`  ${s.name.padEnd(22)} budget ${money(s.budget).padStart(9)}  actual ${money(s.actual).padStart(9)}  variance ${money(s.variance).padStart(8)} (${pct(s.variancePct)})  ${s.spendStatus}`);
    }
  }
  return lines.join("\n");
}
