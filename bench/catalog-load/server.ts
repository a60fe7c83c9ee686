// The server side of bench:catalog-load, in a process of its own as `npm start` runs it: a
// file-backed catalog loaded with n clustered references (bench/catalog/main.ts's setup), served by
// startCatalogServer beside a preview server with one static file. Prints one JSON line with the
// URLs when ready, and stops when its parent closes stdin.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openCatalogDatabase } from "../../src/server/catalog/database";
import { seedShots, seedUsers } from "../../src/server/catalog/seed";
import { startCatalogServer } from "../../src/server/catalog/server";
import { startPreviewServer } from "../../src/server/preview-server";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { clusteredSet } from "../../src/testing/clustered-embeddings";
import { loadClusteredCatalog } from "../lib/load-clustered-catalog";

const MODEL = "Xenova/clip-vit-base-patch32@q8"; // the default model, as bench/catalog/main.ts loads

const n = Number(process.env.BENCH_REFERENCES ?? 10_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-load-"));
const dataDir = path.join(work, "catalog-db");
const log = (msg: string) => console.error(`[server] ${msg}`);

// Load as bench/catalog/main.ts does, then close: the server opens the data dir as `npm start` does.
const loader = await openCatalogDatabase({ dataDir });
await seedUsers(loader);
const shotIds = [...(await seedShots(loader)).values()];
await loadClusteredCatalog(loader, clusteredSet(n, Math.max(10, Math.round(n / 100)), 0.6), shotIds, MODEL, log);
await loader.close();

const catalog = await startCatalogServer({ dataDir, localPassword: "bench" });
const staticDir = path.join(work, "library");
fs.mkdirSync(staticDir);
fs.writeFileSync(path.join(staticDir, "thumbnail.jpg"), Buffer.alloc(48 * 1024, 7)); // a thumbnail's size
const extensionDir = path.join(work, "cep");
fs.mkdirSync(path.join(extensionDir, "main"), { recursive: true });
const preview = await startPreviewServer({
  extensionDir,
  simulator: new PremiereSimulator({ project: createSampleProject(undefined) }),
  staticDirs: { "/library/": staticDir },
});
console.log(
  JSON.stringify({
    catalogUrl: catalog.url,
    anonKey: catalog.anonKey,
    staticUrl: `${preview.url}/library/thumbnail.jpg`,
  }),
);

process.stdin.resume();
process.stdin.on("end", async () => {
  await preview.close();
  await catalog.close();
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
});
