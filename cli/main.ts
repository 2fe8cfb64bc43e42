/**
 * journey-scorecard command line: .xlsx or .csv in, an .xlsx with the report sheets out.
 * Exit codes: 0 done, 1 input errors (nothing written), 2 usage error.
 */
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliError, checkInput, checkOutput, cleanStaleTemps, printable, tempPathFor } from "./paths";
import { readCsvFile } from "./read-csv";
import { readWorkbook } from "./read-workbook";
import { jsonPieces } from "./write-json";
import { InputCopy, writeReportWorkbook } from "./write-report";
import { analyse, AnalysisInput, ColumnsFound, analysisToJson, tablesFoundAs, buildReport, buildSummary, moneyCellOf, moneyFormatFrom, parseSettings, Problem, problemJson, summaryText } from "../core";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `Usage:
  journey-scorecard build <workbook.xlsx or .xlsm> [options]
  journey-scorecard build [--journey kpis.csv] [--budget budget.csv [--actuals actuals.csv]] [options]

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
        palette: { type: "string" }, journey: { type: "string" }, budget: { type: "string" }, actuals: { type: "string" }, quiet: { type: "boolean" },
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
    if (e instanceof CliError) {
      io.stderr(`journey-scorecard: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

type Options = {
  out?: string; "as-of"?: string; json?: boolean; settings?: string; "skip-invalid-rows"?: boolean; "decimal-comma"?: boolean;
  forecast?: string; palette?: string; journey?: string; budget?: string; actuals?: string; quiet?: boolean;
};

function readSettings(opt: Options): ReturnType<typeof parseSettings> {
  let raw: Record<string, unknown> = {};
  if (opt.settings) {
    try {
      raw = JSON.parse(readFileSync(opt.settings, "utf8"));
    } catch (e) {
      throw new UsageError(`settings file ${opt.settings} is not valid JSON (${printable((e as Error).message)})`);
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

async function build(positionals: string[], opt: Options, io: Io): Promise<number> {
  const [command, workbookPath, ...extra] = positionals;
  if (command !== "build") throw new UsageError(command ? `unknown command "${command}"` : "missing command");
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (workbookPath && opt.journey) throw new UsageError("give either a workbook or --journey, not both");
  if (workbookPath && opt.budget) throw new UsageError("give either a workbook or --budget, not both (a workbook holds its own Budget table)");
  if (workbookPath && opt.actuals) throw new UsageError("give either a workbook or --actuals, not both (a workbook holds its own Actuals table)");
  if (opt.actuals && !opt.budget) throw new UsageError("--actuals goes with --budget: actuals are matched to budget lines");
  if (!workbookPath && !opt.journey && !opt.budget) throw new UsageError("missing input: a workbook, or --journey kpis.csv and/or --budget budget.csv");
  if (opt.settings) checkInput(opt.settings, "settings file");
  const { settings, problems: settingsProblems } = readSettings(opt);

  const inputPath = workbookPath ?? opt.journey ?? opt.budget!;
  if (workbookPath) checkInput(workbookPath, "workbook");
  if (opt.journey) checkInput(opt.journey, "journey file");
  if (opt.budget) checkInput(opt.budget, "budget file");
  if (opt.actuals) checkInput(opt.actuals, "actuals file");
  // A macro-enabled workbook is the same format; it is only read, so its macros stay as they are.
  if (workbookPath && !/\.xls[xm]$/i.test(workbookPath)) throw new UsageError(`the workbook must be an .xlsx or .xlsm file (for CSV use --journey): ${workbookPath}`);
  // Everything about --out is checked before any work, and the user's files never become it.
  const outPath = opt.out ?? (opt.json ? null : join(dirname(inputPath), `${basename(inputPath, extname(inputPath))}.scorecard.xlsx`));
  if (outPath) {
    await checkOutput(outPath, [workbookPath, opt.journey, opt.budget, opt.actuals, opt.settings].filter((p): p is string => !!p));
    cleanStaleTemps(outPath);
  }

  let input: AnalysisInput;
  let moneyFormat: string | undefined;
  if (workbookPath) {
    let read;
    try {
      // Only the sheets holding the tables are read, row by row, values and number formats.
      read = await readWorkbook(workbookPath, settings.tableNames);
    } catch (e) {
      throw new CliError(`cannot read ${workbookPath} as an .xlsx workbook (${printable((e as Error).message)}); expected a workbook saved by Excel, Google Sheets or LibreOffice`, 1);
    }
    input = { journey: read.journey, budget: read.budget, actuals: read.actuals };
    moneyFormat = moneyFormatFrom(read.numberFormatAt(moneyCellOf(input.budget, settings)));
  } else {
    input = {
      journey: opt.journey ? readCsvFile(opt.journey) : null,
      budget: opt.budget ? readCsvFile(opt.budget) : null,
      actuals: opt.actuals ? readCsvFile(opt.actuals) : null,
    };
  }

  const rows = [input.journey, input.budget, input.actuals].reduce((n, t) => n + (t?.block.values.length ?? 0), 0);
  const progress = rows > PROGRESS_ROWS ? (text: string) => io.stderr(`journey-scorecard: ${text}\n`) : () => {};
  progress(`read ${rows.toLocaleString("en-US")} rows; checking and scoring…`);
  const outcome = analyse(input, settings, settingsProblems);
  reportProblems(outcome.problems, io);
  if (!outcome.analysis) {
    const errors = outcome.problems.filter((p) => p.severity === "error").length;
    // A wrong guess can be why: say which headers were taken for what.
    io.stderr(guessedColumnsText(outcome.columns));
    io.stderr(`journey-scorecard: ${errors} error${errors === 1 ? "" : "s"} in the input; no report was written${outPath && existsSync(outPath) ? ` (${outPath} is unchanged)` : ""}.\n`);
    if (opt.json) io.stdout(JSON.stringify({ problems: outcome.problems.map(problemJson) }, null, 2) + "\n");
    return 1;
  }
  const analysis = outcome.analysis;
  const found = tablesFoundAs(input).join(" and ");
  let written: string[] = [];
  if (outPath) {
    // The report model only when a workbook is written (`--json` alone needs the analysis).
    const model = buildReport(analysis, { moneyFormat, generatedAt: new Date().toISOString().slice(0, 10) });
    progress("writing the report workbook…");
    // A workbook already holds its tables; CSV tables are copied beside the report as values.
    const plan = await writeAtomically(outPath, model, workbookPath ? [] : inputCopies(input));
    for (const n of plan.notices) io.stderr(`journey-scorecard: ${n}\n`);
    written = model.sheets.map((s) => plan.names[s.key]);
  }
  if (opt.json) {
    for (const piece of jsonPieces(analysisToJson(analysis))) io.stdout(piece);
    io.stdout("\n");
  } else if (!opt.quiet) {
    io.stdout(`Read ${found}.\n${guessedColumnsText(outcome.columns)}${summaryText(buildSummary(analysis))}\n`);
    if (outPath) io.stdout(`Report written to ${outPath} (sheets: ${written.join(", ")}).\n`);
  }
  return 0;
}

/**
 * The CSV tables as values beside the report, for traceability: plain decimal numbers become
 * numbers (not `0100`: a leading zero is part of a code), everything else stays exactly the
 * text that was read.
 */
function inputCopies(input: AnalysisInput): InputCopy[] {
  const copies: InputCopy[] = [];
  for (const [name, table] of [["Journey", input.journey], ["Budget", input.budget], ["Actuals", input.actuals]] as const) {
    if (!table) continue;
    copies.push({ name, rows: table.block.values.map((row) => row.map((v) => (typeof v === "string" && /^-?(0|[1-9]\d*)(\.\d+)?$/.test(v) ? Number(v) : v))) });
  }
  return copies;
}

/** The headers taken as our columns by their words, so the user can check them (or map them in settings). */
function guessedColumnsText(columns: ColumnsFound): string {
  const guesses = [...columns.journey, ...columns.budget, ...columns.actuals].filter((c) => c.kind === "guessed");
  if (!guesses.length) return "";
  return `Columns taken from your headers: ${guesses.map((c) => `${c.cell} "${c.header}" as ${c.column}`).join("; ")}.\n`;
}

/** Problems on stderr, one per line, errors first. */
function reportProblems(problems: Problem[], io: Io): void {
  for (const p of problems) io.stderr(`${p.severity === "error" ? "error" : "warning"}: ${p.message}\n`);
}

/** Writes beside the target, then renames: a failure never leaves a half-written file or a temp file. */
async function writeAtomically(outPath: string, model: Parameters<typeof writeReportWorkbook>[1], inputs: InputCopy[]) {
  const temp = tempPathFor(outPath);
  try {
    const plan = await writeReportWorkbook(temp, model, inputs);
    renameSync(temp, outPath);
    return plan;
  } catch (e) {
    throw new CliError(`cannot write --out ${outPath}: ${printable((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`, 1);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Runs with the process's arguments and streams; sets the exit code. */
export function runFromProcess(): void {
  // ExcelJS warns about its own use of Buffer(): not something a user can act on.
  process.noDeprecation = true;
  run(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`journey-scorecard: the build stopped: ${printable((e as Error).message)}. Nothing of yours was changed; please report this with the command you ran.\n`);
      process.exitCode = 1;
    },
  );
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]).replace(/\.[cm]?[jt]s$/, "") === resolve(import.meta.dirname ?? ".", "main");
if (invokedDirectly) runFromProcess();
