import type { StoreApi } from "zustand/vanilla";
import type { CatalogConnection } from "./catalog-connection";
import type { PanelState } from "./panel-store";
import type { PanelServices } from "./services";

/** What the store gives every slice beside the services: the one catalog connection, and
 * `onDispose`, which registers what PanelStore.dispose() stops (a slice's timers). */
export interface SliceContext {
  catalog: CatalogConnection;
  onDispose(stop: () => void): void;
}

/** One slice of the panel store: its state and actions, given the whole store and the services. */
export type Slice<T> = (
  set: StoreApi<PanelState>["setState"],
  get: StoreApi<PanelState>["getState"],
  services: PanelServices,
  context: SliceContext,
) => T;
