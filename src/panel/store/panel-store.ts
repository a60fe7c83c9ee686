// The panel's store: one zustand store made of slices, services injected (never in the state).
import { createStore, type StoreApi } from "zustand/vanilla";
import { batchAcceptSlice, type BatchAcceptSlice } from "./batch-accept-slice";
import { catalogSlice, type CatalogSlice } from "./catalog-slice";
import { modelSlice, type ModelSlice } from "./model-slice";
import { projectSlice, type ProjectSlice } from "./project-slice";
import { queueSlice, type QueueSlice } from "./queue-slice";
import { reviewSlice, type ReviewSlice } from "./review-slice";
import { searchSlice, type SearchSlice } from "./search-slice";
import { authSlice, type AuthSlice } from "./auth-slice";
import { batchSlice, type BatchSlice } from "./batch-slice";
import { saveSlice, type SaveSlice } from "./save-slice";
import { timelineSlice, type TimelineSlice } from "./timeline-slice";
import { settingsSlice, type SettingsSlice } from "./settings-slice";
import { offlineSlice, type OfflineSlice } from "./offline-slice";
import { selfCheckSlice, type SelfCheckSlice } from "./self-check-slice";
import { acceptUndoSlice, type AcceptUndoSlice } from "./accept-undo-slice";
import { panelKeysSlice, type PanelKeysSlice } from "./panel-keys-slice";
import { olderReferencesSlice, type OlderReferencesSlice } from "./older-references-slice";
import type { PanelServices } from "./services";
import { CatalogConnection } from "./catalog-connection";
import type { SliceContext } from "./slice";

export type PanelState = ProjectSlice &
  CatalogSlice &
  ModelSlice &
  QueueSlice &
  ReviewSlice &
  SearchSlice &
  AuthSlice &
  SaveSlice &
  TimelineSlice &
  SettingsSlice &
  BatchSlice &
  OfflineSlice &
  BatchAcceptSlice &
  SelfCheckSlice &
  AcceptUndoSlice &
  PanelKeysSlice &
  OlderReferencesSlice;
export type PanelStore = StoreApi<PanelState> & {
  services: PanelServices;
  /** the one connection to the reference catalog (its client, reconnects, offline fallback) */
  catalog: CatalogConnection;
  /** stops the store's timers (catalog reconnects, offline probes and syncs, save retries): a panel
   * closed, or a test done, leaves nothing running */
  dispose(): void;
};

export function createPanelStore(services: PanelServices): PanelStore {
  const stops: Array<() => void> = [];
  const onDispose = (stop: () => void) => void stops.push(stop);
  const catalog = new CatalogConnection({
    given: services.catalog,
    probeMs: services.probeMs,
    onSource: (source) => store.getState().catalogSourceChanged(source),
  });
  onDispose(() => catalog.dispose());
  const context: SliceContext = { catalog, onDispose };
  const store = createStore<PanelState>()((set, get) => ({
    ...projectSlice(set, get, services, context),
    ...catalogSlice(set, get, services, context),
    ...modelSlice(set, get, services, context),
    ...queueSlice(set, get, services, context),
    ...reviewSlice(set, get, services, context),
    ...searchSlice(set, get, services, context),
    ...authSlice(set, get, services, context),
    ...saveSlice(set, get, services, context),
    ...timelineSlice(set, get, services, context),
    ...settingsSlice(set, get, services, context),
    ...batchSlice(set, get, services, context),
    ...offlineSlice(set, get, services, context),
    ...batchAcceptSlice(set, get, services, context),
    ...selfCheckSlice(set, get, services, context),
    ...acceptUndoSlice(set, get, services, context),
    ...panelKeysSlice(set, get, services, context),
    ...olderReferencesSlice(set, get, services, context),
  }));
  return Object.assign(store, { services, catalog, dispose: () => stops.forEach((stop) => stop()) });
}
