/**
 * `npm run bench`: core time (parse + score + budget + report model) for 1k, 10k and 100k
 * generated KPI rows plus as many budget lines, rows/s, peak RSS, the 100k/1k time ratio,
 * the same ratio for a pass that only reads the input grids (how the machine scales that run),
 * and the custom functions over a 100k-cell range (cells/s).
 *
 * Measurements run in plain-node processes on an esbuild bundle of measure.ts, as the hosts'
 * bundles run. Time: several rounds, each timing every size in one process after a warm-up
 * (so that all sizes of a round see the same machine); per size the mean time per build of
 * a round, then the median over rounds.
 * Peak RSS: one build of that size alone in its own process, without the TypeScript loader.
 */
import { buildSync } from "esbuild";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, resolve } from "node:path";

const bundle = resolve("out/bench/measure.mjs");
mkdirSync(dirname(bundle), { recursive: true });
buildSync({ entryPoints: [resolve("bench/measure.ts")], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "warning", external: ["exceljs", "jszip"] });
const child = (...args: string[]) => JSON.parse(execFileSync(process.execPath, [bundle, ...args], { encoding: "utf8" }));
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

const sizes = [1_000, 10_000, 100_000];
const ROUNDS = 7;
type Timing = { rows: number; ms: number; medianMs: number; firstMs: number; readMs: number };
const rounds: Timing[][] = Array.from({ length: ROUNDS }, () => child("--round", ...sizes.map(String)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
const timing = (round: Timing[], rows: number) => round.find((t) => t.rows === rows)!;
/** Per round, then the median over rounds (with the range, so the noise shows). */
const ratio = (big: number, small: number, of: keyof Timing = "ms") => {
  const each = rounds.map((r) => timing(r, big)[of] / timing(r, small)[of]);
  return `${median(each).toFixed(1)} (rounds ${Math.min(...each).toFixed(0)}–${Math.max(...each).toFixed(0)})`;
};
const results = sizes.map((rows) => ({
  rows,
  ms: median(rounds.map((r) => timing(r, rows).ms)),
  firstMs: median(rounds.map((r) => timing(r, rows).firstMs)),
  ...child("--memory", String(rows)),
}));
console.log(`Core: parse + score + budget + report model (KPI rows + as many budget lines); Node ${process.version}, ${cpus().length} cores`);
console.log(`Time per build: each round times every size in one process after a warm-up (2 untimed builds of the size, then 50, 10 and 8 builds, their mean); median over ${ROUNDS} rounds.`);
console.log("| KPI rows + budget lines | core time | rows/s | first 2 builds (heap growing) | peak RSS |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const r of results) {
  console.log(`| ${fmt(r.rows)} + ${fmt(r.rows)} | ${r.ms.toFixed(1)} ms | ${fmt((2 * r.rows) / (r.ms / 1000))} | ${r.firstMs.toFixed(1)} ms | ${r.peakRssMb.toFixed(0)} MB |`);
}
console.log(`100k/1k time ratio: ${ratio(100_000, 1_000)} for 100× the rows; 10k/1k: ${ratio(10_000, 1_000)}, 100k/10k: ${ratio(100_000, 10_000)} for 10×`);
console.log(`The same from median build times (they leave out the 1k builds' occasional minor GC): 100k/1k ${ratio(100_000, 1_000, "medianMs")}`);
console.log(`Reading the input grids alone (every cell once, nothing else: how any pass over data of that size scales on the machine this run): 100k/1k ${ratio(100_000, 1_000, "readMs")}, ${sizes.map((rows) => `${fmt(rows)} ${median(rounds.map((r) => timing(r, rows).readMs)).toFixed(2)} ms`).join(", ")}`);
console.log("\nCustom functions over a 100k-cell range");
console.log("| function | cells | time | cells/s |");
console.log("| --- | ---: | ---: | ---: |");
for (const f of child("--functions") as { name: string; cells: number; ms: number }[]) {
  console.log(`| ${f.name} | ${fmt(f.cells)} | ${f.ms.toFixed(1)} ms | ${fmt(f.cells / (f.ms / 1000))} |`);
}

console.log("\nExcel add-in: the report written through the Excel API (recording fake; KPI rows + as many budget lines)");
console.log("| KPI rows | syncs per report | largest sync payload | writer time |");
console.log("| ---: | ---: | ---: | ---: |");
for (const r of child("--excel", ...sizes.map(String)) as { rows: number; syncs: number; largestPayload: number; ms: number }[]) {
  console.log(`| ${fmt(r.rows)} | ${r.syncs} | ${(r.largestPayload / 1e6).toFixed(2)} MB | ${r.ms.toFixed(0)} ms |`);
}

console.log("\nSheets add-on: the report written through SpreadsheetApp (recording fake; KPI rows + as many budget lines)");
console.log("| KPI rows | SpreadsheetApp calls per report | writer time |");
console.log("| ---: | ---: | ---: |");
for (const r of child("--sheets", ...sizes.map(String)) as { rows: number; calls: number; ms: number }[]) {
  console.log(`| ${fmt(r.rows)} | ${r.calls} | ${r.ms.toFixed(0)} ms |`);
}
if (!existsSync("dist/sheets-addon/Code.js")) execFileSync("npx", ["webpack", "--config", "webpack.sheets.cjs"], { stdio: "ignore" });
console.log(`Code.js (the pushed Apps Script file, unminified): ${fmt(statSync("dist/sheets-addon/Code.js").size / 1024)} KB`);

// The command line's whole job, as a user runs it: a process from input files to output file.
const inputs = resolve("out/bench/inputs");
mkdirSync(inputs, { recursive: true });
child("--inputs", inputs, ...sizes.map(String));
execFileSync("npm", ["run", "build:cli"], { stdio: "ignore" });
const bin = resolve("cli/bin.mjs");
const gnuTime = existsSync("/usr/bin/time");
/** Median wall time and peak RSS of 3 runs of the CLI (peak RSS from GNU time, where it is installed). */
function job(args: string[]): { seconds: number; rssMb: number | null } {
  const runs: { seconds: number; rssMb: number | null }[] = [];
  for (let i = 0; i < 3; i++) {
    if (gnuTime) {
      const { stderr } = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, bin, ...args], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
      const [seconds, kb] = stderr.trim().split("\n").pop()!.split(" ").map(Number);
      runs.push({ seconds, rssMb: kb / 1024 });
    } else {
      const start = Date.now();
      execFileSync(process.execPath, [bin, ...args], { stdio: "ignore" });
      runs.push({ seconds: (Date.now() - start) / 1000, rssMb: null });
    }
  }
  runs.sort((a, b) => a.seconds - b.seconds);
  return runs[1];
}
console.log("\nCommand line, the whole job as a process (median of 3 runs; KPI rows + as many budget lines)");
console.log("| rows | CSV → JSON | CSV → report .xlsx | .xlsx → report .xlsx |");
console.log("| ---: | ---: | ---: | ---: |");
const whole: Record<number, number[]> = {};
for (const rows of sizes) {
  const csv = ["--journey", `${inputs}/journey-${rows}.csv`, "--budget", `${inputs}/budget-${rows}.csv`];
  const results = [
    job(["build", ...csv, "--json", "--quiet"]),
    job(["build", ...csv, "--out", `${inputs}/report-csv-${rows}.xlsx`, "--quiet"]),
    job(["build", `${inputs}/book-${rows}.xlsx`, "--out", `${inputs}/report-book-${rows}.xlsx`, "--quiet"]),
  ];
  whole[rows] = results.map((r) => r.seconds);
  const cell = (r: { seconds: number; rssMb: number | null }) => `${r.seconds.toFixed(2)} s, ${r.rssMb === null ? "n/a" : `${r.rssMb.toFixed(0)} MB`}`;
  console.log(`| ${fmt(rows)} + ${fmt(rows)} | ${results.map(cell).join(" | ")} |`);
}
console.log(`10k → 100k growth: ${whole[100_000].map((s, i) => `${(s / whole[10_000][i]).toFixed(1)}×`).join(", ")} (CSV → JSON, CSV → .xlsx, .xlsx → .xlsx)`);
