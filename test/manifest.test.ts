/**
 * The Office manifest, checked offline (Microsoft's validator needs its online service): well
 * formed, the elements an add-in-only XML manifest requires, every resid and URL resolving to
 * a built file, namespace, permission and requirement sets.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAddins } from "./build";

const XML = readFileSync("manifest.xml", "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, isArray: (name) => ["Set", "Image", "Url", "String", "Runtime", "AppDomain", "Control", "ExtensionPoint"].includes(name) });
const app = parser.parse(XML).OfficeApp;
const host = app.VersionOverrides.Hosts.Host;
const resources = app.VersionOverrides.Resources;
const ids = (group: { Image?: { "@id": string }[]; Url?: { "@id": string }[]; String?: { "@id": string }[] }) => [...(group.Image ?? []), ...(group.Url ?? []), ...(group.String ?? [])];
const allResources = [...ids(resources.Images), ...ids(resources.Urls), ...ids(resources.ShortStrings), ...ids(resources.LongStrings)];

describe("manifest.xml", () => {
  beforeAll(() => buildAddins(), 120_000);

  it("is well formed, a task pane add-in for workbooks", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(app["@type"]).toBe("TaskPaneApp");
    for (const el of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"]) {
      expect(app[el], el).toBeDefined();
    }
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.Hosts.Host["@Name"]).toBe("Workbook");
    // The schema's order of the first elements (an out-of-order manifest is refused by Office).
    const order = ["<Id>", "<Version>", "<ProviderName>", "<DefaultLocale>", "<DisplayName", "<Description", "<IconUrl", "<HighResolutionIconUrl", "<SupportUrl", "<AppDomains>", "<Hosts>", "<Requirements>", "<DefaultSettings>", "<Permissions>", "<VersionOverrides"];
    const at = order.map((tag) => XML.indexOf(tag));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("asks for ReadWriteDocument and nothing more, and declares every requirement set the code uses", () => {
    expect(app.Permissions).toBe("ReadWriteDocument");
    const sets = Object.fromEntries(app.Requirements.Sets.Set.map((s: Record<string, string>) => [s["@Name"], s["@MinVersion"]]));
    // Worksheet custom properties (the ownership tag) need ExcelApi 1.12, the highest any call needs.
    expect(sets).toEqual({ ExcelApi: "1.12", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" });
    const code = ["excel-addin/report-writer.ts", "excel-addin/table-reader.ts", "excel-addin/excel-host.ts"].map((f) => readFileSync(f, "utf8")).join("\n");
    expect(code).toContain("customProperties");
  });

  it("runs the pane and the functions in one shared runtime, under the JOURNEY namespace", () => {
    expect(host.Runtimes.Runtime).toEqual([{ "@resid": "Taskpane.Url", "@lifetime": "long" }]);
    const functions = host.AllFormFactors.ExtensionPoint.find((e: Record<string, string>) => e["@type"] === "CustomFunctions");
    expect(functions.Page.SourceLocation["@resid"]).toBe("Taskpane.Url");
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe("Taskpane.Url");
    const namespace = resources.ShortStrings.String.find((s: Record<string, string>) => s["@id"] === functions.Namespace["@resid"]);
    expect(namespace["@DefaultValue"]).toBe("JOURNEY");
    const button = host.DesktopFormFactor.ExtensionPoint[0].OfficeTab.Group.Control[0];
    expect(button.Action["@type"]).toBe("ShowTaskpane");
  });

  it("every resid resolves, once; every localhost URL is a built file; icons 16, 32, 64 and 80", () => {
    const defined = allResources.map((r) => r["@id"]);
    expect(new Set(defined).size).toBe(defined.length);
    const used = [...XML.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const id of used) expect(defined, id).toContain(id);
    for (const id of ["Icon.16x16", "Icon.32x32", "Icon.80x80"]) expect(defined).toContain(id);
    const urls = [...XML.matchAll(/"(https:\/\/localhost:3000\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(6);
    for (const url of urls) expect(existsSync(join("dist/excel-addin", new URL(url).pathname)), url).toBe(true);
    expect(readdirSync("dist/excel-addin/assets").sort()).toEqual(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(`dist/excel-addin/assets/icon-${size}.png`);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(app.AppDomains.AppDomain).toEqual(["https://localhost:3000"]);
    for (const url of [...XML.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1])) expect(url.startsWith("https://")).toBe(true);
  });
});
