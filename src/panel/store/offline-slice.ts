// The offline copy in the store: which source answers (the catalog or the copy), keeping the copy
// in step, and noticing when the catalog is back (docs/adr/0018). The copy itself is a service.
import { OfflineCatalog, type CatalogSource } from "../../lib/catalog/offline";
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

const PROBE_MS = 10_000;
/** while the catalog answers, the copy catches up this often (and on every reconnection) */
const SYNC_MS = 5 * 60_000;

export const offlineSlice: Slice<OfflineSlice> = (set, get, services, onDispose) => {
  let probe: ReturnType<typeof setInterval> | null = null;
  let nextSync: ReturnType<typeof setTimeout> | null = null;
  onDispose(() => {
    stopProbe();
    if (nextSync) clearTimeout(nextSync);
  });
  let syncing: Promise<void> | null = null;
  const offlineCatalog = () => (services.catalog instanceof OfflineCatalog ? services.catalog : null);
  const stopProbe = () => {
    if (probe) clearInterval(probe);
    probe = null;
  };

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
      const catalog = offlineCatalog();
      const { modelStatus } = get();
      if (!catalog || catalog.source.kind !== "server" || modelStatus.state !== "ready") return Promise.resolve();
      syncing ??= sync(catalog, modelStatus.modelVersion).finally(() => (syncing = null));
      return syncing;
    },
    catalogSourceChanged(source) {
      set({ catalogSource: source });
      if (source.kind === "copy") {
        stopProbe();
        probe = setInterval(
          () =>
            void offlineCatalog()
              ?.probe()
              .catch(() => undefined),
          services.probeMs ?? PROBE_MS,
        );
        return;
      }
      // back on the catalog: saves kept meanwhile are sent, then the copy catches up (with them)
      stopProbe();
      void get()
        .retrySaves()
        .finally(() => get().syncCopy());
      void get().processQueue();
    },
  };
};
