import { describe, expect, it } from "vitest";
import { groupByName, groupIndexesByName, groupIndexesBySame, groupNumbers, itemsOf, mapGroups, sameStage, touchpointKey } from "./group";

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
    const groups = groupIndexesBySame(rows, (r) => r.touchpoint, sameStage, touchpointKey);
    expect(mapGroups(groups, rows, (g) => g.map((r) => rows.indexOf(r)))).toEqual([[0, 3], [1], [2]]);
    expect([...groupNumbers(groups)]).toEqual([0, 1, 2, 0]);
  });

  it("falls back to keys for a name with very many sub-groups, with the same result", () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ name: "Media", stage: `Stage ${i % 50}`, i }));
    const groups = mapGroups(groupIndexesBySame(rows, (r) => r.name, (a, b) => a.stage === b.stage, (r) => r.stage), rows, (g) => g);
    expect(groups).toHaveLength(50);
    expect(groups[0].map((r) => r.i)).toEqual([0, 50, 100, 150]);
    expect(groups[49].map((r) => r.i)).toEqual([49, 99, 149, 199]);
  });

  it("keeps groups as two index arrays: members group after group, starts where each begins", () => {
    const names = ["Reach", "CPL", "REACH", "Win rate", "cpl", "reach"];
    const groups = groupIndexesByName(names, (n) => n);
    expect(groups.keys).toEqual(["reach", "cpl", "win rate"]);
    expect(groups.count).toBe(3);
    expect([...groups.starts]).toEqual([0, 3, 5, 6]);
    expect([...groups.members]).toEqual([0, 2, 5, 1, 4, 3]);
    expect(itemsOf(groups, 1, names)).toEqual(["CPL", "cpl"]);
    expect(mapGroups(groups, names, (g) => g.length)).toEqual([3, 2, 1]);
  });

  it("numbers split groups by their first item, even when a later name appears in between", () => {
    const rows = [
      { name: "Ads", stage: "A" }, // group 0
      { name: "Email", stage: "A" }, // group 1
      { name: "Ads", stage: "B" }, // group 2: same name as group 0, first seen after group 1
      { name: "ads", stage: "a" }, // group 0 again (names and stages fold)
    ];
    const groups = groupIndexesBySame(rows, (r) => r.name, (a, b) => a.stage.toLowerCase() === b.stage.toLowerCase(), (r) => r.stage.toLowerCase());
    expect([...groups.starts]).toEqual([0, 2, 3, 4]);
    expect([...groups.members]).toEqual([0, 3, 1, 2]);
  });

  it("handles no items", () => {
    const groups = groupIndexesByName([] as string[], (n) => n);
    expect(groups.count).toBe(0);
    expect(mapGroups(groups, [] as string[], (g) => g)).toEqual([]);
  });
});
