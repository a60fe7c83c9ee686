// The open project and the import watcher; the one error banner lives here too.
import type { ProjectInfo } from "../../shared/bridge/contract";
import { ImportWatcher } from "../imports/import-watcher";
import { toPanelError, type PanelError } from "./panel-error";
import type { Slice } from "./slice";

/** What the banner is about, so that it clears when that cause is gone. */
export type ErrorCause = "project" | "imports" | "config" | "write" | "storage";

export interface ProjectSlice {
  project: ProjectInfo | null;
  loading: boolean;
  importMode: "events" | "polling" | null;
  error: (PanelError & { cause: ErrorCause }) | null;
  refreshProject(): Promise<void>;
  /** started by the first successful refresh; returns a function that stops watching */
  watchImports(pollMs?: number): Promise<() => void>;
  showError(cause: ErrorCause, error: PanelError): void;
  clearError(cause: ErrorCause): void;
  dismissError(): void;
}

export const projectSlice: Slice<ProjectSlice> = (set, get, { host }) => ({
  project: null,
  loading: false,
  importMode: null,
  error: null,
  async refreshProject() {
    set({ loading: true });
    try {
      const project = await host.call("getProjectInfo");
      set({ project });
      get().clearError("project");
      // the stored queue first: nothing is scheduled or imported over it before it is back
      await Promise.all([
        get().restoreQueue(project.path),
        get().restoreBatchUndo(project.path),
        get().restoreAcceptUndo(project.path),
      ]);
      if (!get().importMode) await get().watchImports();
    } catch (e) {
      get().showError("project", toPanelError("Reading the project", e));
    } finally {
      set({ loading: false });
    }
  },
  async watchImports(pollMs = 3000) {
    const watcher = new ImportWatcher(host, {
      pollMs,
      onNewClips: (clips) => {
        get().clearError("imports");
        get().enqueue(clips);
      },
      onError: (e) => get().showError("imports", toPanelError("Watching for new imports", e)),
    });
    const stopEvents = watcher.listen();
    try {
      set({ importMode: await watcher.start() });
    } catch (e) {
      get().showError("imports", toPanelError("Watching for new imports", e));
    }
    return () => {
      watcher.stop();
      stopEvents();
    };
  },
  showError: (cause, error) => set({ error: { ...error, cause } }),
  clearError: (cause) => {
    if (get().error?.cause === cause) set({ error: null });
  },
  dismissError: () => set({ error: null }),
});
