// How the panel reads media files and points <video> at them: through Node's fs and file:// URLs
// inside Premiere (CEP runs the page with --enable-nodejs --mixed-context), through the UXP
// plugin in its webview (docs/adr/0033), or through the preview server's /__media endpoint in a
// plain browser.
import type { EvalTransport } from "../../lib/bridge/transport";

export interface MediaAccess {
  readFile(path: string): Promise<Blob>;
  /** a URL a <video> element can stream (with range requests) */
  videoUrl(path: string): string;
}

const MIME: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
  webp: "image/webp",
};
const mimeOf = (path: string) => MIME[path.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";

type NodeRequire = (id: string) => unknown;

export function cepMediaAccess(nodeRequire: NodeRequire): MediaAccess {
  const fs = nodeRequire("fs") as { promises: { readFile(p: string): Promise<Uint8Array> } };
  const url = nodeRequire("url") as { pathToFileURL(p: string): URL };
  return {
    async readFile(path) {
      return new Blob([(await fs.promises.readFile(path)) as BlobPart], { type: mimeOf(path) });
    },
    // pathToFileURL percent-encodes spaces, '#', '?' and non-Latin names, and handles C:\ paths
    videoUrl: (path) => url.pathToFileURL(path).toString(),
  };
}

export function previewMediaAccess(base: string): MediaAccess {
  const endpoint = (path: string) => new URL(`/__media?path=${encodeURIComponent(path)}`, base).toString();
  return {
    async readFile(path) {
      const response = await fetch(endpoint(path));
      if (!response.ok) throw new Error(`cannot read ${path}: HTTP ${response.status}`);
      return new Blob([await response.arrayBuffer()], { type: mimeOf(path) });
    },
    videoUrl: endpoint,
  };
}

/** The UXP webview reads no local file itself: the plugin reads it and sends the bytes. No
 * <video> can stream a local file there, so the browser-video grab falls back to Premiere's
 * own frame export. */
export function uxpMediaAccess(readFile: (path: string) => Promise<Uint8Array>): MediaAccess {
  return {
    readFile: async (path) => new Blob([(await readFile(path)) as BlobPart], { type: mimeOf(path) }),
    videoUrl() {
      throw new Error("the UXP webview cannot stream local media (Premiere exports the frames instead)");
    },
  };
}

/** Node's require in a CEP page, if this is one; the UXP plugin when the transport reads files. */
export function detectMediaAccess(win: Window = window, transport?: EvalTransport): MediaAccess {
  if (transport?.kind === "uxp" && transport.readFile) return uxpMediaAccess(transport.readFile);
  const w = win as unknown as { cep_node?: { require: NodeRequire }; require?: NodeRequire; __adobe_cep__?: unknown };
  const nodeRequire = w.cep_node?.require ?? (w.__adobe_cep__ ? w.require : undefined);
  return nodeRequire ? cepMediaAccess(nodeRequire) : previewMediaAccess(win.location.href);
}
