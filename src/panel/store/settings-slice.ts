// The editor's settings: the studio's defaults, this user's changes (kept in the panel's
// localStorage, which CEP keeps per OS user), and what changing them reconnects or reloads.
import type { StudioConfig } from "../../lib/studio-config";
import type { Slice } from "./slice";
import {
  changedFrom,
  sameValue,
  settingsProblems,
  studioDefaults,
  withKeptChanges,
  BUILT_IN_SETTINGS,
  type PanelSettings,
  type SettingProblems,
} from "./settings-values";

export const SETTINGS_KEY = "reference-lookup.settings.v1";

export interface SettingsSlice {
  /** what the panel runs with now */
  settings: PanelSettings;
  /** the studio config's values: what Reset goes back to */
  studioSettings: PanelSettings;
  settingsOpen: boolean;
  /** takes the studio config's values and this user's kept changes over them */
  initSettings(config: StudioConfig | null): PanelSettings;
  /** checks every value; saves and applies them only when all fit, else says what is wrong */
  saveSettings(next: PanelSettings): SettingProblems;
  resetSettings(): void;
  openSettings(): void;
  closeSettings(): void;
}

/** The batch confidence, the one place it is read from: the editor's pick in the batch review
 * this session, else the setting. */
export const selectBatchConfidence = (s: { settings: PanelSettings; pickedBatchConfidence?: number | null }): number =>
  s.pickedBatchConfidence ?? s.settings.batchConfidence;

/** The studio config the catalog and model slices take, from the settings. */
export function configOf(settings: PanelSettings): StudioConfig {
  return { ...(settings.catalog ? { catalog: settings.catalog } : {}), model: settings.model };
}

export const settingsSlice: Slice<SettingsSlice> = (set, get, services) => {
  /** Reconnects or reloads what a change touches; the rest is read where it is used. */
  function apply(before: PanelSettings, after: PanelSettings): void {
    set({ settings: after });
    if (!sameValue(before.catalog, after.catalog)) {
      // a new address or key: a new client (the connection opens it), a new calibration, and no
      // account from the old one
      set({ calibrationStatus: { state: "idle" }, account: null, authState: "signed-out", plannedShots: [] });
      void get().connectCatalog(configOf(after));
    }
    if (!sameValue(before.model, after.model)) void get().loadModel(configOf(after));
  }

  function keep(settings: PanelSettings): void {
    try {
      services.storage?.setItem(SETTINGS_KEY, JSON.stringify(changedFrom(get().studioSettings, settings)));
    } catch {
      // storage full or refused: the change holds for this session
    }
  }

  return {
    settings: BUILT_IN_SETTINGS,
    studioSettings: BUILT_IN_SETTINGS,
    settingsOpen: false,
    initSettings(config) {
      const studioSettings = studioDefaults(config);
      const settings = withKeptChanges(studioSettings, services.storage?.getItem(SETTINGS_KEY) ?? null);
      set({ studioSettings, settings });
      return settings;
    },
    saveSettings(next) {
      const problems = settingsProblems(next);
      if (Object.keys(problems).length) return problems;
      const trimmed: PanelSettings = next.catalog
        ? {
            ...next,
            catalog: { url: next.catalog.url.trim().replace(/\/+$/, ""), anonKey: next.catalog.anonKey.trim() },
          }
        : next;
      keep(trimmed);
      apply(get().settings, trimmed);
      return {};
    },
    resetSettings() {
      keep(get().studioSettings);
      apply(get().settings, get().studioSettings);
    },
    openSettings() {
      set({ settingsOpen: true });
    },
    closeSettings() {
      set({ settingsOpen: false });
    },
  };
};
