// transformers.js loads model files with fetch, which cannot read file:// URLs — and inside
// Premiere the panel, a bundled model and an admin's model folder are all file:// URLs. This
// cache hands transformers.js those files through XHR (which can, with CEP's file-access flags)
// and keeps hub downloads in the browser's Cache Storage as transformers.js itself would.

type Cache = { match(key: string): Promise<Response | undefined>; put(key: string, response: Response): Promise<void> };

function readFileUrl(url: string): Promise<ArrayBuffer | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", url);
    xhr.responseType = "arraybuffer";
    // file:// answers status 0 on success
    xhr.onload = () =>
      resolve(
        (xhr.status === 0 || xhr.status === 200) && xhr.response?.byteLength ? (xhr.response as ArrayBuffer) : null,
      );
    xhr.onerror = () => resolve(null);
    xhr.send();
  });
}

export class ModelFileCache implements Cache {
  /** files read by exists() and not yet handed over: read once, not twice */
  private prefetched = new Map<string, ArrayBuffer>();

  constructor(
    private readonly base: string,
    private readonly browserCache: globalThis.Cache | null,
  ) {}

  static async open(base: string): Promise<ModelFileCache> {
    const cache = typeof caches === "undefined" ? null : await caches.open("transformers-cache").catch(() => null);
    return new ModelFileCache(base, cache);
  }

  async exists(url: string): Promise<boolean> {
    const absolute = new URL(url, this.base).toString();
    if (!absolute.startsWith("file:")) return (await fetch(absolute, { method: "HEAD" })).ok;
    const data = await readFileUrl(absolute);
    if (data) this.prefetched.set(absolute, data);
    return data !== null;
  }

  async match(key: string): Promise<Response | undefined> {
    const absolute = new URL(key, this.base).toString();
    if (absolute.startsWith("file:")) {
      const data = this.prefetched.get(absolute) ?? (await readFileUrl(absolute));
      this.prefetched.delete(absolute);
      return data ? new Response(data, { status: 200 }) : undefined;
    }
    return (await this.browserCache?.match(key)) ?? undefined;
  }

  async put(key: string, response: Response): Promise<void> {
    if (!new URL(key, this.base).toString().startsWith("file:")) await this.browserCache?.put(key, response);
  }
}

/** An OS path ("/Volumes/Models/clip", "C:\\Models\\clip") as a file URL; URLs pass through. */
export function toModelUrl(pathOrUrl: string, pageProtocol: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathOrUrl) || pageProtocol !== "file:") return pathOrUrl;
  const slashed = pathOrUrl.replace(/\\/g, "/");
  const absolute = /^[A-Za-z]:\//.test(slashed) ? `/${slashed}` : slashed;
  if (!absolute.startsWith("/")) return pathOrUrl; // relative: resolved against the worker (bundled model)
  return `file://${absolute
    .split("/")
    .map((s, i) => (i === 1 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s)))
    .join("/")}`;
}
