// The native thread reads model files with fs, so every source becomes a folder on disk:
// an admin's folder as given, the bundled model beside the extension, and a hub model
// downloaded once (with the browser's fetch, which honours the OS proxy) into the user's
// application data.
import type { LoadProgress } from "../../../lib/embedding/clip-model";
import { EmbeddingError } from "../../../lib/embedding/embedding-error";
import { requiredModelFiles, type ModelOptions } from "../../../lib/embedding/model-source";
import type { ModelFolder } from "./native-embedder";
import type { PageNode } from "./page-node";

type Fs = {
  existsSync(p: string): boolean;
  mkdirSync(p: string, o: { recursive: true }): void;
  writeFileSync(p: string, data: Uint8Array): void;
  renameSync(a: string, b: string): void;
};
type Path = { join(...p: string[]): string; dirname(p: string): string };
type Os = { homedir(): string };

export const HUB_URL = "https://huggingface.co";

export function modelFolderOnDisk(node: PageNode, pageUrl: string, hubUrl = HUB_URL): ModelFolder {
  const { fileURLToPath } = node.require("url") as { fileURLToPath(u: string): string };
  return async (options, onProgress) => {
    const { source } = options;
    if (source.kind === "hub") return downloadHubModel(node, source.modelId, options, hubUrl, onProgress);
    if (/^file:/i.test(source.path)) return fileURLToPath(source.path);
    if (/^[a-z][a-z0-9+.-]*:/i.test(source.path) && !/^[a-z]:[\\/]/i.test(source.path))
      throw new EmbeddingError(
        "BACKEND_UNAVAILABLE",
        `the native path reads model folders on disk, not ${source.path}`,
      );
    // "../model" (bundled) is relative to the page; OS paths are absolute
    const absolute = /^([\\/]|[a-z]:[\\/])/i.test(source.path);
    return absolute ? source.path : fileURLToPath(new URL(source.path, pageUrl).toString());
  };
}

/** Where hub models are kept: the OS's per-user application data. */
export function modelCacheDir(node: PageNode): string {
  const path = node.require("path") as Path;
  const home = (node.require("os") as Os).homedir();
  const env = (node.process as { env?: Record<string, string | undefined> }).env ?? {};
  const base =
    node.process.platform === "win32"
      ? (env.APPDATA ?? path.join(home, "AppData/Roaming"))
      : node.process.platform === "darwin"
        ? path.join(home, "Library/Application Support")
        : (env.XDG_CACHE_HOME ?? path.join(home, ".cache"));
  return path.join(base, "ReferenceLookup/models");
}

async function downloadHubModel(
  node: PageNode,
  modelId: string,
  options: ModelOptions,
  hubUrl: string,
  onProgress?: (p: LoadProgress) => void,
): Promise<string> {
  const fs = node.require("fs") as Fs;
  const path = node.require("path") as Path;
  const dir = path.join(modelCacheDir(node), ...modelId.split("/"));
  for (const file of requiredModelFiles(options.quantized ?? true)) {
    const target = path.join(dir, file);
    if (fs.existsSync(target)) continue;
    const url = `${hubUrl}/${modelId}/resolve/main/${file}`;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (e) {
      throw new EmbeddingError("MODEL_UNAVAILABLE", `Could not download ${url}: ${(e as Error).message}`);
    }
    if (!response.ok)
      throw new EmbeddingError("MODEL_UNAVAILABLE", `Could not download ${url}: HTTP ${response.status}`);
    const data = await readWithProgress(response, file, onProgress);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // written whole, then renamed: an interrupted download never looks complete
    fs.writeFileSync(`${target}.part`, data);
    fs.renameSync(`${target}.part`, target);
  }
  return dir;
}

async function readWithProgress(
  response: Response,
  file: string,
  onProgress?: (p: LoadProgress) => void,
): Promise<Uint8Array> {
  const total = Number(response.headers.get("Content-Length")) || undefined;
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress({ file, status: "progress", loaded, total, progress: total ? (100 * loaded) / total : undefined });
  }
  onProgress({ file, status: "done", loaded, total: total ?? loaded });
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}
