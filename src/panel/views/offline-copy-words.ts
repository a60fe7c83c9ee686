// The offline copy's status in plain words: which source answers, and how fresh the copy is.
import type { CatalogSource } from "../../lib/catalog/offline";
import type { CopyStatus } from "../store";

/** "10:42": the copy's time as an editor's clock shows it. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

export function sourceWords(source: Extract<CatalogSource, { kind: "copy" }>): string {
  return source.syncedAt === null
    ? "Offline: using the copy kept on this computer."
    : `Offline: using the copy from ${clockTime(source.syncedAt)}.`;
}

export function copyWords(status: CopyStatus): string | null {
  switch (status.state) {
    case "none":
      return null;
    case "syncing":
      return "Offline copy: updating…";
    case "synced":
      return `Offline copy: ${status.references} reference${status.references === 1 ? "" : "s"}, ${clockTime(status.syncedAt)}.`;
    case "error":
      return `Offline copy not updated: ${status.error.detail}`;
  }
}
