import { describe, expect, it } from "vitest";
import { groupByName, groupBySame, groupByTouchpoint } from "./group";

describe("grouping", () => {
  it("groups names ignoring case and spaces, rows in table order", () => {
    const rows = ["Reach", "CPL", "reach", "  Reach ", "cpl", "Win  rate", "win rate"].map((kpi, i) => ({ kpi, i }));
    const groups = groupByName(rows, (r) => r.kpi);
    expect([...groups.keys()]).toEqual(["reach", "cpl", "win rate"]);
    expect(groups.get("reach")!.map((r) => r.i)).toEqual([0, 2, 3]);
    expect(groups.get("cpl")!.map((r) => r.i)).toEqual([1, 4]);
  });

  it("composite identity: by name, then by the rest, in order of first appearance", () => {
    const rows = [
      { stage: "Awareness", touchpoint: "Search" },
      { stage: "Purchase", touchpoint: "Checkout" },
      { stage: "Purchase", touchpoint: "search" },
      { stage: "awareness", touchpoint: "SEARCH" },
    ];
    expect(groupByTouchpoint(rows).map((g) => g.map((r) => rows.indexOf(r)))).toEqual([[0, 3], [1], [2]]);
  });

  it("falls back to keys for a name with very many sub-groups, with the same result", () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ name: "Media", stage: `Stage ${i % 50}`, i }));
    const groups = groupBySame(rows, (r) => r.name, (a, b) => a.stage === b.stage, (r) => r.stage);
    expect(groups).toHaveLength(50);
    expect(groups[0].map((r) => r.i)).toEqual([0, 50, 100, 150]);
    expect(groups[49].map((r) => r.i)).toEqual([49, 99, 149, 199]);
  });
});
