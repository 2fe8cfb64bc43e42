/**
 * The sample tables: a realistic journey (5 stages, 4 perspectives, 32 KPIs over 3 months)
 * and a budget with cost and revenue lines and volumes. Every host inserts these same rows
 * ("Insert sample tables" in Excel and Sheets; samples/ for the command line, made from them
 * by `npm run sample`).
 */
import { freeSheetName } from "../report/sheet-plan";

export type SampleValue = string | number | null;

/** One table as a host writes it: a header row, then data rows; formats by header. */
export interface SampleTable {
  /** The table's name, and the name of the sheet it goes on. */
  name: string;
  rows: SampleValue[][];
  /** Number formats of some columns, by header (money as dollars, shares as percentages). */
  columnFormats: Record<string, string>;
}

const PERIODS = ["2026-01", "2026-02", "2026-03"];

type K = [stage: string, touchpoint: string, mot: string, perspective: string, objective: string, initiative: string,
  kpi: string, unit: string, direction: string, baseline: number | null, target: number, targetMax: number | null,
  actuals: (number | null)[], weight: number | null, owner: string];

// Actuals per month: Jan, Feb, Mar (null = not reported yet).
const KPIS: K[] = [
  ["Awareness", "Paid social", "", "Customer", "Be known in our segment", "Always-on video", "Aided brand awareness", "%", "higher", 0.2, 0.45, null, [0.36, 0.39, 0.43], 2, "Maya"],
  ["Awareness", "Paid social", "", "Financial", "Efficient reach", "Creative refresh", "Cost per thousand impressions", "$", "lower", 14, 8, null, [9.8, 9.1, 7.9], 1, "Maya"],
  ["Awareness", "Search ads", "", "Financial", "Efficient reach", "Bid automation", "Cost per lead", "$", "lower", null, 40, null, [52, 47, 39], 2, "Leo"],
  ["Awareness", "Search ads", "", "Internal process", "Quality traffic", "Negative keywords", "Landing page bounce rate", "%", "lower", 0.7, 0.4, null, [0.52, 0.47, 0.4], 1, "Leo"],
  ["Awareness", "PR", "", "Customer", "Be known in our segment", "Analyst briefings", "Share of voice", "%", "higher", null, 0.25, null, [0.18, 0.21, 0.26], 1, "Ana"],
  ["Awareness", "Paid social", "", "Internal process", "Quality traffic", "Frequency caps", "Ad frequency per user", "x/week", "range", 1, 2, 4, [5.1, 4.6, 3.2], 1, "Maya"],
  ["Awareness", "PR", "", "Learning & growth", "Marketing skills", "Content academy", "Team members certified in content", "people", "higher", null, 8, null, [3, 5, 7], 1, "Ana"],
  ["Consideration", "Website", "Yes", "Customer", "Easy to evaluate", "Pricing page redesign", "Pricing page to trial conversion", "%", "higher", 0.02, 0.06, null, [0.041, 0.048, 0.058], 3, "Sam"],
  ["Consideration", "Website", "", "Internal process", "Fast, reliable site", "CDN and image work", "Page load time (p75)", "s", "lower", 4, 2, null, [2.9, 2.6, 2.0], 1, "Sam"],
  ["Consideration", "Product demo", "Yes", "Customer", "Easy to evaluate", "Demo script v2", "Demo show-up rate", "%", "higher", 0.4, 0.75, null, [0.62, 0.66, 0.76], 2, "Priya"],
  ["Consideration", "Product demo", "", "Financial", "Efficient pipeline", "Self-serve demo", "Cost per demo", "$", "lower", 250, 150, null, [190, 178, 158], 1, "Priya"],
  ["Consideration", "Reviews", "", "Customer", "Trusted by peers", "Review requests", "Average review rating", "stars", "higher", 3, 4.5, null, [4.3, 4.4, 4.5], 1, "Ana"],
  ["Consideration", "Reviews", "", "Learning & growth", "Voice of customer", "Review tagging", "Reviews analysed within 7 days", "%", "higher", null, 0.9, null, [0.6, 0.72, null], 1, "Ana"],
  ["Purchase", "Checkout", "Yes", "Customer", "Frictionless purchase", "One-page checkout", "Checkout abandonment rate", "%", "lower", 0.8, 0.55, null, [0.69, 0.66, 0.63], 3, "Jon"],
  ["Purchase", "Checkout", "Yes", "Internal process", "Frictionless purchase", "Payment retries", "Payment failure rate", "%", "lower", 0.05, 0.015, null, [0.026, 0.022, 0.016], 2, "Jon"],
  ["Purchase", "Checkout", "", "Financial", "Grow revenue", "Bundles", "Average order value", "$", "higher", 80, 120, null, [104, 109, 121], 2, "Jon"],
  ["Purchase", "Sales call", "", "Financial", "Grow revenue", "Sales playbook", "Win rate", "%", "higher", 0.1, 0.3, null, [0.22, 0.24, 0.27], 2, "Rita"],
  ["Purchase", "Sales call", "", "Learning & growth", "Skilled sellers", "Call coaching", "Sellers coached this month", "%", "higher", null, 1, null, [0.5, 0.75, 1], 1, "Rita"],
  ["Purchase", "Sales call", "Yes", "Customer", "Frictionless purchase", "Quote in a day", "Quote turnaround", "hours", "lower", 72, 24, null, [40, 36, 27], 2, "Rita"],
  ["Post-purchase support", "Onboarding", "Yes", "Customer", "Fast time to value", "Guided setup", "Activated within 7 days", "%", "higher", 0.3, 0.7, null, [0.55, 0.61, 0.67], 3, "Kai"],
  ["Post-purchase support", "Onboarding", "", "Internal process", "Fast time to value", "Setup templates", "Median days to first value", "days", "lower", 14, 5, null, [8, 7, 5], 1, "Kai"],
  ["Post-purchase support", "Support desk", "Yes", "Customer", "Issues solved first time", "Knowledge base", "First contact resolution", "%", "higher", 0.5, 0.8, null, [0.71, 0.74, 0.73], 3, "Lena"],
  ["Post-purchase support", "Support desk", "Yes", "Internal process", "Issues solved first time", "Staffing model", "First response time", "minutes", "lower", 60, 15, null, [31, 26, 16], 2, "Lena"],
  ["Post-purchase support", "Support desk", "", "Internal process", "Right-sized conversations", "Call guides", "Average handle time", "minutes", "range", null, 6, 9, [10.5, 9.6, 8.8], 1, "Lena"],
  ["Post-purchase support", "Support desk", "", "Financial", "Efficient service", "Self-service deflection", "Cost per ticket", "$", "lower", 18, 9, null, [12.5, 11.6, 9.4], 2, "Lena"],
  ["Post-purchase support", "Support desk", "", "Learning & growth", "Skilled agents", "Agent academy", "Agent training hours per month", "hours", "higher", null, 6, null, [3, 4, 6.2], 1, "Lena"],
  ["Post-purchase support", "Onboarding", "", "Financial", "Keep customers", "Health scores", "Gross revenue retention", "%", "higher", 0.8, 0.95, null, [0.91, 0.92, 0.95], 3, "Kai"],
  ["Advocacy", "Referral programme", "Yes", "Customer", "Customers recommend us", "NPS follow-ups", "Net promoter score", "points", "higher", 0, 50, null, [38, 41, 51], 3, "Nora"],
  ["Advocacy", "Referral programme", "", "Financial", "Grow revenue", "Double-sided reward", "Revenue from referrals", "$k", "higher", null, 60, null, [41, 47, 52], 2, "Nora"],
  ["Advocacy", "Community", "", "Customer", "Customers recommend us", "Champions programme", "Active community members", "people", "higher", null, 1200, null, [880, 960, 1150], 1, "Omar"],
  ["Advocacy", "Community", "", "Internal process", "Healthy community", "Moderation rota", "Unanswered posts after 48h", "%", "lower", 0.3, 0.05, null, [0.09, 0.07, null], 1, "Omar"],
  ["Advocacy", "Community", "", "Learning & growth", "Customer insight", "Insight reviews", "Product ideas reviewed", "ideas", "higher", null, 20, null, [12, 15, 21], 1, "Omar"],
];

type B = [stage: string, touchpoint: string, lineItem: string, type: string, budget: number[], actual: (number | null)[],
  forecast: number | null, budgetVolume: number[] | null, actualVolume: (number | null)[] | null, fixedShare: number | null];

const BUDGET: B[] = [
  ["Awareness", "Paid social", "Social media spend", "Cost", [20000, 20000, 22000], [21500, 19800, 26900], null, [400, 400, 440], [430, 410, 470], 0],
  ["Awareness", "Search ads", "Search media spend", "Cost", [15000, 15000, 15000], [14200, 15900, 16800], null, [375, 375, 375], [340, 360, 382], 0],
  ["Awareness", "PR", "PR agency retainer", "Cost", [6000, 6000, 6000], [6000, 6000, 6400], null, null, null, 1],
  ["Consideration", "Website", "Web platform and hosting", "Cost", [4000, 4000, 4000], [3900, 4100, 4050], null, null, null, 1],
  ["Consideration", "Product demo", "Demo team", "Cost", [18000, 18000, 18000], [18500, 17900, 18800], null, [120, 120, 120], [104, 112, 118], 0.6],
  ["Consideration", "Reviews", "Review platform", "Cost", [1500, 1500, 1500], [1500, 1500, 1500], null, null, null, null],
  ["Purchase", "Checkout", "Payment fees", "Expense", [5200, 5400, 5600], [5050, 5600, 6100], null, [1300, 1350, 1400], [1260, 1395, 1530], 0],
  ["Purchase", "Sales call", "Sales commissions", "Cost", [12000, 12000, 12500], [10800, 11600, 13900], 52000, [100, 100, 104], [90, 97, 116], 0.2],
  ["Purchase", "Checkout", "Online sales", "Revenue", [150000, 155000, 160000], [146000, 158500, 171000], null, [1300, 1350, 1400], [1260, 1395, 1530], 0],
  ["Purchase", "Sales call", "Sales-led deals", "Income", [90000, 90000, 95000], [78000, 86500, 99000], null, null, null, null],
  ["Post-purchase support", "Onboarding", "Onboarding specialists", "Cost", [14000, 14000, 14000], [14000, 14600, 14300], null, [180, 180, 180], [171, 196, 188], 0.5],
  ["Post-purchase support", "Support desk", "Support staff", "Cost", [22000, 22000, 22000], [21400, 22900, 23300], null, [2400, 2400, 2400], [2310, 2620, 2705], 0.7],
  ["Post-purchase support", "Support desk", "Helpdesk software", "Cost", [2500, 2500, 2500], [2500, 2500, 2500], null, null, null, 1],
  ["Post-purchase support", "Onboarding", "Renewals", "Revenue", [60000, 60000, 60000], [58800, 61200, 60900], null, null, null, null],
  ["Advocacy", "Referral programme", "Referral rewards", "Cost", [3000, 3000, 3500], [2600, 3300, 3900], null, [60, 60, 70], [52, 66, 79], 0],
  ["Advocacy", "Community", "Community manager", "Cost", [5500, 5500, 5500], [5500, 5500, null], null, null, null, 1],
  ["Advocacy", "Referral programme", "Referral revenue", "Revenue", [55000, 58000, 60000], [41000, 47000, 52000], null, null, null, null],
];

const JOURNEY_HEADERS = ["Stage", "Touchpoint", "Moment of truth", "Perspective", "Objective", "Initiative", "KPI", "Unit", "Direction", "Baseline", "Target", "Target max", "Actual", "Weight", "Period", "Owner"];
const BUDGET_HEADERS = ["Stage", "Touchpoint", "Line item", "Type", "Budget", "Actual", "Forecast", "Budget volume", "Actual volume", "Fixed share", "Period"];

function journeyRows(): SampleValue[][] {
  const rows: SampleValue[][] = [];
  PERIODS.forEach((period, p) => {
    for (const k of KPIS) {
      const [stage, tp, mot, persp, obj, init, kpi, unit, dir, base, target, tmax, actuals, weight, owner] = k;
      rows.push([stage, tp, mot, persp, obj, init, kpi, unit, dir, base, target, tmax, actuals[p], weight, period, owner]);
    }
  });
  return rows;
}

function budgetRows(): SampleValue[][] {
  const rows: SampleValue[][] = [];
  PERIODS.forEach((period, p) => {
    for (const [stage, tp, item, type, budget, actual, forecast, bv, av, fixed] of BUDGET) {
      // The Forecast (a full-year outturn) is given on the latest month only.
      rows.push([stage, tp, item, type, budget[p], actual[p], p === PERIODS.length - 1 ? forecast : null, bv ? bv[p] : null, av ? av[p] : null, fixed, period]);
    }
  });
  return rows;
}

/** The sample tables with the sheet each goes on: its own name, or `Journey (2)`… when taken. */
export function sampleSheets(existing: readonly string[]): { name: string; table: SampleTable }[] {
  const out: { name: string; table: SampleTable }[] = [];
  for (const table of [SAMPLE_TABLES.journey, SAMPLE_TABLES.budget]) out.push({ name: freeSheetName(table.name, [...existing, ...out.map((s) => s.name)]), table });
  return out;
}

export const SAMPLE_TABLES: { journey: SampleTable; budget: SampleTable } = {
  journey: { name: "Journey", rows: [JOURNEY_HEADERS, ...journeyRows()], columnFormats: {} },
  budget: {
    name: "Budget",
    rows: [BUDGET_HEADERS, ...budgetRows()],
    columnFormats: { Budget: '"$"#,##0', Actual: '"$"#,##0', Forecast: '"$"#,##0', "Fixed share": "0%" },
  },
};
