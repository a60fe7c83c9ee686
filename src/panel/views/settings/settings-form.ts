// The settings as the form edits them (text, as typed) and back: a typo stays visible with its
// message instead of being rounded or clamped away.
import {
  LOCAL_CATALOG_URL,
  settingsProblems,
  type ModelSourceKind,
  type PanelSettings,
  type SettingProblems,
} from "../../store/settings-values";

export type CatalogKind = "none" | "local" | "supabase";

export interface SettingsForm {
  catalogKind: CatalogKind;
  url: string;
  anonKey: string;
  modelSource: ModelSourceKind;
  /** the hub's model id, or the folder's path */
  modelLocation: string;
  framesPerClip: string;
  matchesPerFrame: string;
  /** in % as the editor types it, like batch accept's slider (the settings keep 0–1) */
  abstentionThreshold: string;
  batchConfidence: string;
  moveOnAfterAccept: boolean;
}

const PERCENT_FIELDS = ["abstentionThreshold", "batchConfidence"] as const;
const asPercent = (x: number) => String(Math.round(x * 1000) / 10);

const isLoopback = (url: string) => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(url);

export function toForm(s: PanelSettings): SettingsForm {
  return {
    catalogKind: !s.catalog ? "none" : isLoopback(s.catalog.url) ? "local" : "supabase",
    url: s.catalog?.url ?? "",
    anonKey: s.catalog?.anonKey ?? "",
    modelSource: s.model.source,
    modelLocation: (s.model.source === "hub" ? s.model.modelId : s.model.path) ?? "",
    framesPerClip: String(s.framesPerClip),
    matchesPerFrame: String(s.matchesPerFrame),
    abstentionThreshold: asPercent(s.abstentionThreshold),
    batchConfidence: asPercent(s.batchConfidence),
    moveOnAfterAccept: s.moveOnAfterAccept,
  };
}

/** Empty is not zero; a decimal comma is read as a point; a trailing % is allowed. */
const numberOf = (text: string): number => {
  const t = text.trim().replace(/\s*%$/, "");
  return t === "" ? Number.NaN : Number(t.replace(",", "."));
};

export function fromForm(f: SettingsForm, current: PanelSettings): PanelSettings {
  const location = f.modelLocation.trim();
  const modelId = f.modelSource === current.model.source ? current.model.modelId : undefined;
  return {
    catalog: f.catalogKind === "none" ? null : { url: f.url, anonKey: f.anonKey },
    model:
      f.modelSource === "hub"
        ? { source: "hub", modelId: location }
        : { source: f.modelSource, path: location, ...(modelId ? { modelId } : {}) },
    framesPerClip: numberOf(f.framesPerClip),
    matchesPerFrame: numberOf(f.matchesPerFrame),
    abstentionThreshold: numberOf(f.abstentionThreshold) / 100,
    batchConfidence: numberOf(f.batchConfidence) / 100,
    moveOnAfterAccept: f.moveOnAfterAccept,
  };
}

/** Switching to the local catalog offers its usual address. */
export function withCatalogKind(f: SettingsForm, kind: CatalogKind): SettingsForm {
  const url =
    kind === "local" && !isLoopback(f.url) ? LOCAL_CATALOG_URL : kind === "supabase" && isLoopback(f.url) ? "" : f.url;
  return { ...f, catalogKind: kind, url };
}

/** Edits not saved yet: what closing the view would drop. */
export function formChanged(f: SettingsForm, saved: PanelSettings): boolean {
  const kept = toForm(saved);
  return (Object.keys(kept) as (keyof SettingsForm)[]).some((k) => kept[k] !== f[k]);
}

/** What is wrong with the form as typed, in the form's own units (% where it shows %): shown
 * beside each field while the editor types, not only on Save. */
export function formProblems(f: SettingsForm, current: PanelSettings): SettingProblems {
  const problems = settingsProblems(fromForm(f, current));
  for (const name of PERCENT_FIELDS) if (problems[name]) problems[name] = "Enter a percentage from 0 to 100.";
  return problems;
}
