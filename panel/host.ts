/**
 * What the panel asks of its host. The Excel task pane and the Sheets sidebar each provide
 * one; the panel itself never touches a host API.
 */
import type { BuildResult, ProblemJson, Settings, SettingsInput } from "../core";

/** The steps of a build, in order, for progress. */
export const BUILD_STEPS = ["reading", "checking", "computing", "writing"] as const;
export type BuildStep = (typeof BUILD_STEPS)[number];

export interface StoredSettings {
  settings: Settings;
  /** Stored values that fell back to their defaults. */
  problems: ProblemJson[];
}

export interface PanelHost {
  /**
   * Reads the tables, checks them, computes and writes the report sheets. The host awaits
   * `progress` at each step: the panel lets the page repaint before the next step's work.
   */
  build(progress: (step: BuildStep) => Promise<void>): Promise<BuildResult>;
  /** Writes the sample Journey and Budget tables into new sheets; returns their names. */
  insertSample(): Promise<string[]>;
  /** Selects a cell such as `Journey!D7` and shows its sheet. */
  selectCell(address: string): Promise<void>;
  loadSettings(): Promise<StoredSettings>;
  /** Validates and stores the settings; returns what was stored. */
  saveSettings(settings: SettingsInput): Promise<StoredSettings>;
}
