// Global setup of the host project: the simulator runs the built ExtendScript bundle.
import { ensureBuilt } from "./build-once";

export default () => ensureBuilt("jsx");
