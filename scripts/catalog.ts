// npm run catalog: the embedded reference catalog (PGlite + pgvector) with the migrations and
// sample shots, served as a local Supabase subset on http://127.0.0.1:54321.
import path from "node:path";
import { DataDirBusyError } from "../src/server/catalog/data-dir-lock";
import { localUsersFile } from "../src/server/catalog/local-users";
import { startCatalogServer } from "../src/server/catalog/server";

const dataDir = path.resolve(process.env.CATALOG_DATA_DIR ?? path.join(import.meta.dirname, "../.cache/catalog-db"));
const catalog = await startCatalogServer({ dataDir, port: Number(process.env.CATALOG_PORT ?? 54321) }).catch((e) => {
  if (!(e instanceof DataDirBusyError)) throw e;
  console.error(e.message); // another process holds the data dir: say which, no stack
  process.exit(1);
});
console.log(`Reference catalog: ${catalog.url}  (data: ${dataDir})`);
console.log(`anon key:    ${catalog.anonKey}`);
console.log(`local users (passwords generated once, kept in ${localUsersFile(dataDir)}):`);
for (const u of catalog.localUsers) console.log(`  ${u.email.padEnd(18)} ${u.password}  (${u.role})`);
