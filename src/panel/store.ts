// The panel's state. Every host call goes through the typed bridge; a failure becomes a
// visible message and the panel stays usable.
import { createStore, type StoreApi } from "zustand/vanilla";
import { isHostError, type HostClient, type ProjectInfo, type ProjectItemRecord } from "../lib/bridge";
import { ImportWatcher } from "./imports/import-watcher";
import { planGrab, type GrabMethod, type GrabPlan } from "../lib/frames/grab-plan";
import { grabFrames } from "./frames/grab-frames";
import type { MediaAccess } from "./frames/media-access";
import { CatalogClient, type ReferenceMatch } from "../lib/catalog";
import type { StudioConfig } from "../lib/studio-config";
import { modelSourceFrom, progressTracker } from "./model-loading";
import type { EmbeddingClient } from "./embedding/embedding-client";

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

export type ModelStatus =
  | { state: "idle" }
  | { state: "loading"; percent: number; source: string }
  | { state: "ready"; modelVersion: string; threads: number }
  | { state: "error"; error: PanelError };

export interface QueuedClip {
  clip: ProjectItemRecord;
  plan: GrabPlan;
  status: "waiting" | "grabbing" | "embedding" | "embedded" | "failed";
  method?: GrabMethod;
  detail?: string;
  embedding?: { modelVersion: string; clip: Float32Array; frames: Float32Array[] };
}

export interface TextSearch {
  query: string;
  state: "idle" | "searching" | "done" | "error";
  results: ReferenceMatch[];
  error?: PanelError;
}

export interface PanelState {
  host: HostClient;
  search: TextSearch;
  /** newly imported clips waiting for a suggestion */
  queue: QueuedClip[];
  importMode: "events" | "polling" | null;
  project: ProjectInfo | null;
  catalog: CatalogClient | null;
  catalogStatus: CatalogStatus;
  embedding: EmbeddingClient | null;
  modelStatus: ModelStatus;
  loading: boolean;
  error: PanelError | null;
  refreshProject(): Promise<void>;
  connectCatalog(config: StudioConfig | null): Promise<void>;
  loadModel(config: StudioConfig | null, embedding: EmbeddingClient): Promise<void>;
  /** started by the first successful refresh; returns a function that stops watching */
  watchImports(pollMs?: number): Promise<() => void>;
  /** grabs and embeds waiting clips one at a time, once the model is ready */
  processQueue(): Promise<void>;
  /** references whose images match a text query, through CLIP's shared image–text space */
  searchByText(query: string): Promise<void>;
  dismissError(): void;
}

export type PanelStore = StoreApi<PanelState>;

export function toPanelError(action: string, e: unknown): PanelError {
  if (isHostError(e)) return { title: `${action} failed`, detail: e.describe(), code: e.code };
  return { title: `${action} failed`, detail: e instanceof Error ? e.message : String(e) };
}

export interface StoreDeps {
  media?: MediaAccess;
}

export function createPanelStore(host: HostClient, deps: StoreDeps = {}): PanelStore {
  let processing = false;
  const update = (nodeId: string, patch: Partial<QueuedClip>) =>
    store.setState({ queue: store.getState().queue.map((q) => (q.clip.nodeId === nodeId ? { ...q, ...patch } : q)) });
  const store = createStore<PanelState>()((set, get) => ({
    host,
    queue: [],
    search: { query: "", state: "idle", results: [] },
    importMode: null,
    project: null,
    catalog: null,
    catalogStatus: { state: "unconfigured" },
    embedding: null,
    modelStatus: { state: "idle" },
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
    async loadModel(config, embedding) {
      const source = modelSourceFrom(config);
      const label = source.kind === "hub" ? source.modelId : source.path;
      const track = progressTracker();
      set({ embedding, modelStatus: { state: "loading", percent: 0, source: label } });
      try {
        const info = await embedding.load({ source, quantized: true }, (p) =>
          set({ modelStatus: { state: "loading", percent: track(p), source: label } }),
        );
        set({ modelStatus: { state: "ready", modelVersion: info.modelVersion, threads: info.threads } });
        void get().processQueue();
      } catch (e) {
        set({ modelStatus: { state: "error", error: toPanelError("Loading the CLIP model", e) } });
      }
    },
    async watchImports(pollMs = 3000) {
      const watcher = new ImportWatcher(host, {
        pollMs,
        onNewClips: (clips) => {
          set({ queue: [...get().queue, ...clips.map((clip): QueuedClip => queued(clip))] });
          void get().processQueue();
        },
        onError: (e) => set({ error: toPanelError("Watching for new imports", e) }),
      });
      const stopEvents = watcher.listen();
      try {
        set({ importMode: await watcher.start() });
      } catch (e) {
        set({ error: toPanelError("Watching for new imports", e) });
      }
      return () => {
        watcher.stop();
        stopEvents();
      };
    },
    async processQueue() {
      if (processing || !deps.media) return;
      processing = true;
      try {
        for (;;) {
          const { embedding, modelStatus } = get();
          const next = get().queue.find((q) => q.status === "waiting");
          if (!next || !embedding || modelStatus.state !== "ready") return;
          const id = next.clip.nodeId;
          update(id, { status: "grabbing" });
          try {
            const grabbed = await grabFrames(next.clip, { host, media: deps.media });
            update(id, { status: "embedding", method: grabbed.method });
            const result = await embedding.embedClip(grabbed.frames, grabbed.labels);
            update(id, {
              status: "embedded",
              detail: `${grabbed.frames.length} frame${grabbed.frames.length > 1 ? "s" : ""} embedded`,
              embedding: { modelVersion: result.modelVersion, clip: result.clip, frames: result.frames },
            });
          } catch (e) {
            update(id, { status: "failed", detail: e instanceof Error ? e.message : String(e) });
          }
        }
      } finally {
        processing = false;
      }
    },
    async searchByText(query) {
      const { embedding, catalog, modelStatus } = get();
      const trimmed = query.trim();
      if (!trimmed) return set({ search: { query, state: "idle", results: [] } });
      if (!embedding || modelStatus.state !== "ready" || !catalog) {
        const detail = !catalog ? "The reference catalog is not configured." : "The CLIP model is not loaded yet.";
        return set({ search: { query, state: "error", results: [], error: { title: "Search unavailable", detail } } });
      }
      set({ search: { query, state: "searching", results: [] } });
      try {
        const [vector] = await embedding.embedTexts([trimmed]);
        const results = await catalog.match(vector, { k: 10, modelVersion: modelStatus.modelVersion });
        if (get().search.query === query) set({ search: { query, state: "done", results } });
      } catch (e) {
        set({ search: { query, state: "error", results: [], error: toPanelError("Searching the catalog", e) } });
      }
    },
    dismissError: () => set({ error: null }),
  }));
  return store;
}

/** A new clip: waiting for frames, or failed at once when it cannot be grabbed (offline, …). */
function queued(clip: ProjectItemRecord): QueuedClip {
  const plan = planGrab(clip);
  return plan.blocked ? { clip, plan, status: "failed", detail: plan.blocked } : { clip, plan, status: "waiting" };
}
