// Studio defaults an admin ships with the panel (config/studio.json beside the panel page, or
// served by the local preview): which catalog to use, where the model comes from, and the
// starting values of the editor's settings (docs/adr/0019-settings.md).

export interface StudioConfig {
  catalog?: { url: string; anonKey: string };
  model?: { source: "hub" | "folder" | "bundled"; path?: string; modelId?: string };
  /** the settings an editor starts with; each one may be left out */
  defaults?: {
    framesPerClip?: number;
    matchesPerFrame?: number;
    abstentionThreshold?: number;
    batchConfidence?: number;
  };
}

/** What each tunable setting may hold; the settings view and the studio config share them. */
export const SETTING_RANGES = {
  framesPerClip: { min: 1, max: 10, integer: true },
  matchesPerFrame: { min: 1, max: 50, integer: true },
  abstentionThreshold: { min: 0, max: 1, integer: false },
  batchConfidence: { min: 0, max: 1, integer: false },
} as const;

export type TunableSetting = keyof typeof SETTING_RANGES;

/** Why a value does not fit its setting, or null. */
export function settingProblem(name: TunableSetting, value: unknown): string | null {
  const range = SETTING_RANGES[name];
  const isNumber = typeof value === "number" && Number.isFinite(value);
  if (!isNumber || (range.integer && !Number.isInteger(value)) || value < range.min || value > range.max) {
    return range.integer
      ? `a whole number from ${range.min} to ${range.max}`
      : `a number from ${range.min} to ${range.max}`;
  }
  return null;
}

export function catalogProblem(catalog: { url?: unknown; anonKey?: unknown } | undefined): string | null {
  if (typeof catalog?.url !== "string" || !/^https?:\/\/[^\s/]+/.test(catalog.url))
    return "catalog.url must be an http(s) URL";
  if (typeof catalog.anonKey !== "string" || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(catalog.anonKey.trim()))
    return "catalog.anonKey must be the project's anon key (a JWT)";
  return null;
}

export function studioConfigProblem(value: unknown): string | null {
  if (!value || typeof value !== "object") return "studio config must be a JSON object";
  const c = value as StudioConfig;
  if (c.catalog !== undefined) {
    const problem = catalogProblem(c.catalog);
    if (problem) return problem;
  }
  if (c.model !== undefined && !["hub", "folder", "bundled"].includes(c.model?.source as string)) {
    return 'model.source must be "hub", "folder" or "bundled"';
  }
  if (c.defaults !== undefined) {
    if (!c.defaults || typeof c.defaults !== "object" || Array.isArray(c.defaults)) return "defaults must be an object";
    for (const [name, value] of Object.entries(c.defaults)) {
      if (!(name in SETTING_RANGES)) return `defaults.${name} is not a setting`;
      const problem = settingProblem(name as TunableSetting, value);
      if (problem) return `defaults.${name} must be ${problem}`;
    }
  }
  return null;
}
