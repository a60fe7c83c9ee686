// `npm run cli -- import <folder…>`: IA libraries into the catalog as references (bulk-import.ts).
import path from "node:path";
import WebSocket from "ws";
import { CatalogClient } from "../../lib/catalog";
import { ClipModel } from "../../lib/embedding/clip-model";
import { DEFAULT_MODEL_ID } from "../../lib/embedding/model-source";
import { bulkImport, type ImportCounts } from "../bulk-import";
import type { Command } from "../command-line";
import { IMPORT_USAGE } from "../usage";

export const importCommand: Command = {
  name: "cli",
  usage: IMPORT_USAGE,
  positionals: true,
  options: {
    "corrected-only": { type: "boolean", default: false },
    model: { type: "string" },
    url: { type: "string", default: process.env.CATALOG_URL ?? "http://127.0.0.1:54321" },
    "anon-key": { type: "string", default: process.env.CATALOG_ANON_KEY },
    outbox: { type: "string", default: path.resolve(".cache/import-outbox.json") },
  },
  async run(values, folders) {
    if (folders.length === 0) {
      console.error(IMPORT_USAGE);
      return 2;
    }
    const key = process.env.CATALOG_SERVICE_KEY ?? (values["anon-key"] as string | undefined);
    if (!key) {
      console.error("cli: give the catalog's anon key (--anon-key or CATALOG_ANON_KEY) or CATALOG_SERVICE_KEY");
      return 2;
    }
    try {
      let catalog = new CatalogClient({
        url: values.url as string,
        anonKey: key,
        realtime: { transport: WebSocket as never },
      });
      if (!process.env.CATALOG_SERVICE_KEY) {
        if (!process.env.CATALOG_EMAIL || !process.env.CATALOG_PASSWORD)
          throw new Error("set CATALOG_EMAIL and CATALOG_PASSWORD (a staff account) or CATALOG_SERVICE_KEY");
        catalog = await catalog.signIn(process.env.CATALOG_EMAIL, process.env.CATALOG_PASSWORD);
      }
      const modelDir = values.model as string | undefined;
      const model = await ClipModel.load({
        source: modelDir
          ? { kind: "folder", path: path.resolve(modelDir) }
          : { kind: "hub", modelId: DEFAULT_MODEL_ID },
        onProgress: (p) => p.status === "done" && console.log(`model file ready: ${p.file}`),
      });
      const report = await bulkImport(
        folders.map((f) => path.resolve(f)),
        {
          model,
          catalog,
          outboxFile: values.outbox as string,
          correctedOnly: values["corrected-only"] as boolean,
          log: console.log,
        },
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
      return report.failed.length || report.failedFolders.length ? 1 : 0;
    } catch (e) {
      console.error(`cli: ${(e as Error).message}`);
      return 1;
    }
  },
};
