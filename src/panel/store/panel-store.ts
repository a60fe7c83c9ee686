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
import type { PanelServices } from "./services";

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
  BatchAcceptSlice;
export type PanelStore = StoreApi<PanelState> & {
  services: PanelServices;
  /** stops the store's timers (catalog reconnects, offline probes and syncs, save retries): a panel
   * closed, or a test done, leaves nothing running */
  dispose(): void;
};

export function createPanelStore(services: PanelServices): PanelStore {
  const stops: Array<() => void> = [];
  const onDispose = (stop: () => void) => void stops.push(stop);
  const store = createStore<PanelState>()((set, get) => ({
    ...projectSlice(set, get, services, onDispose),
    ...catalogSlice(set, get, services, onDispose),
    ...modelSlice(set, get, services, onDispose),
    ...queueSlice(set, get, services, onDispose),
    ...reviewSlice(set, get, services, onDispose),
    ...searchSlice(set, get, services, onDispose),
    ...authSlice(set, get, services, onDispose),
    ...saveSlice(set, get, services, onDispose),
    ...timelineSlice(set, get, services, onDispose),
    ...settingsSlice(set, get, services, onDispose),
    ...batchSlice(set, get, services, onDispose),
    ...offlineSlice(set, get, services, onDispose),
    ...batchAcceptSlice(set, get, services, onDispose),
  }));
  return Object.assign(store, { services, dispose: () => stops.forEach((stop) => stop()) });
}
