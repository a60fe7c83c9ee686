export * from "./catalog";
export * from "./catalog-client";
export * from "./catalog-error";
export * from "./save-outbox";
export * from "./reference-limits";
export type { Database } from "./database.types";
export * from "./save-with-thumbnail";
