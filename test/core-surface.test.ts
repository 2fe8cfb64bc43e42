/**
 * Hosts, the panel, tests outside core/, the bench and the samples reach the core only
 * through core/index.ts (issue: one public surface).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", "dist", "out", ".git", "core"]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** The core modules a file imports other than the index, as paths from the project root. */
export function coreBypasses(file: string, source: string): string[] {
  const specs = [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
  return specs
    .filter((s) => s.startsWith("."))
    .map((s) => relative(ROOT, resolve(dirname(file), s)).replace(/\\/g, "/").replace(/\.(ts|js)$/, ""))
    .filter((p) => p.startsWith("core/") && p !== "core/index");
}

describe("the core's public surface", () => {
  it("flags an import of a core module other than the index", () => {
    const file = join(ROOT, "cli", "x.ts");
    // The example lines are put together here, so that this file itself imports nothing of the core.
    const core = ["..", "core"].join("/");
    expect(coreBypasses(file, `import { analyse } from "${core}/compute/analyse";\nimport { functions } from "${core}";`)).toEqual(["core/compute/analyse"]);
    expect(coreBypasses(file, `const m = await import("${core}/report/model.ts");`)).toEqual(["core/report/model"]);
    expect(coreBypasses(file, `import { x } from "${core}/index";\nimport ExcelJS from "exceljs";`)).toEqual([]);
  });

  it("is the only way into the core from every file outside core/", () => {
    const files = sourceFiles(ROOT);
    expect(files.some((f) => f.includes(`${join("cli", "main.ts")}`))).toBe(true);
    const bypasses = files.flatMap((f) => coreBypasses(f, readFileSync(f, "utf8")).map((p) => `${relative(ROOT, f)} imports ${p}`));
    expect(bypasses).toEqual([]);
  });
});
