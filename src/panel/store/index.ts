export * from "./panel-store";
export * from "./panel-error";
export * from "./services";
export type { QueuedClip, ClipStatus } from "./queue-slice";
export type { CatalogStatus, CalibrationStatus } from "./catalog-slice";
export type { ModelStatus } from "./model-slice";
export type { Draft } from "./review-slice";
export type { TextSearch } from "./search-slice";
export type { SaveState } from "./save-slice";
