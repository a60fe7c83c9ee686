// Global setup of the browser project: its tests load the built panel, worker and native thread.
import { ensureBuilt } from "./build-once";

export default () => ensureBuilt("full");
