/**
 * The built task pane in headless Chromium (Debian's, driven by playwright-core), served over
 * http with the recording fake in place of office.js: insert the sample, build, see progress
 * and the summary; break a cell and follow its problem to the cell; keep a setting across a
 * reload; the main flow by keyboard; an axe-core scan; a screenshot for a person to look at.
 */
import { buildSync } from "esbuild";
import { createServer, Server } from "node:http";
import { mkdirSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { Browser, Page } from "playwright-core";
import { focusedText, launchChromium, listen, seriousViolations } from "./chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAddins } from "./build";

const DIST = "dist/excel-addin";
const ARTIFACTS = "test/artifacts";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };

let server: Server;
let browser: Browser;
let base: string;
let fakeOffice: string;

beforeAll(async () => {
  buildAddins();
  mkdirSync(ARTIFACTS, { recursive: true });
  fakeOffice = buildSync({ entryPoints: ["test/fakes/fake-office.ts"], bundle: true, format: "iife", write: false, logLevel: "warning" }).outputFiles[0].text;
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = readFileSync(join(DIST, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  base = await listen(server);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Errors thrown in any page, by test: a pane that throws fails its test. */
const pageErrors: string[] = [];

async function openPane(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // office.js comes from Microsoft's CDN in production: the fake stands in; nothing else leaves the machine.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("https://appsforoffice.microsoft.com/")) return route.fulfill({ contentType: "text/javascript", body: fakeOffice });
    if (url.startsWith(base)) return route.continue();
    return route.abort();
  });
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("button", { name: "Build reports" }).waitFor();
  return page;
}

const focused = focusedText;

const sheetNames = (page: Page) => page.evaluate(() => (window as any).__fakeExcel.model.sheets.map((s: { name: string }) => s.name));

describe("task pane in Chromium", () => {
  it("inserts the sample, builds with progress, and shows the summary", async () => {
    const page = await openPane();
    await expect.poll(() => page.locator("#js-intro").textContent()).toContain("writes three report sheets");
    await page.getByRole("button", { name: "Insert sample tables" }).click();
    await expect.poll(() => page.locator("#js-progress-text").textContent()).toContain("Sample tables written to the sheets Journey and Budget");
    expect(await sheetNames(page)).toEqual(["Sheet1", "Journey", "Budget"]);

    await page.evaluate(() => {
      (window as any).__steps = [];
      new MutationObserver(() => (window as any).__steps.push(document.querySelector("#js-progress-text")!.textContent)).observe(document.querySelector("#js-progress-text")!, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole("button", { name: "Build reports" }).click();
    await expect.poll(() => page.locator("#js-progress-text").textContent()).toBe("Done.");
    const steps = await page.evaluate(() => (window as any).__steps as string[]);
    expect(steps.filter((s) => s.startsWith("Step"))).toEqual([
      "Step 1 of 4: Reading your tables…", "Step 2 of 4: Checking every cell…", "Step 3 of 4: Computing scores and variances…", "Step 4 of 4: Writing the report sheets…",
    ]);
    const summary = page.locator("#js-summary");
    await expect.poll(() => summary.getByRole("heading", { level: 2 }).textContent()).toBe("Balanced scorecard as of 2026-03");
    await expect.poll(() => summary.locator(".js-overall").textContent()).toContain("93.6%");
    await expect.poll(() => summary.locator(".js-overall").textContent()).toContain("Amber");
    await expect.poll(() => summary.getByRole("row", { name: /Financial/ }).textContent()).toContain("95.1%");
    await expect.poll(() => summary.textContent()).toContain("Moments of truth at risk: 7");
    await expect.poll(() => summary.getByRole("row", { name: /Awareness/ }).textContent()).toContain("-8,500");
    await expect.poll(() => page.locator(".js-written").textContent()).toContain("Report written to Scorecard, Budget Variance, Journey View");
    expect(await sheetNames(page)).toEqual(["Sheet1", "Journey", "Budget", "Scorecard", "Budget Variance", "Journey View"]);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane.png"), fullPage: true });

    expect(await seriousViolations(page)).toEqual([]);
    // The shared runtime's custom functions registered on the same page.
    expect((await page.evaluate(() => (window as any).__fakeExcel.associated)).length).toBe(11);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("a broken cell stops the build with its problem; activating it selects the cell", async () => {
    const page = await openPane();
    await page.getByRole("button", { name: "Insert sample tables" }).click();
    await expect.poll(() => sheetNames(page)).toContain("Budget");
    // Journey!K3 is the second KPI's Target.
    await page.evaluate(() => (window as any).__fakeExcel.model.sheets.find((s: { name: string }) => s.name === "Journey").cells.set("2,10", { value: "lots", format: "General" }));
    await page.getByRole("button", { name: "Build reports" }).click();
    const problem = page.getByRole("button", { name: /Journey!K3: Target "lots" is not a number/ });
    await problem.waitFor();
    expect(await sheetNames(page)).not.toContain("Scorecard");
    await problem.click();
    await expect.poll(() => page.evaluate(() => (window as any).__fakeExcel.model.selection)).toEqual({ sheet: "Journey", address: "K3" });
    await page.context().close();
  });

  it("headers in the user's own words: the guesses are shown, kept by one save, and read so from then on", async () => {
    const page = await openPane();
    await page.getByRole("button", { name: "Insert sample tables" }).click();
    await expect.poll(() => sheetNames(page)).toContain("Budget");
    // KPI is column G, Actual column M of the sample's Journey sheet.
    await page.evaluate(() => {
      const journey = (window as any).__fakeExcel.model.sheets.find((s: { name: string }) => s.name === "Journey");
      journey.cells.set("0,6", { value: "Metric_Name", format: "General" });
      journey.cells.set("0,12", { value: "value_rounded", format: "General" });
    });
    await page.getByRole("button", { name: "Build reports" }).click();
    const columns = page.getByRole("region", { name: "Columns taken from your headers" });
    await columns.waitFor();
    await expect.poll(() => page.getByLabel('Journey "Metric_Name" (Journey!G1) is').inputValue()).toBe("KPI");
    await expect.poll(() => page.getByLabel('Journey "value_rounded" (Journey!M1), unsure is').inputValue()).toBe("Actual");
    // The same figures as with our own headers.
    await expect.poll(() => page.locator("#js-summary .js-overall").textContent()).toContain("93.6%");
    expect(await seriousViolations(page)).toEqual([]);
    await columns.screenshot({ path: join(ARTIFACTS, "columns.png") });
    await page.getByRole("button", { name: "Save these columns" }).click();
    await expect.poll(() => page.locator("#js-columns-status").textContent()).toBe("Saved in this document. Build again to use them.");
    await page.locator("summary", { hasText: "Settings" }).click();
    await expect.poll(() => page.getByLabel("Column mapping").inputValue()).toBe("journey: Metric_Name = KPI\njourney: value_rounded = Actual");
    await page.getByRole("button", { name: "Build reports" }).click();
    await expect.poll(() => page.locator("#js-progress-text").textContent()).toBe("Done.");
    // Mapped now: nothing left to guess, no warning about the header.
    expect(await page.locator("#js-columns").count()).toBe(0);
    expect(await page.locator("#js-output").textContent()).not.toContain("value_rounded");
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("a setting is validated, saved in the document and restored on reload", async () => {
    const page = await openPane();
    await page.locator("summary", { hasText: "Settings" }).click();
    const tolerance = page.getByLabel("KPI tolerance");
    await expect.poll(() => tolerance.inputValue()).toBe("10");
    await tolerance.fill("150");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.locator("#js-setting-kpiTolerance-error").textContent()).toBe("Enter a number from 0% to 100%.");
    await tolerance.fill("15");
    await page.getByLabel("Colours").selectOption("colour-blind");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.locator("#js-settings-status").textContent()).toBe("Settings saved in this document.");
    await page.reload();
    await page.locator("summary", { hasText: "Settings" }).click();
    await expect.poll(() => page.getByLabel("KPI tolerance").inputValue()).toBe("15");
    await expect.poll(() => page.getByLabel("Colours").inputValue()).toBe("colour-blind");
    await page.context().close();
  });

  it("the main flow works by keyboard alone", async () => {
    const page = await openPane();
    await page.getByRole("button", { name: "Got it" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#js-intro").count()).toBe(0);
    // Focus moves from the top of the pane: Build reports, then Insert sample tables.
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(page)).toBe("Build reports");
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(page)).toBe("Insert sample tables");
    await page.keyboard.press("Enter");
    await expect.poll(() => sheetNames(page)).toContain("Budget");
    // After inserting, focus goes to Build reports.
    await expect.poll(() => focused(page)).toBe("Build reports");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#js-progress-text").textContent()).toBe("Done.");
    await expect.poll(() => page.locator("#js-summary").isVisible()).toBe(true);
    await page.context().close();
  });
});
