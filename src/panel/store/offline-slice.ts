// The offline copy in the store: which source answers (the catalog or the copy), keeping the copy
// in step, and what the panel does when the catalog is back (docs/adr/0018). The catalog
// connection (catalog-connection.ts) owns the copy's client and probes the catalog meanwhile.
import type { CatalogSource, OfflineCatalog } from "../../lib/catalog/offline";
import { toPanelError, type PanelError } from "./panel-error";
import type { Slice } from "./slice";

export type CopyStatus =
  | { state: "none" }
  | { state: "syncing" }
  | { state: "synced"; syncedAt: number; references: number; modelVersion: string }
  | { state: "error"; error: PanelError };

export interface OfflineSlice {
  catalogSource: CatalogSource;
  copyStatus: CopyStatus;
  /** brings the copy of the panel's model version up to the catalog, when the catalog answers */
  syncCopy(): Promise<void>;
  /** the catalog (an OfflineCatalog) switched source */
  catalogSourceChanged(source: CatalogSource): void;
}

/** while the catalog answers, the copy catches up this often (and on every reconnection) */
const SYNC_MS = 5 * 60_000;

export const offlineSlice: Slice<OfflineSlice> = (set, get, _services, { catalog: connection, onDispose }) => {
  let nextSync: ReturnType<typeof setTimeout> | null = null;
  onDispose(() => nextSync && clearTimeout(nextSync));
  let syncing: Promise<void> | null = null;

  async function sync(catalog: OfflineCatalog, modelVersion: string) {
    // a copy already in use stays on screen while it catches up
    if (get().copyStatus.state !== "synced") set({ copyStatus: { state: "syncing" } });
    if (nextSync) clearTimeout(nextSync);
    nextSync = setTimeout(() => void get().syncCopy(), SYNC_MS);
    try {
      const result = await catalog.syncCopy(modelVersion);
      const references = await catalog.offline.copy.count(modelVersion);
      set({ copyStatus: { state: "synced", syncedAt: result.syncedAt, references, modelVersion } });
    } catch (e) {
      set({ copyStatus: { state: "error", error: toPanelError("Updating the offline copy", e) } });
    }
  }

  return {
    catalogSource: { kind: "server" },
    copyStatus: { state: "none" },
    syncCopy() {
      const catalog = connection.offline;
      const { modelStatus } = get();
      if (!catalog || catalog.source.kind !== "server" || modelStatus.state !== "ready") return Promise.resolve();
      syncing ??= sync(catalog, modelStatus.modelVersion).finally(() => (syncing = null));
      return syncing;
    },
    catalogSourceChanged(source) {
      set({ catalogSource: source });
      if (source.kind === "copy") return;
      // back on the catalog: saves kept meanwhile are sent, then the copy catches up (with them)
      void get()
        .retrySaves()
        .finally(() => get().syncCopy());
      void get().processQueue();
    },
  };
};
