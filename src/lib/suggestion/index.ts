export * from "./types";
export * from "./suggest";
export * from "./calibration";
export * from "./reliability";
export * from "./weights";
export * from "./newest-correction";
