// The editor's settings: their values, the studio's starting values, checking what an editor
// typed, and the per-user copy of what they changed (docs/adr/0019-settings.md).
import { DEFAULT_MODEL_ID } from "../../lib/embedding/model-source";
import { DEFAULT_MIN_CONFIDENCE } from "../../lib/suggestion";
import { catalogProblem, settingProblem, type StudioConfig, type TunableSetting } from "../../lib/studio-config";
import { DEFAULT_FRAME_FRACTIONS } from "../../shared/frames/frame-times";

export type ModelSourceKind = "hub" | "folder" | "bundled";

export interface PanelSettings {
  /** null: no catalog (the panel says "not set up") */
  catalog: { url: string; anonKey: string } | null;
  model: { source: ModelSourceKind; path?: string; modelId?: string };
  framesPerClip: number;
  matchesPerFrame: number;
  /** a field's calibrated confidence below this is not proposed (the vote abstains) */
  abstentionThreshold: number;
  /** batch accept writes suggestions at or above this confidence without review */
  batchConfidence: number;
  /** after Accept the card goes to the next clip waiting; off: the written clip stays on the card */
  moveOnAfterAccept: boolean;
}

export type SettingName = keyof PanelSettings;
export type SettingProblems = Partial<Record<SettingName, string>>;

/** The address `npm run catalog` serves the local catalog on. */
export const LOCAL_CATALOG_URL = "http://127.0.0.1:54321";

/** Before any studio config: IA's five frames, the panel's own match count and thresholds. */
export const BUILT_IN_SETTINGS: PanelSettings = {
  catalog: null,
  model: { source: "hub", modelId: DEFAULT_MODEL_ID },
  framesPerClip: DEFAULT_FRAME_FRACTIONS.length,
  matchesPerFrame: 8,
  abstentionThreshold: DEFAULT_MIN_CONFIDENCE,
  batchConfidence: 0.9,
  moveOnAfterAccept: false,
};

/** The studio config's values over the built-in ones: what an editor starts with. */
export function studioDefaults(config: StudioConfig | null): PanelSettings {
  return {
    ...BUILT_IN_SETTINGS,
    ...config?.defaults,
    catalog: config?.catalog ? { url: config.catalog.url, anonKey: config.catalog.anonKey } : null,
    model: config?.model ? { ...config.model } : BUILT_IN_SETTINGS.model,
  };
}

const TUNABLE: TunableSetting[] = ["framesPerClip", "matchesPerFrame", "abstentionThreshold", "batchConfidence"];

/** What is wrong with each setting, in words for the inline message; empty when all fit. */
export function settingsProblems(s: PanelSettings): SettingProblems {
  const problems: SettingProblems = {};
  for (const name of TUNABLE) {
    const problem = settingProblem(name, s[name]);
    if (problem) problems[name] = `Enter ${problem}.`;
  }
  if (s.catalog) {
    const problem = catalogProblem(s.catalog);
    if (problem)
      problems.catalog = problem.includes("url")
        ? "Enter the catalog's address, starting with https:// (or http:// for the local catalog)."
        : "Enter the project's anon key: three parts separated by dots (Supabase: Settings → API).";
  }
  const model = s.model as Partial<PanelSettings["model"]> | null;
  if (!model || !["hub", "folder", "bundled"].includes(model.source as string))
    problems.model = "Choose where the model comes from: the hub, a folder or the bundled copy.";
  else if (s.model.source !== "hub" && !s.model.path?.trim())
    problems.model = `Enter the ${s.model.source} model's folder.`;
  else if (s.model.source === "hub" && !s.model.modelId?.trim()) problems.model = "Enter the model's hub id.";
  if (typeof s.moveOnAfterAccept !== "boolean") problems.moveOnAfterAccept = "Choose on or off.";
  return problems;
}

/** IA's sampling spread over n frames: the middle of n equal parts (5 → 10, 30, 50, 70, 90 %). */
export function frameFractions(framesPerClip: number): number[] {
  return Array.from({ length: framesPerClip }, (_, i) => Math.round((1000 * (i + 0.5)) / framesPerClip) / 1000);
}

/** The settings that differ from the studio defaults: what is kept for this user. */
export function changedFrom(defaults: PanelSettings, settings: PanelSettings): Partial<PanelSettings> {
  const changed: Partial<PanelSettings> = {};
  for (const name of Object.keys(settings) as SettingName[]) {
    if (JSON.stringify(settings[name]) !== JSON.stringify(defaults[name]))
      (changed as Record<string, unknown>)[name] = settings[name];
  }
  return changed;
}

/** The kept changes over the defaults; a kept value that no longer fits is dropped. */
export function withKeptChanges(defaults: PanelSettings, kept: string | null): PanelSettings {
  let parsed: unknown;
  try {
    parsed = kept ? JSON.parse(kept) : {};
  } catch {
    return defaults;
  }
  if (!parsed || typeof parsed !== "object") return defaults;
  const merged = { ...defaults };
  for (const [name, value] of Object.entries(parsed)) {
    if (!(name in defaults)) continue;
    const candidate = { ...merged, [name]: value } as PanelSettings;
    if (!settingsProblems(candidate)[name as SettingName]) Object.assign(merged, { [name]: value });
  }
  return merged;
}

/** Equal settings need no reconnect or reload. */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
