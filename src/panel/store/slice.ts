import type { StoreApi } from "zustand/vanilla";
import type { PanelState } from "./panel-store";
import type { PanelServices } from "./services";

/** One slice of the panel store: its state and actions, given the whole store and the services.
 * `onDispose` registers what PanelStore.dispose() stops (a slice's timers). */
export type Slice<T> = (
  set: StoreApi<PanelState>["setState"],
  get: StoreApi<PanelState>["getState"],
  services: PanelServices,
  onDispose: (stop: () => void) => void,
) => T;
