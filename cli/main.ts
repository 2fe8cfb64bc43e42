/**
 * journey-scorecard command line: .xlsx or .csv in, an .xlsx with the report sheets out.
 * Exit codes: 0 done, 1 input errors (nothing written), 2 usage error.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, renameSync, rmSync, mkdirSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readCsv } from "./read-csv";
import { findTable, numberFormatAt } from "./read-workbook";
import { addReportSheets } from "./write-report";
import { analyse, AnalysisInput, analysisToJson, buildReport, buildSummary, summaryText, moneyCellOf, moneyFormatFrom, parseSettings, Problem, problemJson } from "../core";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `Usage:
  journey-scorecard build <workbook.xlsx> [options]
  journey-scorecard build --journey kpis.csv [--budget budget.csv] [options]

Options:
  --out FILE             report workbook to write (default: <input>.scorecard.xlsx beside the input)
  --as-of PERIOD         report on this period (default: the latest period with an actual)
  --json                 print the computed result as JSON (writes the workbook only with --out)
  --settings FILE        settings as JSON (tolerances, sheet names, column mapping, ...)
  --skip-invalid-rows    report on the valid rows and list the skipped ones
  --decimal-comma        read text numbers as 3.400,50
  --forecast METHOD      remaining-budget (default) or run-rate
  --palette NAME         standard (default) or colour-blind
  --quiet                no summary
  -h, --help             this text
`;

class UsageError extends Error {}

/** Rows above which a progress line goes to stderr. */
const PROGRESS_ROWS = 10_000;

export async function run(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" }, "as-of": { type: "string" }, json: { type: "boolean" }, settings: { type: "string" },
        "skip-invalid-rows": { type: "boolean" }, "decimal-comma": { type: "boolean" }, forecast: { type: "string" },
        palette: { type: "string" }, journey: { type: "string" }, budget: { type: "string" }, quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.stderr(`journey-scorecard: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: opt, positionals } = args;
  if (opt.help) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await build(positionals, opt, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`journey-scorecard: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

type Options = {
  out?: string; "as-of"?: string; json?: boolean; settings?: string; "skip-invalid-rows"?: boolean; "decimal-comma"?: boolean;
  forecast?: string; palette?: string; journey?: string; budget?: string; quiet?: boolean;
};

function readSettings(opt: Options): ReturnType<typeof parseSettings> {
  let raw: Record<string, unknown> = {};
  if (opt.settings) {
    if (!existsSync(opt.settings)) throw new UsageError(`settings file not found: ${opt.settings}`);
    try {
      raw = JSON.parse(readFileSync(opt.settings, "utf8"));
    } catch (e) {
      throw new UsageError(`settings file ${opt.settings} is not valid JSON (${(e as Error).message})`);
    }
  }
  if (opt["as-of"]) raw.asOfPeriod = opt["as-of"];
  if (opt["skip-invalid-rows"]) raw.skipInvalidRows = true;
  if (opt["decimal-comma"]) raw.decimalComma = true;
  if (opt.forecast) {
    if (!["remaining-budget", "run-rate"].includes(opt.forecast)) throw new UsageError(`--forecast must be remaining-budget or run-rate, not "${opt.forecast}"`);
    raw.forecastMethod = opt.forecast;
  }
  if (opt.palette) {
    if (!["standard", "colour-blind"].includes(opt.palette)) throw new UsageError(`--palette must be standard or colour-blind, not "${opt.palette}"`);
    raw.palette = opt.palette;
  }
  return parseSettings(raw);
}

function mustExist(path: string, what: string): void {
  if (!existsSync(path)) throw new UsageError(`${what} not found: ${path}`);
}

async function build(positionals: string[], opt: Options, io: Io): Promise<number> {
  const [command, workbookPath, ...extra] = positionals;
  if (command !== "build") throw new UsageError(command ? `unknown command "${command}"` : "missing command");
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (workbookPath && opt.journey) throw new UsageError("give either a workbook or --journey, not both");
  if (!workbookPath && !opt.journey) throw new UsageError("missing input: a workbook, or --journey kpis.csv");
  if (opt.budget && !opt.journey) throw new UsageError("--budget goes with --journey (a workbook holds its own Budget table)");
  const { settings, problems: settingsProblems } = readSettings(opt);

  const inputPath = workbookPath ?? opt.journey!;
  mustExist(inputPath, workbookPath ? "workbook" : "journey file");
  if (opt.budget) mustExist(opt.budget, "budget file");
  const outPath = opt.out ?? (opt.json ? null : join(dirname(inputPath), `${basename(inputPath, extname(inputPath))}.scorecard.xlsx`));
  if (outPath && resolve(outPath) === resolve(inputPath)) throw new UsageError("--out must differ from the input: journey-scorecard never overwrites your workbook");

  let workbook: ExcelJS.Workbook;
  let input: AnalysisInput;
  let moneyFormat: string | undefined;
  if (workbookPath) {
    if (!/\.xlsx$/i.test(workbookPath)) throw new UsageError(`the workbook must be an .xlsx file (for CSV use --journey): ${workbookPath}`);
    workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.readFile(workbookPath);
    } catch (e) {
      io.stderr(`journey-scorecard: cannot read ${workbookPath} as an .xlsx workbook (${(e as Error).message}).\n`);
      return 1;
    }
    input = { journey: findTable(workbook, settings.tableNames.journey), budget: findTable(workbook, settings.tableNames.budget) };
    moneyFormat = moneyFormatFrom(numberFormatAt(workbook, moneyCellOf(input.budget, settings)));
  } else {
    input = {
      journey: readCsv(opt.journey!, readFileSync(opt.journey!, "utf8")),
      budget: opt.budget ? readCsv(opt.budget, readFileSync(opt.budget, "utf8")) : null,
    };
    workbook = csvWorkbook(input);
  }

  const rows = (input.journey?.block.values.length ?? 0) + (input.budget?.block.values.length ?? 0);
  const progress = rows > PROGRESS_ROWS ? (text: string) => io.stderr(`journey-scorecard: ${text}\n`) : () => {};
  progress(`read ${rows.toLocaleString("en-US")} rows; checking and scoring…`);
  const outcome = analyse(input, settings, settingsProblems);
  reportProblems(outcome.problems, io);
  if (!outcome.analysis) {
    const errors = outcome.problems.filter((p) => p.severity === "error").length;
    io.stderr(`journey-scorecard: ${errors} error${errors === 1 ? "" : "s"} in the input; no report was written${outPath && existsSync(outPath) ? ` (${outPath} is unchanged)` : ""}.\n`);
    if (opt.json) io.stdout(JSON.stringify({ problems: outcome.problems.map(problemJson) }, null, 2) + "\n");
    return 1;
  }
  const analysis = outcome.analysis;
  const found = [input.journey?.foundAs, input.budget?.foundAs].filter(Boolean).join(" and ");
  const model = buildReport(analysis, { moneyFormat, generatedAt: new Date().toISOString().slice(0, 10) });

  let written: string[] = [];
  if (outPath) {
    progress("writing the report workbook…");
    const plan = addReportSheets(workbook, model);
    for (const n of plan.notices) io.stderr(`journey-scorecard: ${n}\n`);
    await writeAtomically(workbook, outPath);
    written = model.sheets.map((s) => plan.names[s.key]);
  }
  if (opt.json) {
    io.stdout(JSON.stringify(analysisToJson(analysis), null, 2) + "\n");
  } else if (!opt.quiet) {
    io.stdout(`Read ${found}.\n${summaryText(buildSummary(analysis))}\n`);
    if (outPath) io.stdout(`Report written to ${outPath} (sheets: ${written.join(", ")}).\n`);
  }
  return 0;
}

/** Problems on stderr, one per line, errors first. */
function reportProblems(problems: Problem[], io: Io): void {
  for (const p of problems) io.stderr(`${p.severity === "error" ? "error" : "warning"}: ${p.message}\n`);
}

/** A fresh workbook holding the CSV tables as sheets, so the report sits beside its data. */
function csvWorkbook(input: AnalysisInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, table] of [["Journey", input.journey], ["Budget", input.budget]] as const) {
    if (!table) continue;
    const ws = wb.addWorksheet(name);
    for (const row of table.block.values) {
      // Plain decimal numbers become numbers (not `0100`: a leading zero is part of a code);
      // everything else stays exactly the text that was read.
      ws.addRow(row.map((v) => (typeof v === "string" && /^-?(0|[1-9]\d*)(\.\d+)?$/.test(v) ? Number(v) : v)));
    }
  }
  return wb;
}

/** Writes beside the target, then renames: a failure never leaves a half-written file. */
async function writeAtomically(wb: ExcelJS.Workbook, outPath: string): Promise<void> {
  const dir = dirname(resolve(outPath));
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(outPath)}.${process.pid}.tmp.xlsx`);
  try {
    await wb.xlsx.writeFile(temp);
    renameSync(temp, outPath);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Runs with the process's arguments and streams; sets the exit code. */
export function runFromProcess(): void {
  run(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`journey-scorecard: unexpected failure: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]).replace(/\.[cm]?[jt]s$/, "") === resolve(import.meta.dirname ?? ".", "main");
if (invokedDirectly) runFromProcess();
