/** Builds dist/ (both add-ins) once per test run, for the tests that need the built files. */
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

let built = false;

export function buildAddins(): void {
  if (built) return;
  // `npm test` builds first; a test run alone builds when dist is missing.
  if (!existsSync("dist/excel-addin/functions.json") || !existsSync("dist/sheets-addon/Sidebar.html") || process.env.JOURNEY_REBUILD) {
    execFileSync("npm", ["run", "build"], { stdio: "pipe" });
  }
  built = statSync("dist/excel-addin/taskpane.html").isFile();
}
