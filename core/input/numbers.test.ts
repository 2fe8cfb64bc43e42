import { describe, expect, it } from "vitest";
import { parseFraction, parseNumber } from "./numbers";

const point = { decimalComma: false };
const comma = { decimalComma: true };
const value = (v: unknown, o = point) => {
  const r = parseNumber(v as never, o);
  return r.kind === "number" ? r.value : r.kind;
};

describe("number parsing (docs/formulas.md §1.3)", () => {
  it.each([
    [1234.5, 1234.5],
    ["1,234.5", 1234.5],
    ["$1,200", 1200],
    ["85%", 0.85],
    ["(1,200)", -1200],
    ["  42 ", 42],
    ["-3.5", -3.5],
    ["1e3", 1000],
    ["€100", 100],
    ["USD 100", 100],
    ["12,000,000", 12000000],
  ])("%j → %j", (input, expected) => {
    expect(value(input)).toBeCloseTo(expected as number, 12);
  });
  it("decimal comma when the setting is on", () => {
    expect(value("€ 3.400,50", comma)).toBeCloseTo(3400.5, 12);
    expect(value("3,5", comma)).toBeCloseTo(3.5, 12);
    expect(value("1.234.567,8", comma)).toBeCloseTo(1234567.8, 12);
  });
  it("blank is blank", () => {
    expect(value(null)).toBe("blank");
    expect(value("   ")).toBe("blank");
    expect(value(undefined)).toBe("blank");
  });
  it.each([["abc"], ["#N/A"], ["#DIV/0!"], [Number.NaN], [Number.POSITIVE_INFINITY], [true], ["NaN"], ["1e400"], [1e16], ["3,5"], ["1,23,4"], [new Date(2026, 0, 1)]])(
    "%j is invalid",
    (input) => {
      expect(value(input)).toBe("invalid");
    },
  );
  it("says why a decimal comma failed without the setting", () => {
    const r = parseNumber("3,5", point);
    expect(r.kind === "invalid" && r.why).toContain("decimal comma");
  });
  it("fractions: 0–1 or percent, above 1 is an error", () => {
    expect(parseFraction("15%", point)).toEqual({ kind: "number", value: 0.15 });
    expect(parseFraction(0.15, point)).toEqual({ kind: "number", value: 0.15 });
    expect(parseFraction(15, point).kind).toBe("invalid");
    expect(parseFraction(-0.1, point).kind).toBe("invalid");
  });
});
