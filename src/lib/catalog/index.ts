export * from "./catalog-client";
export * from "./catalog-error";
export * from "./save-outbox";
