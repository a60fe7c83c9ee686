export * from "./report";
export * from "./run-self-check";
