/**
 * Each setting's label, help, type, bounds and choices, from the settings schema itself, so
 * both panels draw the same settings form from one description.
 */
import { z } from "zod";
import { SettingsSchema } from "./settings";

export interface SettingField {
  /** Path in the settings object: `kpiTolerance`, `sheetNames.scorecard`. */
  key: string;
  label: string;
  help: string;
  /** `percent`: a share typed as a percentage; `mapping`: header → column pairs per table. */
  type: "number" | "percent" | "boolean" | "choice" | "text" | "mapping";
  min: number | null;
  max: number | null;
  /** Longest text allowed (sheet names: 31). */
  maxLength: number | null;
  choices: { value: string; label: string }[];
  /** Blank is allowed (it means the default behaviour, e.g. the latest period). */
  optional: boolean;
  default: unknown;
  /** The group's label for nested fields (sheet names, table names), else null. */
  group: string | null;
}

interface JsonField {
  title?: string;
  description?: string;
  unit?: string;
  choiceLabels?: Record<string, string>;
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
  anyOf?: JsonField[];
  properties?: Record<string, JsonField>;
  additionalProperties?: unknown;
}

function fieldOf(key: string, f: JsonField, group: string | null): SettingField {
  const nullable = f.anyOf?.some((a) => a.type === "null") ?? false;
  const base: JsonField = f.anyOf?.find((a) => a.type !== "null") ?? f;
  const type: SettingField["type"] = base.enum
    ? "choice"
    : base.type === "boolean"
      ? "boolean"
      : base.type === "number"
        ? (f.unit === "percent" ? "percent" : "number")
        : base.type === "object"
          ? "mapping"
          : "text";
  return {
    key,
    label: f.title ?? key,
    help: f.description ?? "",
    type,
    min: base.minimum ?? null,
    max: base.maximum ?? null,
    maxLength: base.maxLength ?? null,
    choices: (base.enum ?? []).map((value) => ({ value, label: f.choiceLabels?.[value] ?? value })),
    optional: nullable,
    default: f.default,
    group,
  };
}

/** The settings form, field by field, in the schema's order; nested groups flattened. */
export function settingsForm(): SettingField[] {
  const schema = z.toJSONSchema(SettingsSchema, { io: "input" }) as { properties: Record<string, JsonField> };
  return Object.entries(schema.properties).flatMap(([key, f]) =>
    f.properties && !f.additionalProperties && key !== "columnMapping"
      ? Object.entries(f.properties).map(([sub, g]) => fieldOf(`${key}.${sub}`, g, f.title ?? key))
      : [fieldOf(key, f, null)],
  );
}
