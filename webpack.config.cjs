/**
 * Builds the Excel add-in into dist/excel-addin/: the task pane page (panel + Excel host),
 * the custom functions bundle and its functions.json (generated from the JSDoc by
 * custom-functions-metadata-plugin), the ribbon commands page and the icons.
 */
const path = require("node:path");
const fs = require("node:fs");
const os = require("node:os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const FUNCTIONS = "./excel-addin/functions/functions.ts";

module.exports = (_env, argv) => ({
  mode: argv.mode ?? "production",
  devtool: argv.mode === "development" ? "source-map" : false,
  entry: {
    taskpane: "./excel-addin/taskpane/taskpane.ts",
    functions: FUNCTIONS,
  },
  output: { path: path.resolve(__dirname, "dist/excel-addin"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } } },
      { test: /\.css$/, type: "asset/source" },
    ],
  },
  performance: { hints: false },
  plugins: [
    new CustomFunctionsMetadataPlugin({ input: FUNCTIONS, output: "functions.json" }),
    // Shared runtime: the task pane page also runs the custom functions and the ribbon commands.
    new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./excel-addin/taskpane/taskpane.html", chunks: ["functions", "taskpane"], scriptLoading: "blocking", inject: "body" }),
    new CopyWebpackPlugin({ patterns: [{ from: "excel-addin/assets", to: "assets" }] }),
  ],
  devServer: {
    port: 3000,
    static: { directory: path.resolve(__dirname, "dist/excel-addin") },
    headers: { "Access-Control-Allow-Origin": "*" },
    // Office loads add-ins over https only: the certificates office-addin-dev-certs makes and trusts.
    server: { type: "https", options: devCerts() },
  },
});

/** The localhost certificates of office-addin-dev-certs (`npm run dev-server` makes them first). */
function devCerts() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const read = (name) => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name)) : undefined);
  return { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
}
