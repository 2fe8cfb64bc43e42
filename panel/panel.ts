/**
 * The panel both add-ins show (the Excel task pane, the Sheets sidebar). It draws everything
 * from the core's summary, problems and settings description, and talks to its host only
 * through PanelHost. Sheet text only ever reaches the page as text (never as HTML).
 */
import { BuildResult, COLUMN_LABELS, ColumnsFound, ProblemJson, SettingField, SettingsInput, Summary, TABLE_WORDS, TableKind, parseSettings, problemJson, settingsForm } from "../core";
import { BUILD_STEPS, BuildStep, PanelHost, StoredSettings } from "./host";
import css from "./panel.css";

export interface PanelOptions {
  /** "Excel" or "Google Sheets", for the words the user reads. */
  hostName: string;
  /** Colours from the host's theme, where it has one. */
  theme?: { background: string; text: string; accent: string } | null;
  /** Where the first-run line remembers it was dismissed. */
  storage?: Pick<Storage, "getItem" | "setItem"> | null;
  /** A build's result to show at once (the Sheets menu builds before the sidebar opens). */
  initial?: BuildResult | null;
}

const STEP_TEXT: Record<BuildStep, string> = {
  reading: "Reading your tables",
  checking: "Checking every cell",
  computing: "Computing scores and variances",
  writing: "Writing the report sheets",
};

const FIRST_RUN_KEY = "journey-scorecard.first-run-done";

/** `el("p", {class: "x"}, "text", child)`: an element with attributes and children (text stays text). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(typeof c === "string" ? document.createTextNode(c) : c);
  return node;
}

export function mountPanel(root: HTMLElement, host: PanelHost, options: PanelOptions): void {
  const style = el("style", {}, css);
  document.head.append(style);
  if (options.theme) {
    root.style.setProperty("--js-bg", options.theme.background);
    root.style.setProperty("--js-text", options.theme.text);
  }
  root.classList.add("js-panel");
  root.replaceChildren();

  const storage = options.storage === undefined ? safeLocalStorage() : options.storage;
  if (storage?.getItem(FIRST_RUN_KEY) !== "1") {
    const dismiss = el("button", { type: "button", class: "js-link" }, "Got it");
    const intro = el("p", { class: "js-intro", id: "js-intro" },
      `Journey Scorecard reads your Journey and Budget tables in ${options.hostName}, scores every KPI, checks budget against actual, and writes three report sheets: Scorecard, Budget Variance and Journey View (a budget alone gives its Budget Variance). `,
      dismiss);
    dismiss.addEventListener("click", () => {
      storage?.setItem(FIRST_RUN_KEY, "1");
      intro.remove();
    });
    root.append(intro);
  }

  const build = el("button", { type: "button", class: "js-primary", id: "js-build" }, "Build reports");
  const sample = el("button", { type: "button", class: "js-secondary", id: "js-sample" }, "Insert sample tables");
  root.append(el("div", { class: "js-actions" }, build, sample));

  const progress = el("progress", { id: "js-progress", max: String(BUILD_STEPS.length), value: "0", "aria-label": "Build progress", hidden: "" });
  const progressText = el("p", { id: "js-progress-text", role: "status", class: "js-status" });
  const message = el("div", { id: "js-message", role: "alert", class: "js-message" });
  const output = el("section", { id: "js-output", "aria-label": "Results" });
  root.append(progress, progressText, message, output);

  const settingsSection = el("details", { id: "js-settings" }, el("summary", {}, "Settings"));
  root.append(settingsSection);

  const redrawSettings = (stored: StoredSettings) => {
    settingsSection.replaceChildren(el("summary", {}, "Settings"));
    drawSettings(settingsSection, stored, host, fail);
  };
  const busy = (on: boolean) => {
    build.disabled = on;
    sample.disabled = on;
    root.setAttribute("aria-busy", on ? "true" : "false");
  };
  const fail = (error: unknown) => {
    message.replaceChildren(el("p", {}, `Something went wrong in ${options.hostName}: ${error instanceof Error ? error.message : String(error)}. Nothing of yours was changed.`));
  };

  build.addEventListener("click", async () => {
    busy(true);
    message.replaceChildren();
    output.replaceChildren();
    progress.hidden = false;
    try {
      const result = await host.build(async (step) => {
        const i = BUILD_STEPS.indexOf(step);
        progress.value = i;
        progressText.textContent = `Step ${i + 1} of ${BUILD_STEPS.length}: ${STEP_TEXT[step]}…`;
        // Let the page show the step before the host's work of that step blocks it.
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      progress.value = BUILD_STEPS.length;
      progressText.textContent = result.ok ? "Done." : "Stopped: the tables need fixing first.";
      showResult(output, result, host, fail, redrawSettings);
    } catch (error) {
      progressText.textContent = "";
      fail(error);
    } finally {
      progress.hidden = true;
      busy(false);
    }
  });

  sample.addEventListener("click", async () => {
    busy(true);
    message.replaceChildren();
    try {
      const sheets = await host.insertSample();
      progressText.textContent = `Sample tables written to the sheets ${sheets.join(" and ")}. Press Build reports to try them.`;
      busy(false);
      build.focus();
    } catch (error) {
      fail(error);
    } finally {
      busy(false);
    }
  });

  if (options.initial) {
    progressText.textContent = options.initial.ok ? "Done." : "Stopped: the tables need fixing first.";
    showResult(output, options.initial, host, fail, redrawSettings);
  }
  host.loadSettings().then(redrawSettings, fail);
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function showResult(output: HTMLElement, result: BuildResult, host: PanelHost, fail: (e: unknown) => void, saved: (stored: StoredSettings) => void): void {
  const columns = result.columns && columnsView(result.columns, host, fail, saved);
  if (!result.ok) {
    output.append(problemList("Fix these cells, then build again. Nothing was written.", result.problems, host, fail));
    if (columns) output.append(columns);
    return;
  }
  output.append(el("p", { class: "js-written" }, `Report written to ${result.sheets.join(", ")} (read from ${result.foundAs.join(" and ")}).`));
  for (const notice of result.notices) output.append(el("p", { class: "js-notice" }, notice));
  output.append(summaryView(result.summary));
  if (result.warnings.length) output.append(problemList("Warnings (the report was written):", result.warnings, host, fail));
  if (columns) output.append(columns);
}

/**
 * The headers taken as our columns by their words: each with a choice to keep or correct it.
 * Saving puts every choice in the column mapping, so the next build reads them so for sure.
 */
function columnsView(columns: ColumnsFound, host: PanelHost, fail: (e: unknown) => void, saved: (stored: StoredSettings) => void): HTMLElement | null {
  const guesses = (Object.keys(COLUMN_LABELS) as TableKind[]).flatMap((table) =>
    columns[table].filter((c) => c.kind === "guessed").map((c) => ({ table, ...c })));
  if (!guesses.length) return null;
  const section = el("section", { class: "js-columns", id: "js-columns", "aria-labelledby": "js-columns-title" },
    el("h2", { id: "js-columns-title" }, "Columns taken from your headers"),
    el("p", {}, "Check these; correct any that is wrong, then save so the next build reads them so."));
  const form = el("form", { id: "js-columns-form" });
  const choices = guesses.map((g, i) => {
    const id = `js-column-${i}`;
    const select = el("select", { id, "data-table": g.table, "data-header": g.header });
    for (const label of COLUMN_LABELS[g.table]) {
      const option = el("option", { value: label }, label);
      option.selected = label === g.column;
      select.append(option);
    }
    const label = el("label", { for: id }, `${TABLE_WORDS[g.table].label} "${g.header}" (${g.cell})${g.doubtful ? ", unsure" : ""} is`);
    form.append(el("div", { class: `js-field${g.doubtful ? " js-doubtful" : ""}` }, label, select));
    return select;
  });
  const save = el("button", { type: "submit", class: "js-secondary", id: "js-columns-save" }, "Save these columns");
  const status = el("p", { role: "status", class: "js-status", id: "js-columns-status" });
  form.append(save, status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const stored = await host.loadSettings();
      const mapping = structuredClone(stored.settings.columnMapping);
      for (const select of choices) mapping[select.dataset.table as TableKind][select.dataset.header!] = select.value;
      saved(await host.saveSettings({ ...stored.settings, columnMapping: mapping }));
      status.textContent = "Saved in this document. Build again to use them.";
    } catch (error) {
      fail(error);
    }
  });
  section.append(form);
  return section;
}

/** A status as a word with a coloured marker: never colour alone. */
function status(word: string): HTMLElement {
  const tone = word === "Green" || word === "Favourable" ? "good" : word === "Amber" ? "warn" : word === "Red" || word === "Unfavourable" ? "bad" : "none";
  return el("span", { class: `js-badge js-${tone}` }, word);
}

/** Column widths in percent: the tables fit a 300 px sidebar without cutting a word. */
function columns(...percents: number[]): HTMLElement {
  return el("colgroup", {}, ...percents.map((p) => el("col", { style: `width: ${p}%` })));
}

function summaryView(s: Summary): HTMLElement {
  const view = el("div", { class: "js-summary", id: "js-summary" });
  const card = s.scorecard;
  if (card) {
    view.append(
      el("h2", {}, `Balanced scorecard ${s.asOf ? `as of ${s.asOf}` : "(no periods)"}`),
      el("p", { class: "js-overall" }, "Overall ", el("strong", {}, card.overall.score.text), " ", status(card.overall.status), ` ${card.overall.kpis} KPIs, ${card.overall.withData} with data`),
    );
    const caption = card.groupedBy === "Perspective" ? "Perspectives" : "Stages (the KPIs have no perspective)";
    const groups = el("table", {}, el("caption", {}, caption), columns(34, 18, 26, 22),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, card.groupedBy), el("th", { scope: "col" }, "Score"), el("th", { scope: "col" }, "Status"), el("th", { scope: "col" }, "Red / Amber"))));
    const body = el("tbody");
    for (const p of card.groups) body.append(el("tr", {}, el("th", { scope: "row" }, p.name), el("td", {}, p.score.text), el("td", {}, status(p.status)), el("td", {}, `${p.red} / ${p.amber}`)));
    groups.append(body);
    view.append(groups);

    view.append(el("h3", {}, `Moments of truth at risk: ${card.momentsAtRisk.count}`));
    if (card.momentsAtRisk.worst.length) {
      const list = el("ol", { class: "js-risks" });
      for (const k of card.momentsAtRisk.worst) list.append(el("li", {}, `${k.stage}${k.touchpoint ? ` / ${k.touchpoint}` : ""}: ${k.kpi} `, status(k.status), ` achievement ${k.achievement.text}`));
      view.append(list);
    }
  } else {
    view.append(el("h2", {}, `Budget ${s.asOf ? `as of ${s.asOf}` : "(no periods)"}`));
  }
  if (s.budget) {
    const table = el("table", {}, el("caption", {}, `Budget variance by stage (cost${s.budget.yearToDate ? ", year to date" : ""}; positive is favourable)`), columns(39, 25, 36),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Stage"), el("th", { scope: "col" }, "Variance"), el("th", { scope: "col" }, "Status"))));
    const rows = el("tbody");
    for (const st of s.budget.stages) rows.append(el("tr", {}, el("th", { scope: "row" }, st.stage), el("td", {}, `${st.variance.text} (${st.variancePct.text})`), el("td", {}, status(st.status))));
    table.append(rows);
    view.append(table);
  }
  return view;
}

function problemList(title: string, problems: ProblemJson[], host: PanelHost, fail: (e: unknown) => void): HTMLElement {
  const section = el("div", { class: "js-problems", id: "js-problems" }, el("h2", {}, title));
  const list = el("ul");
  for (const p of problems) {
    const text = `${p.severity === "error" ? "Error" : "Warning"}: ${p.message}`;
    if (p.cell && /!/.test(p.cell)) {
      const go = el("button", { type: "button", class: "js-problem", "data-cell": p.cell }, text);
      go.addEventListener("click", () => host.selectCell(p.cell!).catch(fail));
      list.append(el("li", {}, go));
    } else {
      list.append(el("li", {}, text));
    }
  }
  section.append(list);
  return section;
}

function drawSettings(section: HTMLElement, stored: StoredSettings, host: PanelHost, fail: (e: unknown) => void): void {
  const form = el("form", { id: "js-settings-form", novalidate: "" });
  const fields = settingsForm();
  const current = stored.settings as unknown as Record<string, unknown>;
  const valueAt = (key: string) => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], current);
  let group: HTMLFieldSetElement | null = null;
  let groupName: string | null = null;
  for (const f of fields) {
    if (f.group !== groupName) {
      groupName = f.group;
      group = f.group ? el("fieldset", {}, el("legend", {}, f.group)) : null;
      if (group) form.append(group);
    }
    (group ?? form).append(fieldView(f, valueAt(f.key)));
  }
  const save = el("button", { type: "submit", class: "js-secondary", id: "js-save" }, "Save settings");
  const saved = el("p", { role: "status", id: "js-settings-status", class: "js-status" });
  form.append(save, saved);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = readForm(form, fields);
    if (!input) {
      saved.textContent = "Some settings are not valid: see the messages above.";
      return;
    }
    const check = parseSettings(input);
    if (check.problems.length) {
      saved.textContent = check.problems.map((p) => problemJson(p).message).join(" ");
      return;
    }
    try {
      await host.saveSettings(input);
      saved.textContent = "Settings saved in this document.";
    } catch (error) {
      fail(error);
    }
  });
  for (const p of stored.problems) section.append(el("p", { class: "js-notice" }, p.message));
  section.append(form);
}

const idOf = (key: string) => `js-setting-${key.replace(/\./g, "-")}`;

function fieldView(f: SettingField, value: unknown): HTMLElement {
  const id = idOf(f.key);
  const help = el("small", { id: `${id}-help` }, f.help);
  const error = el("small", { id: `${id}-error`, class: "js-field-error", "aria-live": "polite" });
  const described = `${id}-help ${id}-error`;
  let control: HTMLElement;
  if (f.type === "boolean") {
    const box = el("input", { type: "checkbox", id, name: f.key, "aria-describedby": described });
    box.checked = value === true;
    return el("div", { class: "js-field js-check" }, box, el("label", { for: id }, f.label), help, error);
  }
  if (f.type === "choice") {
    const select = el("select", { id, name: f.key, "aria-describedby": described });
    // An optional choice can be left unset (no default perspective, date order from the data).
    if (f.optional) select.append(el("option", { value: "" }, "(none)"));
    for (const c of f.choices) {
      const option = el("option", { value: c.value }, c.label);
      option.selected = c.value === value;
      select.append(option);
    }
    control = select;
  } else if (f.type === "percent" || f.type === "number") {
    const input = el("input", { type: "number", id, name: f.key, step: "any", "aria-describedby": described });
    if (f.type === "percent") {
      if (f.min !== null) input.min = String(f.min * 100);
      if (f.max !== null) input.max = String(f.max * 100);
      input.value = typeof value === "number" ? String(Math.round(value * 10000) / 100) : "";
    } else input.value = value === null || value === undefined ? "" : String(value);
    control = el("span", { class: "js-unit" }, input, f.type === "percent" ? "%" : "");
  } else if (f.type === "mapping") {
    const text = Object.entries((value ?? {}) as Record<string, Record<string, string>>)
      .flatMap(([table, pairs]) => Object.entries(pairs).map(([theirs, ours]) => `${table}: ${theirs} = ${ours}`))
      .join("\n");
    control = el("textarea", { id, name: f.key, rows: "3", placeholder: "journey: Aim = Target", "aria-describedby": described });
    (control as HTMLTextAreaElement).value = text;
  } else {
    const input = el("input", { type: "text", id, name: f.key, "aria-describedby": described });
    if (f.maxLength !== null) input.maxLength = f.maxLength;
    input.value = value === null || value === undefined ? "" : String(value);
    control = input;
  }
  return el("div", { class: "js-field" }, el("label", { for: id }, f.label), control, help, error);
}

/** The form's values as settings input; null (with messages on the fields) when one is not valid. */
function readForm(form: HTMLFormElement, fields: SettingField[]): SettingsInput | null {
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const f of fields) {
    const control = form.querySelector<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(`#${idOf(f.key)}`)!;
    const error = form.querySelector<HTMLElement>(`#${idOf(f.key)}-error`)!;
    error.textContent = "";
    let value: unknown;
    if (f.type === "boolean") value = control.checked;
    else if (f.type === "percent" || f.type === "number") {
      const n = control.value.trim() === "" ? NaN : Number(control.value);
      const scaled = f.type === "percent" ? n / 100 : n;
      if (!Number.isFinite(scaled) || (f.min !== null && scaled < f.min) || (f.max !== null && scaled > f.max)) {
        const unit = f.type === "percent" ? "%" : "";
        const range = f.type === "percent" ? [f.min! * 100, f.max! * 100] : [f.min, f.max];
        error.textContent = `Enter a number from ${range[0]}${unit} to ${range[1]}${unit}.`;
        control.setAttribute("aria-invalid", "true");
        ok = false;
        continue;
      }
      control.removeAttribute("aria-invalid");
      value = scaled;
    } else if (f.type === "mapping") {
      const mapping: Record<string, Record<string, string>> = { journey: {}, budget: {}, actuals: {} };
      for (const line of control.value.split("\n").map((l) => l.trim()).filter(Boolean)) {
        const m = /^(journey|budget|actuals)\s*:\s*(.+?)\s*=\s*(.+)$/i.exec(line);
        if (!m) {
          error.textContent = `"${line}" is not like "journey: Your header = Our column".`;
          ok = false;
          continue;
        }
        mapping[m[1].toLowerCase()][m[2]] = m[3];
      }
      value = mapping;
    } else {
      value = control.value.trim() === "" && f.optional ? null : control.value.trim();
    }
    const [k, sub] = f.key.split(".");
    if (sub) out[k] = { ...(out[k] as object), [sub]: value };
    else out[k] = value;
  }
  return ok ? (out as SettingsInput) : null;
}
