// The settings as the form edits them (text, as typed) and back: a typo stays visible with its
// message instead of being rounded or clamped away.
import { LOCAL_CATALOG_URL, type ModelSourceKind, type PanelSettings } from "../../store/settings-values";

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
  abstentionThreshold: string;
  batchConfidence: string;
  moveOnAfterAccept: boolean;
}

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
    abstentionThreshold: String(s.abstentionThreshold),
    batchConfidence: String(s.batchConfidence),
    moveOnAfterAccept: s.moveOnAfterAccept,
  };
}

/** Empty is not zero; a decimal comma is read as a point. */
const numberOf = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.trim().replace(",", ".")));

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
    abstentionThreshold: numberOf(f.abstentionThreshold),
    batchConfidence: numberOf(f.batchConfidence),
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
