export * from "../../shared/bridge/contract";
export * from "../../shared/bridge/errors";
export * from "./host-error";
export * from "./client";
export * from "./transport";
export * from "./key-codes";
export * from "./simulated-key-events";
