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
import { readWorkbook } from "../cli/read-workbook";

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

  it("--out may not be the --actuals file either", async () => {
    const f = files();
    const actuals = join(dir, "actuals-input.csv");
    const text = "Stage,Line item,Actual\nAwareness,Media,900\n";
    writeFileSync(actuals, text);
    const r = await cli("build", "--budget", f.budget, "--actuals", actuals, "--out", actuals);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out ${actuals} is one of the inputs`);
    expect(readFileSync(actuals, "utf8")).toBe(text);
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
    expect(r.stderr).toMatch(new RegExp(`^journey-scorecard: ${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}, line 2: cannot read it as CSV \\(a quote opens a field here and is never closed\\)`));
  });

  it("binary bytes, a workbook renamed .csv, a folder, a CSV in a Windows code page: each named, in printable text", async () => {
    const binary = write("binary.csv", Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9b, 0x1b, 0x5b, 0x33, 0x31, 0x6d]));
    // Excel's "CSV (Comma delimited)" on Windows saves in the code page: `Café` is 43 61 66 E9.
    const ansi = write("ansi.csv", Buffer.from("Stage,Perspective,KPI,Target,Actual\nAwareness,Customer,Caf\xe9 visits,100,90\n", "latin1"));
    const renamed = write("book.csv", readFileSync("samples/journey-sample.xlsx"));
    const folder = join(sub, "folder.csv");
    mkdirSync(folder);
    const cases: [string, RegExp][] = [
      [binary, /binary\.csv is not UTF-8 text; expected a CSV file saved as UTF-8/],
      [ansi, /ansi\.csv is not UTF-8 text; expected a CSV file saved as UTF-8 \(in Excel: Save As, "CSV UTF-8 \(Comma delimited\)"\)/],
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

/** A workbook with a bar chart on its Journey sheet, as Excel stores one (a drawing part and a chart part). */
async function workbookWithChart(path: string): Promise<void> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet("Journey");
  ws.addRows([["Stage", "Perspective", "KPI", "Target", "Actual"], ["Awareness", "Customer", "Reach", 100, 90], ["Purchase", "Financial", "Orders", 50, 55]]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file("xl/charts/chart1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Journey!$C$2:$C$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Journey!$E$2:$E$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`);
  zip.file("xl/drawings/drawing1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdChart" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace("</worksheet>", `<drawing r:id="rIdChart"/></worksheet>`));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`));
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("a workbook with charts", () => {
  it("a workbook whose parts are stored uncompressed (as some libraries write them) reads every time", async () => {
    // ExcelJS's stream reader lost the start of such parts about one read in four.
    const sub = mkdtempSync(join(dir, "stored-"));
    const book = join(sub, "stored.xlsx");
    await workbookWithChart(book);
    for (let i = 0; i < 12; i++) {
      const r = await cli("build", book, "--json");
      expect(r.code, r.stderr).toBe(0);
      // Reach 90/100, Orders 55/50 → capped 1: (0.9 + 1) / 2 = 0.95.
      expect(JSON.parse(r.stdout).overall.score).toBeCloseTo(0.95, 12);
    }
  });

  it("goes through the whole job: read, reported, and the workbook itself left byte for byte", async () => {
    const sub = mkdtempSync(join(dir, "chart-"));
    const book = join(sub, "dashboard.xlsx");
    await workbookWithChart(book);
    const before = readFileSync(book);
    expect(Object.keys((await JSZip.loadAsync(before)).files)).toContain("xl/charts/chart1.xml");
    const out = join(sub, "dashboard.scorecard.xlsx");
    const r = await cli("build", book, "--quiet");
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(book).equals(before)).toBe(true);
    const { default: Excel } = await import("exceljs");
    const report = new Excel.Workbook();
    await report.xlsx.readFile(out);
    expect(report.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Journey View"]);
  });
});

describe("workbooks as Excel and other writers save them", () => {
  const HEAD = ["Stage", "Perspective", "KPI", "Target", "Actual"];
  const REACH = ["Awareness", "Customer", "Reach", 100, 90];
  /** A workbook with a Notes sheet before the Journey table, and any more sheets after it. */
  const notesThenJourney = async (more: string[] = []) => {
    const { default: Excel } = await import("exceljs");
    const wb = new Excel.Workbook();
    wb.addWorksheet("Notes").addRow(["my notes"]);
    wb.addWorksheet("Journey").addRows([HEAD, REACH]);
    for (const name of more) wb.addWorksheet(name).addRow([name]);
    return wb;
  };
  it("a workbook in Excel's part order, or with sheets the report does not read, reads right every time and never crashes", async () => {
    // ExcelJS's stream reader parks sheets that come before the shared strings (as Excel
    // writes them) in temp files; about one read in twenty-five then gave "[object Object]" for
    // text cells, failed ("reading 'sheets'") or crashed the process on a removed temp file.
    const sub = mkdtempSync(join(dir, "order-"));
    const asExcelJS = join(sub, "exceljs-order.xlsx");
    await (await notesThenJourney(["Plan", "Ideas", "Archive"])).xlsx.writeFile(asExcelJS);
    // Excel's order: the workbook part first, the shared strings after the sheets.
    const zip = await JSZip.loadAsync(readFileSync(asExcelJS));
    const front = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
    const excel = new JSZip();
    for (const name of [...front, ...Object.keys(zip.files).filter((n) => !front.includes(n) && !zip.files[n].dir)]) excel.file(name, await zip.file(name)!.async("uint8array"));
    const asExcel = join(sub, "excel-order.xlsx");
    writeFileSync(asExcel, await excel.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const before = readFileSync(asExcel);
    const crashes: Error[] = [];
    const onCrash = (e: Error) => crashes.push(e);
    process.on("uncaughtException", onCrash);
    try {
      for (let i = 0; i < 150; i++) {
        for (const book of [asExcel, asExcelJS]) {
          const read = await readWorkbook(book, { journey: "Journey", budget: "Budget", actuals: "Actuals" });
          expect(read.journey!.block.values).toEqual([HEAD, REACH]);
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      process.off("uncaughtException", onCrash);
    }
    expect(crashes.map((e) => e.message)).toEqual([]);
    expect(readFileSync(asExcel).equals(before)).toBe(true);
  }, 60_000);

  it("finds a sheet by its name when the workbook's sheet ids are not its parts' numbers (sheets moved or deleted)", async () => {
    const sub = mkdtempSync(join(dir, "ids-"));
    const zip = await JSZip.loadAsync(await (await notesThenJourney()).xlsx.writeBuffer());
    // As Excel leaves it after moving Journey first and back: Journey (sheet2.xml) has sheetId 1.
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbook.replace('sheetId="1" name="Notes"', 'sheetId="2" name="Notes"').replace('sheetId="2" name="Journey"', 'sheetId="1" name="Journey"'));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('sheetId="1" name="Journey"');
    const book = join(sub, "moved.xlsx");
    writeFileSync(book, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const read = await readWorkbook(book, { journey: "Journey", budget: "Budget", actuals: "Actuals" });
    expect(read.journey!.block.values).toEqual([HEAD, REACH]);
  });

  it("reads a workbook whose parts are named and linked as other writers do (openpyxl, so pandas: absolute targets)", async () => {
    const sub = mkdtempSync(join(dir, "parts-"));
    const source = await JSZip.loadAsync(await (await notesThenJourney()).xlsx.writeBuffer());
    // The same workbook with its parts renamed, and every relationship target absolute.
    const renamed: Record<string, string> = { "xl/worksheets/sheet1.xml": "xl/worksheets/notes.xml", "xl/worksheets/sheet2.xml": "xl/worksheets/journey.xml", "xl/sharedStrings.xml": "xl/strings.xml", "xl/styles.xml": "xl/looks.xml" };
    const zip = new JSZip();
    for (const name of Object.keys(source.files).filter((n) => !source.files[n].dir)) {
      let content = await source.file(name)!.async("string");
      if (name === "xl/_rels/workbook.xml.rels") {
        content = content.replace(/Target="([^"]+)"/g, (_, target: string) => `Target="/${renamed[`xl/${target}`] ?? `xl/${target}`}"`);
      }
      zip.file(renamed[name] ?? name, content);
    }
    const book = join(sub, "pandas.xlsx");
    writeFileSync(book, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="/xl/worksheets/journey.xml"');
    const read = await readWorkbook(book, { journey: "Journey", budget: "Budget", actuals: "Actuals" });
    expect(read.journey!.block.values).toEqual([HEAD, REACH]);
    const r = await cli("build", book, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).overall.score).toBeCloseTo(0.9, 12);
  });
});
