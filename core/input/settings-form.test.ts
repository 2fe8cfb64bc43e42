import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, parseSettings } from "./settings";
import { settingsForm } from "./settings-form";

describe("settings form", () => {
  const form = settingsForm();
  const field = (key: string) => form.find((f) => f.key === key)!;

  it("has a field for every setting, nested ones flattened, each with a label and help", () => {
    const keys = Object.entries(DEFAULT_SETTINGS).flatMap(([k, v]) =>
      v && typeof v === "object" && k !== "columnMapping" ? Object.keys(v).map((sub) => `${k}.${sub}`) : [k],
    );
    expect(form.map((f) => f.key)).toEqual(keys);
    for (const f of form) {
      expect(f.label, f.key).not.toBe(f.key);
      expect(f.help.length, f.key).toBeGreaterThan(10);
    }
  });

  it("types, bounds, choices and defaults come from the schema", () => {
    expect(field("kpiTolerance")).toMatchObject({ type: "percent", min: 0, max: 1, default: 0.1, optional: false });
    expect(field("scoreCap")).toMatchObject({ type: "percent", min: 0.1, max: 10, default: 1 });
    expect(field("asOfPeriod")).toMatchObject({ type: "text", optional: true, default: null });
    expect(field("decimalComma")).toMatchObject({ type: "boolean", default: false });
    expect(field("palette").choices).toEqual([{ value: "standard", label: "Standard" }, { value: "colour-blind", label: "Colour-blind safe" }]);
    expect(field("forecastMethod").choices.map((c) => c.value)).toEqual(["remaining-budget", "run-rate"]);
    expect(field("sheetNames.budget")).toMatchObject({ type: "text", maxLength: 31, default: "Budget Variance", group: "Report sheet names" });
    expect(field("columnMapping")).toMatchObject({ type: "mapping", default: { journey: {}, budget: {} } });
  });

  it("the form's defaults are the settings' defaults", () => {
    const fromForm: Record<string, unknown> = {};
    for (const f of form) {
      const [k, sub] = f.key.split(".");
      if (sub) fromForm[k] = { ...(fromForm[k] as object), [sub]: f.default };
      else fromForm[k] = f.default;
    }
    expect(parseSettings(fromForm)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });
});
