// The panel's state. Every host call goes through the typed bridge; a failure becomes a
// visible message and the panel stays usable.
import { createStore, type StoreApi } from "zustand/vanilla";
import { isHostError, type HostClient, type ProjectInfo } from "../lib/bridge";

export interface PanelError {
  title: string;
  detail: string;
  code?: string;
}

export interface PanelState {
  host: HostClient;
  project: ProjectInfo | null;
  loading: boolean;
  error: PanelError | null;
  refreshProject(): Promise<void>;
  dismissError(): void;
}

export type PanelStore = StoreApi<PanelState>;

export function toPanelError(action: string, e: unknown): PanelError {
  if (isHostError(e)) return { title: `${action} failed`, detail: e.describe(), code: e.code };
  return { title: `${action} failed`, detail: e instanceof Error ? e.message : String(e) };
}

export function createPanelStore(host: HostClient): PanelStore {
  return createStore<PanelState>()((set) => ({
    host,
    project: null,
    loading: false,
    error: null,
    async refreshProject() {
      set({ loading: true });
      try {
        const project = await host.call("getProjectInfo");
        set({ project, error: null });
      } catch (e) {
        set({ error: toPanelError("Reading the project", e) });
      } finally {
        set({ loading: false });
      }
    },
    dismissError: () => set({ error: null }),
  }));
}
