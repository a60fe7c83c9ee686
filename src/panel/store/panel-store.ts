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
  BatchAcceptSlice &
  SelfCheckSlice;
export type PanelStore = StoreApi<PanelState> & { services: PanelServices };

export function createPanelStore(services: PanelServices): PanelStore {
  const store = createStore<PanelState>()((set, get) => ({
    ...projectSlice(set, get, services),
    ...catalogSlice(set, get, services),
    ...modelSlice(set, get, services),
    ...queueSlice(set, get, services),
    ...reviewSlice(set, get, services),
    ...searchSlice(set, get, services),
    ...authSlice(set, get, services),
    ...saveSlice(set, get, services),
    ...timelineSlice(set, get, services),
    ...settingsSlice(set, get, services),
    ...batchSlice(set, get, services),
    ...offlineSlice(set, get, services),
    ...batchAcceptSlice(set, get, services),
    ...selfCheckSlice(set, get, services),
  }));
  return Object.assign(store, { services });
}
