export * from "./rpc";
export * from "./web-worker-port";
