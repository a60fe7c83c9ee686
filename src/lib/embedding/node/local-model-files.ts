// Model files for the native encoder thread, read with fs and handed to transformers.js 2.17
// through its own custom-cache hook (env.customCache, asked before anything else). Its built-in
// local loading (FileResponse) constructs a `Headers` and a `ReadableStream`, which Node 15.10
// and 17.7 (CEP 11 and 12) do not have: every file then "was not found locally". The responses
// here are plain objects with just what transformers.js reads: status, the content-length
// header, a body reader and arrayBuffer(). A file that exists but cannot be read gives a
// response whose reads fail, so that its own error reaches the editor, not "not found".
import { env } from "@xenova/transformers";
import fs from "fs";
import path from "path";

/** chunk size of the body reader: progress for large .onnx files */
const CHUNK = 4 * 1024 * 1024;

interface LocalFileResponse {
  status: 200;
  headers: { get(name: string): string | null };
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } };
  arrayBuffer(): Promise<ArrayBuffer>;
}

function fileResponse(file: string, size: number): LocalFileResponse {
  return {
    status: 200,
    headers: { get: (name) => (name.toLowerCase() === "content-length" ? String(size) : null) },
    body: { getReader: () => chunkReader(file) },
    async arrayBuffer() {
      const data = await fs.promises.readFile(file);
      return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    },
  };
}

function chunkReader(file: string) {
  let handle: fs.promises.FileHandle | null = null;
  return {
    async read(): Promise<{ done: boolean; value?: Uint8Array }> {
      handle ??= await fs.promises.open(file, "r");
      const chunk = new Uint8Array(CHUNK);
      try {
        const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
        if (bytesRead > 0) return { done: false, value: chunk.subarray(0, bytesRead) };
      } catch (e) {
        await handle.close();
        throw e;
      }
      await handle.close();
      return { done: true };
    },
  };
}

/** A response whose every read fails with `error`: transformers.js then throws it as is. */
function failedResponse(error: Error): LocalFileResponse {
  const fail = () => Promise.reject(error);
  return {
    status: 200,
    headers: { get: () => null },
    body: { getReader: () => ({ read: fail }) },
    arrayBuffer: fail,
  };
}

export const localModelFiles = {
  /** transformers.js asks with the file's local path first, then with a cache key (not a path).
   * Never throws: transformers.js would swallow it. */
  async match(request: string): Promise<LocalFileResponse | undefined> {
    if (typeof request !== "string" || !path.isAbsolute(request)) return undefined;
    try {
      const stat = await fs.promises.stat(request);
      if (!stat.isFile()) return failedResponse(new Error(`${request} is not a file`));
      return fileResponse(request, stat.size);
    } catch (e) {
      // a missing file is transformers.js's own case: optional files, and MODEL_INCOMPLETE before
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      return failedResponse(e as Error);
    }
  },
  /** transformers.js never stores local files; nothing is written */
  async put(): Promise<void> {},
};

/** Every model file transformers.js reads in this thread comes from fs, through localModelFiles. */
export function readModelFilesWithFs(): void {
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useCustomCache = true;
  env.customCache = localModelFiles;
}
