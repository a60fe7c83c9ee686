// Starts database-worker.ts in a worker thread. A worker does not inherit tsx's loader from the
// process (nor from vitest), so it registers it itself before importing the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./database-worker.ts");
