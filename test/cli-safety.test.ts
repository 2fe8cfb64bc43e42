/**
 * The command line never loses or changes a byte of the user's data, whatever path they type,
 * and says clearly what is wrong with a file it cannot read.
 */
import JSZip from "jszip";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/main";

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "journey-safety-"));
const JOURNEY = "Stage,Perspective,KPI,Target,Actual\nAwareness,Customer,Reach,100,90\n";
const BUDGET = "Stage,Line item,Budget,Actual\nAwareness,Media,1000,950\n";

function files(): { journey: string; budget: string; settings: string } {
  const sub = mkdtempSync(join(dir, "in-"));
  const paths = { journey: join(sub, "journey.csv"), budget: join(sub, "budget.csv"), settings: join(sub, "settings.json") };
  writeFileSync(paths.journey, JOURNEY);
  writeFileSync(paths.budget, BUDGET);
  writeFileSync(paths.settings, "{}");
  return paths;
}

describe("paths the user gives", () => {
  it("--out may be no input: not the budget, not the settings, not through a link", async () => {
    const f = files();
    for (const out of [f.budget, f.settings, f.journey]) {
      const r = await cli("build", "--journey", f.journey, "--budget", f.budget, "--settings", f.settings, "--out", out);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain(`--out ${out} is one of the inputs`);
    }
    const link = join(dir, "link-to-budget.csv");
    symlinkSync(f.budget, link);
    const r = await cli("build", "--journey", f.journey, "--budget", f.budget, "--out", link);
    expect(r.code).toBe(2);
    expect(readFileSync(f.journey, "utf8")).toBe(JOURNEY);
    expect(readFileSync(f.budget, "utf8")).toBe(BUDGET);
    expect(readFileSync(f.settings, "utf8")).toBe("{}");
  });

  it("an impossible --out is found before any work and named as given", async () => {
    const f = files();
    const r = await cli("build", "--journey", f.journey, "--out", "/proc/journey/report.xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^journey-scorecard: cannot write --out \/proc\/journey\/report\.xlsx: E[A-Z]+ in \/proc\/journey/);
    expect(r.stderr).not.toContain("tmp");
    const folder = await cli("build", "--journey", f.journey, "--out", dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`--out ${dir} is a folder`);
  });

  it("a run killed while writing leaves the previous report; the next run clears its temp file", async () => {
    const sub = mkdtempSync(join(dir, "kill-"));
    const rows = ["Stage,Perspective,KPI,Target,Actual,Period"];
    for (let i = 0; i < 30_000; i++) rows.push(`Stage ${i % 5},Customer,KPI ${i},100,${50 + (i % 60)},2026-0${1 + (i % 3)}`);
    writeFileSync(join(sub, "big.csv"), rows.join("\n"));
    const out = join(sub, "report.xlsx");
    expect((await cli("build", "--journey", join(sub, "small.csv"), "--out", out)).code).toBe(2); // not found: nothing written
    writeFileSync(join(sub, "small.csv"), JOURNEY);
    expect((await cli("build", "--journey", join(sub, "small.csv"), "--out", out, "--quiet")).code).toBe(0);
    const previous = readFileSync(out);
    const child = spawn(process.execPath, ["cli/bin.mjs", "build", "--journey", join(sub, "big.csv"), "--out", out, "--quiet"], { stdio: "ignore" });
    // Kill it as soon as its temp file appears beside the report.
    const temp = () => readdirSync(sub).filter((n) => n.includes(".journey-scorecard-"));
    const deadline = Date.now() + 60_000;
    while (temp().length === 0 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    expect(temp().length).toBe(1);
    expect(readFileSync(out).equals(previous)).toBe(true);
    expect((await cli("build", "--journey", join(sub, "small.csv"), "--out", out, "--quiet")).code).toBe(0);
    expect(temp()).toEqual([]);
  }, 120_000);
});

describe("files that are not what they should be", () => {
  const sub = mkdtempSync(join(dir, "bad-"));
  const write = (name: string, content: string | Buffer) => {
    const path = join(sub, name);
    writeFileSync(path, content);
    return path;
  };

  it("an unclosed quote names the file and the line", async () => {
    const path = write("quote.csv", 'Stage,Perspective,KPI,Target,Actual\n"Awareness,Customer,Reach,100,90\n');
    const r = await cli("build", "--journey", path, "--json");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^journey-scorecard: ${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}, line 2: cannot read it as CSV \\(Quote Not Closed`));
  });

  it("binary bytes, a workbook renamed .csv, a folder: each named, in printable text", async () => {
    const binary = write("binary.csv", Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9b, 0x1b, 0x5b, 0x33, 0x31, 0x6d]));
    const renamed = write("book.csv", readFileSync("samples/journey-sample.xlsx"));
    const folder = join(sub, "folder.csv");
    mkdirSync(folder);
    const cases: [string, RegExp][] = [
      [binary, /binary\.csv is not UTF-8 text; expected a CSV file saved as UTF-8/],
      [renamed, /book\.csv is a zipped file such as an \.xlsx workbook, not CSV/],
      [folder, /journey file .*folder\.csv is a folder; expected a file/],
    ];
    for (const [path, message] of cases) {
      const r = await cli("build", "--journey", path, "--json");
      expect(r.code, path).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stderr).not.toContain("unexpected failure");
    }
    const notBook = write("notes.xlsx", "just text");
    const r = await cli("build", notBook, "--json");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read ${notBook} as an .xlsx workbook`);
  });
});

describe("text kept exactly", () => {
  it("CR, CRLF and LF inside a cell come out as they went in (CR as the OOXML escape Excel reads back)", async () => {
    const sub = mkdtempSync(join(dir, "cr-"));
    const journey = join(sub, "journey.csv");
    writeFileSync(journey, 'Stage,Perspective,KPI,Target,Actual\nAwareness,Customer,"a\rb",100,90\nAwareness,Customer,"c\r\nd",100,90\nAwareness,Customer,"e\nf",100,90\nAwareness,Customer,"g_x000D_h",100,90\n');
    const out = join(sub, "report.xlsx");
    expect((await cli("build", "--journey", journey, "--out", out, "--quiet")).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
    const xml = sheets.join("\n");
    expect(xml).toContain("a_x000D_b");
    expect(xml).toContain("c_x000D_\nd");
    expect(xml).toContain("e\nf");
    // A user's own text that looks like the escape keeps its underscore escaped, so it reads back as typed.
    expect(xml).toContain("g_x005F_x000D_h");
    expect(xml).not.toMatch(/[^_]\r/);
  });

  it("a 100,000-character KPI name is cut to fit a cell, with a warning naming it", async () => {
    const sub = mkdtempSync(join(dir, "long-"));
    const journey = join(sub, "journey.csv");
    writeFileSync(journey, `Stage,Perspective,KPI,Target,Actual\nAwareness,Customer,${"K".repeat(100_000)},100,90\n`);
    const out = join(sub, "report.xlsx");
    const r = await cli("build", "--journey", journey, "--out", out, "--quiet");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: journey.csv!C2: KPI is too long for a cell; expected at most 32,767 characters");
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = (await Promise.all(Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")))).join("");
    const cut = /K+ \[…cut\]/.exec(xml)![0];
    expect(cut).toHaveLength(32_767);
    expect(existsSync(out)).toBe(true);
  });
});
