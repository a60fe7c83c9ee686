// The reference catalog: connection, the calibration of the panel's model version, and the
// values editors already used (for autocomplete). An unreachable catalog is retried.
import type { KnownValues } from "../../lib/catalog";
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

export const catalogSlice: Slice<CatalogSlice> = (set, get, _services, { catalog: connection }) => {
  let lastConfig: StudioConfig | null = null;
  const scheduleRetry = () => connection.reconnectIn(RETRY_MS, () => void get().connectCatalog(lastConfig));
  return {
    catalogStatus: { state: "unconfigured" },
    calibrationStatus: { state: "idle" },
    knownValues: NO_VALUES,
    async connectCatalog(config) {
      connection.cancelReconnect();
      lastConfig = config;
      const catalog = connection.open(config?.catalog ?? null);
      if (!config?.catalog || !catalog) {
        set({ catalogStatus: { state: "unconfigured" } });
        return;
      }
      const { url } = config.catalog;
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
      const catalog = connection.current;
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
