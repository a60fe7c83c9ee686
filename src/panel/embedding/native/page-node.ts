// CEP's Node as the panel page sees it (--enable-nodejs --mixed-context): `require` and
// `process` on the page's global (or on cep_node). The page bundle must not import Node
// modules, so everything Node goes through this handle, and tests pass Node's own.

export interface PageNode {
  require: (id: string) => unknown;
  process: { platform: string; arch: string; versions: { node?: string } };
}

type NodeGlobals = { require?: unknown; process?: PageNode["process"]; cep_node?: Partial<NodeGlobals> };

export function findPageNode(scope: object = globalThis): PageNode | null {
  const g = scope as NodeGlobals;
  const req = g.cep_node?.require ?? g.require;
  const proc = g.cep_node?.process ?? g.process;
  if (typeof req !== "function" || !proc?.versions?.node) return null;
  return { require: req as PageNode["require"], process: proc };
}

/** Where the native files sit in the extension, beside the page's folder (main/). */
export interface NativeFiles {
  threadScript: string;
  binding: string;
}

type PathModule = { join(...p: string[]): string; dirname(p: string): string };
type UrlModule = { fileURLToPath(u: string): string };
type FsModule = { existsSync(p: string): boolean };

export function nativeFiles(node: PageNode, pageUrl: string): NativeFiles {
  const path = node.require("path") as PathModule;
  const { fileURLToPath } = node.require("url") as UrlModule;
  const threadScript = fileURLToPath(new URL("../native/encoder-thread.cjs", pageUrl).toString());
  const { platform, arch } = node.process;
  const binding = path.join(
    path.dirname(threadScript),
    "node_modules/onnxruntime-node/bin/napi-v3",
    platform,
    arch,
    "onnxruntime_binding.node",
  );
  return { threadScript, binding };
}

/** Why the native path cannot even be tried here, or null when it can. */
export function nativeProblem(node: PageNode | null, pageUrl: string): string | null {
  if (!node) return "no Node.js in this page (a browser, or CEP without --enable-nodejs)";
  if (!pageUrl.startsWith("file:")) return `the panel is not loaded from disk (${new URL(pageUrl).protocol})`;
  const fs = node.require("fs") as FsModule;
  const files = nativeFiles(node, pageUrl);
  if (!fs.existsSync(files.threadScript)) return "the extension has no native/encoder-thread.cjs";
  const { platform, arch } = node.process;
  if (!fs.existsSync(files.binding)) return `the extension has no onnxruntime-node binary for ${platform}-${arch}`;
  try {
    node.require("worker_threads");
  } catch {
    return `Node ${node.process.versions.node} here has no worker_threads`;
  }
  return null;
}
