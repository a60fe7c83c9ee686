// The reference catalog: connection, the calibration of the panel's model version, and the
// values editors already used (for autocomplete). An unreachable catalog is retried.
import { CatalogClient, type KnownValues } from "../../lib/catalog";
import { OfflineCatalog } from "../../lib/catalog/offline";
import type { StudioConfig } from "../../lib/studio-config";
import { calibrate, type Calibration } from "../../lib/suggestion";
import { toPanelError, type PanelError } from "./panel-error";
import type { Slice } from "./slice";

export type CatalogStatus =
  | { state: "unconfigured" }
  | { state: "connecting"; url: string }
  | { state: "connected"; url: string; defaultModelVersion: string }
  | { state: "error"; url: string; error: PanelError };

export type CalibrationStatus =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "ready"; calibration: Calibration }
  | { state: "error"; error: PanelError };

export interface CatalogSlice {
  catalogStatus: CatalogStatus;
  calibrationStatus: CalibrationStatus;
  knownValues: KnownValues;
  connectCatalog(config: StudioConfig | null): Promise<void>;
  /** once both the catalog and the model are ready: learn what similarities mean for this model */
  prepareCalibration(): Promise<void>;
  /** a request found the catalog unreachable: say so and reconnect in the background */
  catalogLost(e: unknown): void;
}

const RETRY_MS = 10_000;
const NO_VALUES: KnownValues = { location: [], subject: [], action: [], keywords: [] };

export const catalogSlice: Slice<CatalogSlice> = (set, get, services, onDispose) => {
  let retry: ReturnType<typeof setTimeout> | null = null;
  onDispose(() => retry && clearTimeout(retry));
  let lastConfig: StudioConfig | null = null;
  const scheduleRetry = () => {
    if (retry) clearTimeout(retry);
    retry = setTimeout(() => void get().connectCatalog(lastConfig), RETRY_MS);
  };
  return {
    catalogStatus: { state: "unconfigured" },
    calibrationStatus: { state: "idle" },
    knownValues: NO_VALUES,
    async connectCatalog(config) {
      if (retry) clearTimeout(retry);
      lastConfig = config;
      if (!config?.catalog) {
        services.catalog = null;
        set({ catalogStatus: { state: "unconfigured" } });
        return;
      }
      const { url, anonKey } = config.catalog;
      const copy = services.catalogCopy;
      const catalog =
        services.catalog ??
        (copy
          ? new OfflineCatalog({ url, anonKey, persistSession: true }, { copy })
          : new CatalogClient({ url, anonKey, persistSession: true }));
      if (catalog instanceof OfflineCatalog) catalog.offline.onSource = (source) => get().catalogSourceChanged(source);
      services.catalog = catalog;
      if (get().catalogStatus.state !== "error") set({ catalogStatus: { state: "connecting", url } });
      try {
        const defaultModelVersion = await catalog.defaultModelVersion();
        set({ catalogStatus: { state: "connected", url, defaultModelVersion } });
        void catalog.knownValues().then(
          (knownValues) => set({ knownValues }),
          () => undefined, // autocomplete is a convenience: the card works without it
        );
        void get().restoreAccount();
        await get().prepareCalibration();
        void get().processQueue();
        void get().retrySaves();
      } catch (e) {
        set({ catalogStatus: { state: "error", url, error: toPanelError("Connecting to the reference catalog", e) } });
        scheduleRetry();
      }
    },
    catalogLost(e) {
      const status = get().catalogStatus;
      if (status.state === "unconfigured") return;
      set({
        catalogStatus: { state: "error", url: status.url, error: toPanelError("Reaching the reference catalog", e) },
      });
      scheduleRetry();
    },
    async prepareCalibration() {
      const { catalogStatus, modelStatus, calibrationStatus } = get();
      const catalog = services.catalog;
      if (!catalog || catalogStatus.state !== "connected" || modelStatus.state !== "ready") return;
      void get().syncCopy(); // the copy follows the model version the panel runs
      if (calibrationStatus.state === "loading") return;
      if (
        calibrationStatus.state === "ready" &&
        calibrationStatus.calibration.modelVersion === modelStatus.modelVersion
      )
        return;
      set({ calibrationStatus: { state: "loading" } });
      try {
        const sample = await catalog.referenceSample(modelStatus.modelVersion);
        set({ calibrationStatus: { state: "ready", calibration: calibrate(modelStatus.modelVersion, sample) } });
        void get().processQueue();
      } catch (e) {
        set({ calibrationStatus: { state: "error", error: toPanelError("Reading the catalog's references", e) } });
      }
    },
  };
};
