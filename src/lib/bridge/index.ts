export * from "./contract";
export * from "./errors";
export * from "./host-error";
export * from "./client";
export * from "./transport";
export * from "./import-watcher";
