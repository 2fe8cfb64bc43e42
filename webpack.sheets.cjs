/**
 * Builds the Google Sheets add-on into dist/sheets-addon/: Code.js (the server code and the
 * core, every entry point a top-level function written by gas-webpack-plugin, for the V8
 * runtime), Sidebar.html (the panel with its script and CSS inlined: Apps Script serves one
 * HTML file) and appsscript.json.
 */
const path = require("node:path");
const fs = require("node:fs");
const GasPlugin = require("gas-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OUT = path.resolve(__dirname, "dist/sheets-addon");
const tsRule = { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, target: "ES2019" } } } };
const common = { resolve: { extensions: [".ts", ".js"] }, devtool: false, performance: { hints: false } };

/** Writes Sidebar.html: the template with the sidebar bundle inlined. */
class InlineSidebar {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("InlineSidebar", () => {
      const bundle = fs.readFileSync(path.join(OUT, "sidebar.js"), "utf8").replace(/<\/script/gi, "<\\/script");
      const template = fs.readFileSync("sheets-addon/sidebar/Sidebar.template.html", "utf8");
      fs.writeFileSync(path.join(OUT, "Sidebar.html"), template.replace("/*SIDEBAR_BUNDLE*/", () => bundle));
      fs.rmSync(path.join(OUT, "sidebar.js"));
    });
  }
}

module.exports = [
  {
    ...common,
    name: "server",
    mode: "production",
    entry: { Code: "./sheets-addon/server/main.ts" },
    output: { path: OUT, filename: "[name].js", clean: true },
    target: ["web", "es2019"],
    // Readable and unminified: Apps Script shows this file to the user who opens the editor.
    optimization: { minimize: false },
    module: { rules: [tsRule] },
    plugins: [
      new GasPlugin({ comment: true }),
      new CopyWebpackPlugin({ patterns: [{ from: "sheets-addon/appsscript.json" }] }),
    ],
  },
  {
    ...common,
    name: "sidebar",
    dependencies: ["server"],
    mode: "production",
    entry: { sidebar: "./sheets-addon/sidebar/sidebar.ts" },
    output: { path: OUT, filename: "[name].js" },
    module: { rules: [tsRule, { test: /\.css$/, type: "asset/source" }] },
    plugins: [new InlineSidebar()],
  },
];
