// npm start: builds the extension and opens it in a browser preview with the simulated Premiere
// and the embedded local reference catalog (file-backed in .cache/catalog-db).
import path from "node:path";
import { buildExtension } from "./build";
import { PremiereSimulator } from "../src/sim/premiere-simulator";
import { createSampleProject } from "../src/sim/sample-project";
import { startPreviewServer } from "../src/server/preview-server";
import { startCatalogServer } from "../src/server/catalog/server";

const root = path.resolve(import.meta.dirname, "..");
const extensionDir = path.join(root, "dist/cep");
const port = Number(process.env.PORT ?? 5173);

await buildExtension();
const catalog = await startCatalogServer({
  dataDir: path.join(root, ".cache/catalog-db"),
  port: Number(process.env.CATALOG_PORT ?? 54321),
});
const simulator = new PremiereSimulator({ project: createSampleProject() }).loadBundle(path.join(extensionDir, "jsx/index.js"));
const server = await startPreviewServer({
  extensionDir,
  simulator,
  port,
  studioConfig: { catalog: { url: catalog.url, anonKey: catalog.anonKey } },
});
console.log(`Reference catalog:  ${catalog.url}  (local users: editor@eav.local / local-dev)`);
console.log(`Reference Lookup:   ${server.url}/main/index.html  (simulated Premiere; Ctrl+C to stop)`);
