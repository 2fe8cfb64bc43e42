/** Builds dist/excel-addin/ once per test run (webpack), for the tests that need the built add-in. */
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

let built = false;

export function buildExcelAddin(): void {
  if (built) return;
  // `npm test` builds first; a test run alone builds when dist is missing.
  if (!existsSync("dist/excel-addin/functions.json") || process.env.JOURNEY_REBUILD) {
    execFileSync("npx", ["webpack", "--mode", "production"], { stdio: "pipe" });
  }
  built = statSync("dist/excel-addin/taskpane.html").isFile();
}
