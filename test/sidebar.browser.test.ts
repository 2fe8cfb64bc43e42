/**
 * The Sheets sidebar (the built Sidebar.html) in headless Chromium, 300 px wide, with a fake
 * google.script.run that calls the built Code.js in-process over the Apps Script fakes:
 * build from the sample, a problem for a broken cell, a setting kept, the keyboard, axe-core,
 * and no label cut off.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createServer, Server } from "node:http";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { Browser, Page } from "playwright-core";
import { focusedText, launchChromium, listen, seriousViolations } from "./chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAddins } from "./build";
import { SheetsState, appsScriptGlobals, newSheetsState } from "./fakes/fake-sheets";

let server: Server;
let browser: Browser;
let base: string;
let state: SheetsState;
let g: Record<string, (...args: unknown[]) => unknown>;
const pageErrors: string[] = [];

/** A new spreadsheet with Code.js loaded in its own Apps Script scope. */
function newSpreadsheet(): void {
  state = newSheetsState(["Sheet1"]);
  g = createContext({ ...appsScriptGlobals(state), console }) as typeof g;
  runInContext(readFileSync("dist/sheets-addon/Code.js", "utf8"), g);
}

/** google.script.run in the page: each call goes to the server function of the same name. */
const FAKE_RUN = `
  (() => {
    const runner = (success = () => {}, failure = () => {}) => new Proxy({}, {
      get: (_, name) => name === "withSuccessHandler" ? (f) => runner(f, failure)
        : name === "withFailureHandler" ? (f) => runner(success, f)
        : (...args) => { window.__callServer(String(name), JSON.stringify(args)).then((r) => r.error ? failure(new Error(r.error)) : success(r.value)); },
    });
    window.google = { script: { run: runner() } };
  })();`;

beforeAll(async () => {
  buildAddins();
  mkdirSync("test/artifacts", { recursive: true });
  // The page as HtmlService serves it: the template evaluated with no initial result.
  const html = readFileSync("dist/sheets-addon/Sidebar.html", "utf8").replace("<?!= initial ?>", "null");
  server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  base = await listen(server);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openSidebar(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // Google's add-on CSS is linked in production; tests run without it, offline.
  await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await page.exposeFunction("__callServer", (name: string, args: string) => {
    try {
      return { value: JSON.parse(JSON.stringify(g[name](...JSON.parse(args)) ?? null)) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
  await page.addInitScript(FAKE_RUN);
  await page.goto(base);
  await page.getByRole("button", { name: "Build reports" }).waitFor();
  return page;
}

const focused = focusedText;

/** The texts of the elements matching `selector` that are cut off or run past the 300 px sidebar. */
function cutOff(page: Page, selector: string): Promise<(string | null)[]> {
  return page.evaluate((sel) =>
    [...document.querySelectorAll(sel)]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > 300)
      .map((e) => e.textContent),
  selector);
}
const names = () => state.sheets.map((s) => s.name);

describe("Sheets sidebar in Chromium", () => {
  it("builds from the sample, shows the summary; axe finds nothing serious; no label is cut off at 300 px", async () => {
    newSpreadsheet();
    const page = await openSidebar();
    await page.getByRole("button", { name: "Insert sample tables" }).click();
    await expect.poll(() => page.locator("#js-progress-text").textContent()).toContain("Sample tables written to the sheets Journey and Budget");
    await page.getByRole("button", { name: "Build reports" }).click();
    await expect.poll(() => page.locator("#js-progress-text").textContent()).toBe("Done.");
    await expect.poll(() => page.locator("#js-summary .js-overall").textContent()).toContain("93.6%");
    expect(await page.locator(".js-written").textContent()).toContain("Report written to Scorecard, Budget Variance, Journey View");
    expect(names()).toEqual(["Sheet1", "Journey", "Budget", "Scorecard", "Budget Variance", "Journey View"]);
    await page.locator("summary", { hasText: "Settings" }).click();
    await page.screenshot({ path: join("test/artifacts", "sidebar.png"), fullPage: true });

    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutOff(page, "button, label, summary, legend, caption, th, h2, h3")).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("a broken cell shows its problem and nothing is written; choosing it selects the cell", async () => {
    newSpreadsheet();
    g.sidebarInsertSample();
    state.sheets.find((s) => s.name === "Journey")!.cells.set("2,10", { value: "lots", format: "" });
    const page = await openSidebar();
    await page.getByRole("button", { name: "Build reports" }).click();
    const problem = page.getByRole("button", { name: /Journey!K3: Target "lots" is not a number/ });
    await problem.waitFor();
    expect(names()).not.toContain("Scorecard");
    await problem.click();
    await expect.poll(() => state.activeRange?.getA1Notation()).toBe("K3");
    expect(state.active!.name).toBe("Journey");
    await page.context().close();
  });

  it("a budget with headers in its own words: the columns taken are shown at 300 px and saved to the column mapping", async () => {
    newSpreadsheet();
    g.sidebarInsertSample();
    // The sample's Budget: Line item is column C, Budget column E.
    const budget = state.sheets.find((s) => s.name === "Budget")!;
    budget.cells.set("0,2", { value: "category_name", format: "" });
    budget.cells.set("0,4", { value: "budgeted_amount", format: "" });
    const page = await openSidebar();
    await page.getByRole("button", { name: "Build reports" }).click();
    await page.getByRole("region", { name: "Columns taken from your headers" }).waitFor();
    await expect.poll(() => page.getByLabel('Budget "budgeted_amount" (Budget!E1) is').inputValue()).toBe("Budget");
    await expect.poll(() => page.locator(".js-written").textContent()).toContain("Budget Variance");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutOff(page, "#js-columns button, #js-columns label, #js-columns select, #js-columns h2")).toEqual([]);
    await page.getByRole("button", { name: "Save these columns" }).click();
    await expect.poll(() => page.locator("#js-columns-status").textContent()).toBe("Saved in this document. Build again to use them.");
    expect(JSON.parse(state.properties.get("journey-scorecard.settings")!).columnMapping.budget).toEqual({ category_name: "Line item", budgeted_amount: "Budget" });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("a setting is saved in the document and kept when the sidebar opens again", async () => {
    newSpreadsheet();
    const page = await openSidebar();
    await page.locator("summary", { hasText: "Settings" }).click();
    await page.getByLabel("Budget tolerance").fill("8");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.locator("#js-settings-status").textContent()).toBe("Settings saved in this document.");
    expect(JSON.parse(state.properties.get("journey-scorecard.settings")!).budgetTolerance).toBeCloseTo(0.08, 12);
    await page.reload();
    await page.locator("summary", { hasText: "Settings" }).click();
    await expect.poll(() => page.getByLabel("Budget tolerance").inputValue()).toBe("8");
    await page.context().close();
  });

  it("the main flow works by keyboard alone", async () => {
    newSpreadsheet();
    const page = await openSidebar();
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter"); // dismiss the first-run line ("Got it")
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(page)).toBe("Build reports");
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(page)).toBe("Insert sample tables");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("Build reports");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#js-progress-text").textContent()).toBe("Done.");
    expect(names()).toContain("Journey View");
    await page.context().close();
  });
});
