// `npm run push:sheets`: builds the add-on and pushes dist/sheets-addon/ with clasp, once the
// user has made .clasp.json from .clasp.sample.json (their script id is theirs, never committed).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

if (!existsSync(".clasp.json")) {
  console.error("push:sheets: no .clasp.json. Copy .clasp.sample.json to .clasp.json and put your spreadsheet's script id in it (README, Google Sheets add-on).");
  process.exit(1);
}
const { scriptId } = JSON.parse(readFileSync(".clasp.json", "utf8"));
if (!scriptId || scriptId.startsWith("PASTE-")) {
  console.error("push:sheets: .clasp.json has no script id yet: put your spreadsheet's script id in it (Extensions → Apps Script → Project settings → Script ID).");
  process.exit(1);
}
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
run("npm", ["run", "build:sheets"]);
run("npx", ["clasp", "push", "--force"]);
