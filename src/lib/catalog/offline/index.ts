export * from "./catalog-copy";
export * from "./copy-database";
export * from "./copy-matcher";
export * from "./offline-catalog";
export * from "./reference-matrix";
export * from "./sync-copy";
