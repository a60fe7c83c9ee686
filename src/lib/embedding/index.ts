export * from "./clip-model";
export * from "./embedding-error";
export * from "./model-source";
export * from "./pixels";
export * from "./pooling";
