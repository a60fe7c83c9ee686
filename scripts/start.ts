// npm start: builds the extension and opens it in a browser preview with the simulated Premiere.
import path from "node:path";
import { buildExtension } from "./build";
import { PremiereSimulator } from "../src/sim/premiere-simulator";
import { createSampleProject } from "../src/sim/sample-project";
import { startPreviewServer } from "../src/server/preview-server";

const root = path.resolve(import.meta.dirname, "..");
const extensionDir = path.join(root, "dist/cep");
const port = Number(process.env.PORT ?? 5173);

await buildExtension();
const simulator = new PremiereSimulator({ project: createSampleProject() }).loadBundle(path.join(extensionDir, "jsx/index.js"));
const server = await startPreviewServer({ extensionDir, simulator, port });
console.log(`Reference Lookup preview: ${server.url}/main/index.html  (simulated Premiere; Ctrl+C to stop)`);
