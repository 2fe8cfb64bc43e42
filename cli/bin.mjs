#!/usr/bin/env node
// The installed `journey-scorecard` command. It runs the bundle `npm run build` makes
// (dist/cli/journey-scorecard.mjs: no TypeScript loader to start, a second saved on every run)
// while that bundle is newer than the sources; otherwise the TypeScript through tsx's loader.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist/cli/journey-scorecard.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const fresh = existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(newestSource(join(root, "cli")), newestSource(join(root, "core")));
if (fresh) {
  const { runFromProcess } = await import(bundle);
  runFromProcess();
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { runFromProcess } = await import("./main.ts");
  runFromProcess();
}
