// npm run cli -- import <folder…> [--corrected-only] [--model <dir>] [--url <catalog>] [--anon-key <key>]
// The usage text (src/cli/usage.ts) is printed by --help. Imports IA libraries as references.
import path from "node:path";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { bulkImport, type ImportCounts } from "../src/cli/bulk-import";
import { IMPORT_USAGE, USAGE } from "../src/cli/usage";
import { CatalogClient } from "../src/lib/catalog";
import { ClipModel } from "../src/lib/embedding/clip-model";
import { DEFAULT_MODEL_ID } from "../src/lib/embedding/model-source";

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h", default: false },
        "corrected-only": { type: "boolean", default: false },
        model: { type: "string" },
        url: { type: "string", default: process.env.CATALOG_URL ?? "http://127.0.0.1:54321" },
        "anon-key": { type: "string", default: process.env.CATALOG_ANON_KEY },
        outbox: { type: "string", default: path.resolve(".cache/import-outbox.json") },
      },
    });
  } catch (e) {
    console.error(`cli: ${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = parse();
const [command, ...folders] = positionals;
if (values.help) {
  console.log(command === "import" ? IMPORT_USAGE : USAGE);
  process.exit(0);
}
if (command !== "import" || folders.length === 0) {
  console.error(command === "import" ? IMPORT_USAGE : USAGE);
  process.exit(2);
}
const key = process.env.CATALOG_SERVICE_KEY ?? values["anon-key"];
if (!key) {
  console.error("cli: give the catalog's anon key (--anon-key or CATALOG_ANON_KEY) or CATALOG_SERVICE_KEY");
  process.exit(2);
}
try {
  let catalog = new CatalogClient({ url: values.url!, anonKey: key, realtime: { transport: WebSocket as never } });
  if (!process.env.CATALOG_SERVICE_KEY) {
    if (!process.env.CATALOG_EMAIL || !process.env.CATALOG_PASSWORD)
      throw new Error("set CATALOG_EMAIL and CATALOG_PASSWORD (a staff account) or CATALOG_SERVICE_KEY");
    catalog = await catalog.signIn(process.env.CATALOG_EMAIL, process.env.CATALOG_PASSWORD);
  }
  const model = await ClipModel.load({
    source: values.model
      ? { kind: "folder", path: path.resolve(values.model) }
      : { kind: "hub", modelId: DEFAULT_MODEL_ID },
    onProgress: (p) => p.status === "done" && console.log(`model file ready: ${p.file}`),
  });
  const report = await bulkImport(
    folders.map((f) => path.resolve(f)),
    { model, catalog, outboxFile: values.outbox!, correctedOnly: values["corrected-only"], log: console.log },
  );
  const counts = (c: ImportCounts) =>
    `${c.saved} saved, ${c.pendingReview} saved for review (IA's values), ` +
    `${c.alreadyInCatalog} already in the catalog, ${c.keptForRetry} kept for retry, ` +
    `${c.skipped} skipped, ${c.failed.length} failed`;
  for (const f of report.folders)
    console.log(f.problem ? `folder ${f.folder}: not read: ${f.problem}` : `folder ${f.folder}: ${counts(f)}`);
  console.log(
    `imported with ${model.modelVersion}: ${counts(report)}, ${report.failedFolders.length} folder(s) not read`,
  );
  for (const f of report.failed) console.log(`  ${f.file}: ${f.problem}`);
  process.exit(report.failed.length || report.failedFolders.length ? 1 : 0);
} catch (e) {
  console.error(`cli: ${(e as Error).message}`);
  process.exit(1);
}
