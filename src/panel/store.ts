// The panel's state. Every host call goes through the typed bridge; a failure becomes a
// visible message and the panel stays usable.
import { createStore, type StoreApi } from "zustand/vanilla";
import { IMPORT_EVENT, ImportWatcher, isHostError, type HostClient, type ProjectInfo, type ProjectItemRecord } from "../lib/bridge";
import { planGrab, type GrabPlan } from "../lib/frames/grab-plan";
import { CatalogClient } from "../lib/catalog";
import type { StudioConfig } from "../lib/studio-config";

export interface PanelError {
  title: string;
  detail: string;
  code?: string;
}

export type CatalogStatus =
  | { state: "unconfigured" }
  | { state: "connecting"; url: string }
  | { state: "connected"; url: string; modelVersion: string }
  | { state: "error"; url: string; error: PanelError };

export interface QueuedClip {
  clip: ProjectItemRecord;
  plan: GrabPlan;
}

export interface PanelState {
  host: HostClient;
  /** newly imported clips waiting for a suggestion */
  queue: QueuedClip[];
  importMode: "events" | "polling" | null;
  project: ProjectInfo | null;
  catalog: CatalogClient | null;
  catalogStatus: CatalogStatus;
  loading: boolean;
  error: PanelError | null;
  refreshProject(): Promise<void>;
  connectCatalog(config: StudioConfig | null): Promise<void>;
  /** started by the first successful refresh; returns a function that stops watching */
  watchImports(pollMs?: number): Promise<() => void>;
  dismissError(): void;
}

export type PanelStore = StoreApi<PanelState>;

export function toPanelError(action: string, e: unknown): PanelError {
  if (isHostError(e)) return { title: `${action} failed`, detail: e.describe(), code: e.code };
  return { title: `${action} failed`, detail: e instanceof Error ? e.message : String(e) };
}

export function createPanelStore(host: HostClient): PanelStore {
  return createStore<PanelState>()((set, get) => ({
    host,
    queue: [],
    importMode: null,
    project: null,
    catalog: null,
    catalogStatus: { state: "unconfigured" },
    loading: false,
    error: null,
    async refreshProject() {
      set({ loading: true });
      try {
        const project = await host.call("getProjectInfo");
        set({ project, error: null });
        if (!get().importMode) await get().watchImports();
      } catch (e) {
        set({ error: toPanelError("Reading the project", e) });
      } finally {
        set({ loading: false });
      }
    },
    async connectCatalog(config) {
      if (!config?.catalog) {
        set({ catalog: null, catalogStatus: { state: "unconfigured" } });
        return;
      }
      const { url, anonKey } = config.catalog;
      const catalog = new CatalogClient({ url, anonKey });
      set({ catalog, catalogStatus: { state: "connecting", url } });
      try {
        set({ catalogStatus: { state: "connected", url, modelVersion: await catalog.defaultModelVersion() } });
      } catch (e) {
        set({ catalogStatus: { state: "error", url, error: toPanelError("Connecting to the reference catalog", e) } });
      }
    },
    async watchImports(pollMs = 3000) {
      const watcher = new ImportWatcher(host, {
        pollMs,
        onNewClips: (clips) => set({ queue: [...get().queue, ...clips.map((clip) => ({ clip, plan: planGrab(clip) }))] }),
        onError: (e) => set({ error: toPanelError("Watching for new imports", e) }),
      });
      const stopEvents = host.transport.onHostEvent?.(IMPORT_EVENT, (data) => void watcher.handleEvent(data));
      try {
        set({ importMode: await watcher.start() });
      } catch (e) {
        set({ error: toPanelError("Watching for new imports", e) });
      }
      return () => {
        watcher.stop();
        stopEvents?.();
      };
    },
    dismissError: () => set({ error: null }),
  }));
}
