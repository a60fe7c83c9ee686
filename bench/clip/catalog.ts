// The local catalog for bench:clip in its own process, as Supabase is in production: the
// bench's event loop (the panel page's stand-in) must not run PGlite's queries. Loaded with
// clustered references under the bench model's version; answers the parent over IPC with its
// URL and key once it listens. argv: <references> <model version> <allowed origin>…
import { openCatalogDatabase } from "../../src/server/catalog/database";
import { seedShots, seedUsers } from "../../src/server/catalog/seed";
import { startCatalogServer } from "../../src/server/catalog/server";
import { clusteredSet } from "../../src/testing/clustered-embeddings";
import { loadClusteredCatalog } from "../lib/load-clustered-catalog";

export interface CatalogReady {
  url: string;
  anonKey: string;
  loadSeconds: number;
  indexSeconds: number;
}

const [references, modelVersion, ...origins] = process.argv.slice(2);
const n = Number(references);
const db = await openCatalogDatabase();
await seedUsers(db);
const shotIds = [...(await seedShots(db)).values()];
// the bench model's version, registered as an admin registers a model
await db.query(
  "insert into media_references.embedding_models (model_version, dimensions, description) values ($1, 512, $2)",
  [modelVersion, "random-weight CLIP ViT-B/32 for benchmarks (not a real model)"],
);
const set = clusteredSet(n, Math.max(10, Math.round(n / 100)), 0.6);
const loaded = await loadClusteredCatalog(db, set, shotIds, modelVersion, (m) => console.log(`[catalog] ${m}`));
const catalog = await startCatalogServer({ db, allowedOrigins: origins });
const ready: CatalogReady = { url: catalog.url, anonKey: catalog.anonKey, ...loaded };
process.send!(ready);
process.on("disconnect", () => void catalog.close().then(() => process.exit(0)));
