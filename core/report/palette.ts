/**
 * Every colour the report uses: statuses, scales, data bars, headers, tabs and chart series.
 * The colour-blind palette swaps red/green for orange/blue (Okabe–Ito hues), keeping amber as
 * yellow. Colours are `#RRGGBB`.
 */
export interface StatusColours {
  fill: string;
  font: string;
}

export interface Palette {
  good: StatusColours;
  warn: StatusColours;
  bad: StatusColours;
  none: StatusColours;
  /** On budget: neither good news nor bad. */
  neutral: StatusColours;
  scale: { bad: string; warn: string; good: string };
  bar: string;
  /** The low end of the two-colour scale that stands in for a data bar where a host has none. */
  barBase: string;
  header: { fill: string; border: string };
  /** The subtitle under each sheet's title. */
  note: string;
  /** Sheet tabs of the report. */
  tab: string;
  chart: { score: string; budget: string; actual: string };
}

const HEADER = { fill: "#DDEBF7", border: "#9BC2E6" };

export const PALETTES: Record<"standard" | "colour-blind", Palette> = {
  standard: {
    good: { fill: "#C6EFCE", font: "#006100" },
    warn: { fill: "#FFEB9C", font: "#9C5700" },
    bad: { fill: "#FFC7CE", font: "#9C0006" },
    none: { fill: "#EDEDED", font: "#595959" },
    neutral: { fill: "#DDEBF7", font: "#1F4E78" },
    scale: { bad: "#F8696B", warn: "#FFEB84", good: "#63BE7B" },
    bar: "#9BC2E6",
    barBase: "#FFFFFF",
    header: HEADER,
    note: "#595959",
    tab: "#2F5597",
    chart: { score: "#5B9BD5", budget: "#A5A5A5", actual: "#2F5597" },
  },
  "colour-blind": {
    good: { fill: "#CFE5F7", font: "#0B4F8A" },
    warn: { fill: "#FFF2B3", font: "#6B5000" },
    bad: { fill: "#F9D3AE", font: "#8A3B00" },
    none: { fill: "#EDEDED", font: "#595959" },
    neutral: { fill: "#E8E8F4", font: "#3A3A6B" },
    scale: { bad: "#E69F00", warn: "#F0E442", good: "#0072B2" },
    bar: "#A6D1F0",
    barBase: "#FFFFFF",
    header: HEADER,
    note: "#595959",
    tab: "#2F5597",
    chart: { score: "#0072B2", budget: "#999999", actual: "#E69F00" },
  },
};
