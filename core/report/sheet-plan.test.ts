import { describe, expect, it } from "vitest";
import { SheetStep, planSheets } from "./sheet-plan";
import { charactersToPixels, pixelsToCharacters, pixelsToPoints } from "./sizes";

const REPORT = [
  { key: "scorecard", name: "Scorecard" },
  { key: "budget", name: "Budget Variance" },
  { key: "journey", name: "Journey View" },
] as const;

const user = (name: string) => ({ name, ownedAs: null });

describe("sheet plan", () => {
  it("a first run builds aside under free names, then renames and tags", () => {
    const plan = planSheets([user("Journey"), user("Budget")], REPORT);
    expect(plan.steps).toEqual<SheetStep[]>([
      { do: "build", key: "scorecard", name: "journey-scorecard 1" },
      { do: "build", key: "budget", name: "journey-scorecard 2" },
      { do: "build", key: "journey", name: "journey-scorecard 3" },
      { do: "rename", from: "journey-scorecard 1", to: "Scorecard" },
      { do: "rename", from: "journey-scorecard 2", to: "Budget Variance" },
      { do: "rename", from: "journey-scorecard 3", to: "Journey View" },
      { do: "tag", key: "scorecard", name: "Scorecard" },
      { do: "tag", key: "budget", name: "Budget Variance" },
      { do: "tag", key: "journey", name: "Journey View" },
    ]);
    expect(plan.activate).toBe("Scorecard");
    expect(plan.notices).toEqual([]);
  });

  it("a re-run removes only our previous sheets, after every build, even one the user renamed", () => {
    const plan = planSheets(
      [user("Journey"), { name: "Scorecard", ownedAs: "scorecard" }, { name: "My budget report", ownedAs: "budget" }, user("Notes")],
      REPORT,
    );
    const removes = plan.steps.filter((s) => s.do === "remove");
    expect(removes).toEqual([{ do: "remove", name: "Scorecard" }, { do: "remove", name: "My budget report" }]);
    const lastBuild = plan.steps.map((s) => s.do).lastIndexOf("build");
    expect(plan.steps.findIndex((s) => s.do === "remove")).toBe(lastBuild + 1);
    expect(plan.names).toEqual({ scorecard: "Scorecard", budget: "Budget Variance", journey: "Journey View" });
  });

  it("a report with fewer sheets (a budget alone) removes our earlier sheets it no longer has, and says so", () => {
    const plan = planSheets(
      [user("Budget"), { name: "Scorecard", ownedAs: "scorecard" }, { name: "Budget Variance", ownedAs: "budget" }, { name: "Journey View", ownedAs: "journey" }],
      [{ key: "budget", name: "Budget Variance" }],
    );
    expect(plan.steps.filter((s) => s.do === "remove")).toEqual([
      { do: "remove", name: "Scorecard" }, { do: "remove", name: "Budget Variance" }, { do: "remove", name: "Journey View" },
    ]);
    expect(plan.names).toEqual({ budget: "Budget Variance" });
    expect(plan.notices).toEqual([
      'The earlier report sheet "Scorecard" was removed: this report has no such sheet.',
      'The earlier report sheet "Journey View" was removed: this report has no such sheet.',
    ]);
    expect(plan.activate).toBe("Budget Variance");
  });

  it("a user's sheet holding a report name, in any case, is left alone: the report takes Name (2)", () => {
    const plan = planSheets([user("scorecard"), user("Scorecard (2)"), user("JOURNEY VIEW")], REPORT);
    expect(plan.names).toEqual({ scorecard: "Scorecard (3)", budget: "Budget Variance", journey: "Journey View (2)" });
    expect(plan.steps.some((s) => s.do === "remove")).toBe(false);
    expect(plan.notices).toEqual([
      'A sheet named "scorecard" already exists and is not a journey-scorecard report; it was left untouched and the report was written to "Scorecard (3)".',
      'A sheet named "JOURNEY VIEW" already exists and is not a journey-scorecard report; it was left untouched and the report was written to "Journey View (2)".',
    ]);
  });

  it("build names avoid the user's sheets; report names differing only by case get apart", () => {
    const plan = planSheets([user("Journey-Scorecard 1")], [{ key: "scorecard", name: "Report" }, { key: "budget", name: "REPORT" }]);
    expect(plan.steps[0]).toEqual({ do: "build", key: "scorecard", name: "journey-scorecard 1 (2)" });
    expect(plan.steps[1]).toEqual({ do: "build", key: "budget", name: "journey-scorecard 2" });
    expect(plan.names).toEqual({ scorecard: "Report", budget: "REPORT (2)" });
    expect(plan.notices).toEqual(['Two report sheets are named "REPORT" in the settings; the second was written to "REPORT (2)".']);
  });

  it("a suffixed name stays within 31 characters", () => {
    const long = "A".repeat(31);
    const plan = planSheets([user(long)], [{ key: "scorecard", name: long }]);
    expect(plan.names.scorecard).toBe(`${"A".repeat(27)} (2)`);
    expect(plan.names.scorecard).toHaveLength(31);
  });
});

describe("sizes", () => {
  it("pixels to each host's unit", () => {
    expect(pixelsToPoints(20)).toBe(15);
    expect(pixelsToCharacters(159)).toBe(22);
    expect(charactersToPixels(22)).toBe(159);
    expect(pixelsToCharacters(charactersToPixels(13))).toBe(13);
  });
});
