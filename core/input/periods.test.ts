import { describe, expect, it } from "vitest";
import { orderPeriods, parsePeriod } from "./periods";

describe("periods", () => {
  it("reads dates, serials, months, quarters and text", () => {
    expect(parsePeriod(new Date(Date.UTC(2026, 2, 1)))?.label).toBe("2026-03");
    expect(parsePeriod(new Date(Date.UTC(2026, 2, 15)))?.label).toBe("2026-03-15");
    // Excel serial 46023 = 2026-01-01
    expect(parsePeriod(46023)?.label).toBe("2026-01");
    expect(parsePeriod(3)).toEqual({ label: "3", start: null });
    expect(parsePeriod("2026/3")?.label).toBe("2026-03");
    expect(parsePeriod("2026 Q2")?.label).toBe("2026-Q2");
    expect(parsePeriod("2026-02-30")).toEqual({ label: "2026-02-30", start: null });
    expect(parsePeriod("  ")).toBeNull();
  });
  it("orders by date only when every period parses", () => {
    expect(orderPeriods(["2026-03", "2026-01", "2025-Q4"].map((p) => parsePeriod(p)!))).toEqual(["2025-Q4", "2026-01", "2026-03"]);
    expect(orderPeriods(["2026-03", "Spring", "2026-01"].map((p) => parsePeriod(p)!))).toEqual(["2026-03", "Spring", "2026-01"]);
  });
});
