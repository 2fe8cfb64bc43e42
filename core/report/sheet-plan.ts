/**
 * Which sheets a host writes, replaces and names, and in what order: "build aside, then
 * swap", so a run that fails part-way leaves the previous report, and a sheet of the user's
 * is never touched. Pure: the host says what its workbook holds; the plan says what to do.
 */
import type { ReportSheetKey } from "./model";

/** A sheet the workbook has now. */
export interface ExistingSheet {
  name: string;
  /** The report sheet key its ownership tag names, or null for a sheet of the user's. */
  ownedAs: ReportSheetKey | null;
}

/**
 * One step of a plan, done in order:
 * - `build`: add an empty sheet named `name` and write report sheet `key` into it;
 * - `remove`: delete the sheet named `name` (a previous report sheet of ours);
 * - `rename`: rename sheet `from` to `to`;
 * - `tag`: mark sheet `name` as ours, as report sheet `key`.
 * Every build comes first: a failure there leaves the workbook as it was but for the sheets
 * being built, which the host deletes.
 */
export type SheetStep =
  | { do: "build"; key: ReportSheetKey; name: string }
  | { do: "remove"; name: string }
  | { do: "rename"; from: string; to: string }
  | { do: "tag"; key: ReportSheetKey; name: string };

export interface SheetPlan {
  steps: SheetStep[];
  /** The name each report sheet ends up with. */
  names: Record<ReportSheetKey, string>;
  /** The sheet to show when done: the first report sheet. */
  activate: string;
  /** What the user should be told (a name was taken by a sheet of theirs). */
  notices: string[];
}

/** Excel's limit on a sheet name's length. */
const MAX_NAME = 31;

/** Sheet names are compared as spreadsheets compare them: ignoring case. */
const same = (name: string) => name.toLocaleLowerCase("en-US");

/** `name`, or `name (2)`, `name (3)`… shortened to fit: the first that `isFree` accepts. */
export function freeName(name: string, isFree: (name: string) => boolean): string {
  if (isFree(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (isFree(candidate)) return candidate;
  }
}

/** A name for a new sheet beside `existing` ones: `name`, else `name (2)`… (compared ignoring case). */
export function freeSheetName(name: string, existing: readonly string[]): string {
  const taken = new Set(existing.map(same));
  return freeName(name, (n) => !taken.has(same(n)));
}

/**
 * The plan for writing report sheets `wanted` (key and name from settings, in report order)
 * into a workbook that has `existing` sheets.
 * Example: the user has "Scorecard" of their own → the report's goes to "Scorecard (2)".
 */
export function planSheets(existing: readonly ExistingSheet[], wanted: readonly { key: ReportSheetKey; name: string }[]): SheetPlan {
  const keys = new Set(wanted.map((w) => w.key));
  // Every earlier report sheet goes: replaced by the new one, or dropped when this report has no
  // such sheet (a budget alone has no Scorecard), so no stale figures stay beside fresh ones.
  const replaced = existing.filter((s) => s.ownedAs !== null);
  const kept = existing.filter((s) => !replaced.includes(s));
  // Every name in use at some point of the plan, so that no step collides with another.
  const taken = new Set(existing.map((s) => same(s.name)));
  const take = (name: string) => (taken.add(same(name)), name);

  const builds = wanted.map((w, i) => ({ ...w, buildName: take(freeName(`journey-scorecard ${i + 1}`, (n) => !taken.has(same(n)))) }));
  // Final names may reuse the names of the sheets being replaced, never those of kept sheets.
  const inUse = new Set([...kept.map((s) => same(s.name)), ...builds.map((b) => same(b.buildName))]);
  const notices: string[] = replaced
    .filter((s) => !keys.has(s.ownedAs!))
    .map((s) => `The earlier report sheet "${s.name}" was removed: this report has no such sheet.`);
  const names = {} as Record<ReportSheetKey, string>;
  for (const w of builds) {
    const name = freeName(w.name, (n) => !inUse.has(same(n)));
    inUse.add(same(name));
    names[w.key] = name;
    if (name === w.name) continue;
    const holder = kept.find((s) => same(s.name) === same(w.name));
    notices.push(
      holder
        ? `A sheet named "${holder.name}" already exists and is not a journey-scorecard report; it was left untouched and the report was written to "${name}".`
        : `Two report sheets are named "${w.name}" in the settings; the second was written to "${name}".`,
    );
  }
  const steps: SheetStep[] = [
    ...builds.map((b): SheetStep => ({ do: "build", key: b.key, name: b.buildName })),
    ...replaced.map((s): SheetStep => ({ do: "remove", name: s.name })),
    ...builds.map((b): SheetStep => ({ do: "rename", from: b.buildName, to: names[b.key] })),
    ...builds.map((b): SheetStep => ({ do: "tag", key: b.key, name: names[b.key] })),
  ];
  return { steps, names, activate: wanted.length ? names[wanted[0].key] : "", notices };
}
