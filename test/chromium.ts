/** What both browser tests share: a page server on localhost, Debian's Chromium, an axe-core scan. */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { AddressInfo } from "node:net";
import { Browser, Page, chromium } from "playwright-core";

/** Starts a server on a free localhost port; returns its base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Debian's Chromium, headless, with nothing that reaches the network by itself. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The serious and critical accessibility violations axe-core finds on the page. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync("node_modules/axe-core/axe.min.js", "utf8") });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const all: string[] = await page.evaluate(async () => (await (window as any).axe.run(document)).violations.map((v: { id: string; impact: string }) => `${v.impact}: ${v.id}`));
  return all.filter((v) => /^(serious|critical)/.test(v));
}

/** The text of the focused element. */
export const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");
