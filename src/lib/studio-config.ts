// Studio defaults an admin ships with the panel (config/studio.json beside the panel page, or
// served by the local preview): which catalog to use and where the model comes from.

export interface StudioConfig {
  catalog?: { url: string; anonKey: string };
  model?: { source: "hub" | "folder" | "bundled"; path?: string; modelId?: string };
}

export function studioConfigProblem(value: unknown): string | null {
  if (!value || typeof value !== "object") return "studio config must be a JSON object";
  const c = value as StudioConfig;
  if (c.catalog !== undefined) {
    if (typeof c.catalog?.url !== "string" || !/^https?:\/\//.test(c.catalog.url))
      return "catalog.url must be an http(s) URL";
    if (typeof c.catalog.anonKey !== "string" || c.catalog.anonKey.split(".").length !== 3)
      return "catalog.anonKey must be the project's anon key (a JWT)";
  }
  if (c.model !== undefined && !["hub", "folder", "bundled"].includes(c.model?.source as string)) {
    return 'model.source must be "hub", "folder" or "bundled"';
  }
  return null;
}
