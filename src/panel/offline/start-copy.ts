// The panel's offline copy: IndexedDB through idb, matched in its own worker (docs/adr/0018).
import { CatalogCopy, openCopyDatabase } from "../../lib/catalog/offline";
import workerPath from "./copy-matcher.worker.ts?worker&url";
import { WorkerMatcher } from "./worker-matcher";

/** As the embedder's worker: assets/ beside the bundle, resolved against main/index.html. */
export function copyWorkerUrl(pageUrl: string): URL {
  return new URL(`../${workerPath.slice(workerPath.lastIndexOf("assets/"))}`, pageUrl);
}

export async function startCatalogCopy(pageUrl = document.baseURI): Promise<CatalogCopy> {
  const worker = new Worker(copyWorkerUrl(pageUrl));
  return new CatalogCopy(await openCopyDatabase(), new WorkerMatcher(worker));
}
