import { describe, expect, it } from "vitest";
import { foldName, groupBy, groupByName, nameKey, touchpointKey } from "./group";

describe("grouping", () => {
  it("folds a name as users mean it", () => {
    expect(foldName(" Post-purchase  Support ")).toBe("post-purchase support");
    expect(nameKey("Win\trate")).toBe("win rate");
  });

  it("groups names ignoring case and spaces, rows in table order, groups in order of first appearance", () => {
    const rows = ["Reach", "CPL", "reach", "  Reach ", "cpl", "Win  rate", "win rate"].map((kpi, i) => ({ kpi, i }));
    const groups = groupByName(rows, (r) => r.kpi);
    expect([...groups.keys()]).toEqual(["reach", "cpl", "win rate"]);
    expect(groups.get("reach")!.map((r) => r.i)).toEqual([0, 2, 3]);
    expect(groups.get("cpl")!.map((r) => r.i)).toEqual([1, 4]);
    expect(groups.get("win rate")!.map((r) => r.i)).toEqual([5, 6]);
  });

  it("tells the same touchpoint apart in two stages", () => {
    const rows = [
      { stage: "Awareness", touchpoint: "Search" },
      { stage: "Purchase", touchpoint: "Checkout" },
      { stage: "Purchase", touchpoint: "search" },
      { stage: "awareness", touchpoint: "SEARCH" },
    ];
    const groups = groupBy(rows, touchpointKey);
    expect([...groups.values()].map((g) => g.map((r) => rows.indexOf(r)))).toEqual([[0, 3], [1], [2]]);
  });

  it("handles no items", () => {
    expect(groupBy([] as string[], (n) => n).size).toBe(0);
  });
});
