/**
 * The files a user names: what may be read, what may be written, and how the report reaches
 * its path without ever leaving a half-written file or a stray temp file behind.
 */
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";


/** What marks a workbook as a journey-scorecard report, so that a later run may replace it. */
export const REPORT_KEYWORD = "journey-scorecard-report";

/** A problem with what the user gave: exit 1 (input) or 2 (usage), with a message naming it. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2) {
    super(message);
  }
}

/** Printable characters only: a message never prints raw bytes of a file. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/g, "?").slice(0, 300);
}

/** The real path of a file that may not exist yet: its folder's real path, then its name. */
function realPathOf(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  const dir = dirname(full);
  return join(existsSync(dir) ? realpathSync(dir) : dir, basename(full));
}

/** Whether the folder's file system ignores case (as on macOS and Windows). */
function foldsCase(dir: string): boolean {
  const probe = existsSync(dir) ? dir : dirname(dir);
  const swapped = probe.replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  if (swapped === probe) return false;
  try {
    return statSync(swapped).ino === statSync(probe).ino;
  } catch {
    return false;
  }
}

/** Whether two paths name the same file, after links, and ignoring case where the file system does. */
export function sameFile(a: string, b: string): boolean {
  const ra = realPathOf(a);
  const rb = realPathOf(b);
  if (ra === rb) return true;
  return foldsCase(dirname(ra)) && ra.toLowerCase() === rb.toLowerCase();
}

/** An input must be a file that exists. */
export function checkInput(path: string, what: string): void {
  if (!existsSync(path)) throw new CliError(`${what} not found: ${path}`, 2);
  if (statSync(path).isDirectory()) throw new CliError(`${what} ${path} is a folder; expected a file`, 1);
}

/** Whether a file is a report this program wrote (its own workbook, tagged in its properties). */
export async function isOurReport(path: string): Promise<boolean> {
  try {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(readFileSync(path));
    const core = await zip.file("docProps/core.xml")?.async("string");
    return !!core && core.includes(REPORT_KEYWORD);
  } catch {
    return false;
  }
}

/**
 * Checks `--out` before any work: not an input, not a folder, not a file of the user's, and in
 * a folder that can be written. Every message names the path as the user gave it.
 */
export async function checkOutput(out: string, inputs: string[]): Promise<void> {
  for (const input of inputs) {
    if (sameFile(out, input)) throw new CliError(`--out ${out} is one of the inputs (${input}): journey-scorecard never overwrites your files; choose another --out`, 2);
  }
  const full = resolve(out);
  if (existsSync(full)) {
    if (statSync(full).isDirectory()) throw new CliError(`--out ${out} is a folder; expected a file name such as ${join(out, "report.xlsx")}`, 2);
    if (!(await isOurReport(full))) throw new CliError(`--out ${out} exists and is not a journey-scorecard report: journey-scorecard never overwrites your files; choose another --out or remove it`, 2);
  }
  const dir = dirname(full);
  try {
    makeFolders(dir);
    const probe = join(dir, `.journey-scorecard-probe-${process.pid}`);
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (e) {
    throw new CliError(`cannot write --out ${out}: ${printable((e as NodeJS.ErrnoException).code ?? (e as Error).message)} in ${dirname(out) || "."}`, 2);
  }
}

/**
 * Creates a folder and its missing parents one level at a time (Node's recursive mkdir spins
 * forever under /proc, where a missing parent can never be made).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}

/** The temp file a report is written to beside its target, then renamed into place. */
export function tempPathFor(out: string): string {
  return join(dirname(resolve(out)), `.${basename(out)}.journey-scorecard-${process.pid}.tmp`);
}

/** Removes temp files of ours left beside `out` by a run that was killed (its process is gone). */
export function cleanStaleTemps(out: string): void {
  const dir = dirname(resolve(out));
  const pattern = new RegExp(`^\\.${basename(out).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.journey-scorecard-(\\d+)\\.tmp$`);
  for (const name of readdirSync(dir)) {
    const m = pattern.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
