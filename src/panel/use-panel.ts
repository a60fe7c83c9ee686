// Components read the store through selectors, so a progress tick re-renders only what shows it.
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { PanelState, PanelStore } from "./store";

export const PanelStoreContext = createContext<PanelStore | null>(null);

export function usePanelStore(): PanelStore {
  const store = useContext(PanelStoreContext);
  if (!store) throw new Error("usePanel outside <PanelStoreContext.Provider>");
  return store;
}

/** A selected slice of state; objects and arrays are compared shallowly. */
export function usePanel<T>(selector: (s: PanelState) => T): T {
  return useStore(usePanelStore(), useShallow(selector));
}
