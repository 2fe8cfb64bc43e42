/**
 * `npm run bench`: core time (parse + score + budget + report model) for 1k, 10k and 100k
 * generated KPI rows plus as many budget lines, rows/s, peak RSS, the 100k/1k time ratio,
 * and the custom functions over a 100k-cell range (cells/s).
 *
 * Each measurement runs in its own plain-node process on an esbuild bundle of measure.ts,
 * as the hosts' bundles run: time is the median of several warm runs; peak RSS is that of
 * one build of that size alone, without the TypeScript loader.
 */
import { buildSync } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, resolve } from "node:path";

const bundle = resolve("out/bench/measure.mjs");
mkdirSync(dirname(bundle), { recursive: true });
buildSync({ entryPoints: [resolve("bench/measure.ts")], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "warning" });
const child = (...args: string[]) => JSON.parse(execFileSync(process.execPath, [bundle, ...args], { encoding: "utf8" }));
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

const sizes = [1_000, 10_000, 100_000];
const results: { rows: number; ms: number; peakRssMb: number }[] = sizes.map((rows) => ({
  ...child("--time", String(rows)),
  ...child("--memory", String(rows)),
}));
console.log(`Core: parse + score + budget + report model (KPI rows + as many budget lines); Node ${process.version}, ${cpus().length} cores`);
console.log("| KPI rows + budget lines | core time | rows/s | peak RSS |");
console.log("| --- | ---: | ---: | ---: |");
for (const r of results) console.log(`| ${fmt(r.rows)} + ${fmt(r.rows)} | ${r.ms.toFixed(1)} ms | ${fmt((2 * r.rows) / (r.ms / 1000))} | ${r.peakRssMb.toFixed(0)} MB |`);
console.log(`100k/1k time ratio: ${(results[2].ms / results[0].ms).toFixed(1)} (rows ×100); 10k/1k: ${(results[1].ms / results[0].ms).toFixed(1)}, 100k/10k: ${(results[2].ms / results[1].ms).toFixed(1)} (rows ×10)`);
console.log("\nCustom functions over a 100k-cell range");
console.log("| function | cells | time | cells/s |");
console.log("| --- | ---: | ---: | ---: |");
for (const f of child("--functions") as { name: string; cells: number; ms: number }[]) {
  console.log(`| ${f.name} | ${fmt(f.cells)} | ${f.ms.toFixed(1)} ms | ${fmt(f.cells / (f.ms / 1000))} |`);
}
