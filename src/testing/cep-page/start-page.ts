// Starts page.ts under a given Node binary as CEP's page would run the panel's native path:
// the binary with no flags (no execArgv, no NODE_OPTIONS) and the built extension's page URL.
// page.ts is bundled for Node 15 first (CommonJS, bare built-in names), as the thread is.
import { fork, type ChildProcess, type Serializable } from "node:child_process";
import fs from "node:fs";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { build } from "vite";
import type { ModelOptions } from "../../lib/embedding/model-source";
import type { ClipResult, EmbedderInfo } from "../../panel/embedding/embedder";
import { pageUrl } from "../cep-node";
import type { PageCall, PageState } from "./page";
import { fromWire, toWire } from "./wire";

let bundled: Promise<string> | null = null;

/** page.ts as one CommonJS file for Node 15, built once per test process */
function pageBundle(): Promise<string> {
  bundled ??= (async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "rl-cep-page-"));
    await build({
      configFile: false,
      logLevel: "error",
      build: {
        ssr: path.join(import.meta.dirname, "page.ts"),
        outDir: out,
        emptyOutDir: false,
        target: "node15",
        minify: false,
        rollupOptions: {
          external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
          output: { format: "cjs" as const, entryFileNames: "page.cjs" },
        },
      },
    });
    return path.join(out, "page.cjs");
  })();
  return bundled;
}

type Reply = { id: number; ok?: boolean; result?: unknown; error?: { code?: string; message: string } };

export class CepPage {
  private nextId = 1;
  private waiting = new Map<
    number,
    { resolve: (r: unknown) => void; reject: (e: Error) => void; onFrame?: (i: number, e: Float32Array) => void }
  >();
  /** the order in which the last clip's frames were reported ready */
  lastFrameOrder: number[] = [];
  private exited: string | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (wire) => {
      const message = fromWire(wire) as Reply & { frame?: { index: number; embedding: Float32Array } };
      const entry = this.waiting.get(message.id);
      if (message.frame) {
        this.lastFrameOrder.push(message.frame.index);
        entry?.onFrame?.(message.frame.index, message.frame.embedding);
      }
      if (message.ok === undefined) return;
      this.waiting.delete(message.id);
      if (message.ok) entry?.resolve(message.result);
      else entry?.reject(Object.assign(new Error(message.error!.message), { code: message.error!.code }));
    });
    child.on("exit", (code, signal) => {
      this.exited = `the page process exited (code ${code}, signal ${signal})`;
      for (const entry of this.waiting.values()) entry.reject(new Error(this.exited));
      this.waiting.clear();
    });
  }

  static async start(nodeBinary: string, extensionPageUrl = pageUrl()): Promise<CepPage> {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = fork(await pageBundle(), [extensionPageUrl], {
      execPath: nodeBinary,
      execArgv: [],
      env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new CepPage(child);
  }

  private call<T>(message: PageCall, onFrame?: (index: number, embedding: Float32Array) => void): Promise<T> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject, onFrame });
      this.child.send(toWire({ ...message, id }) as Serializable);
    });
  }

  load = (options: ModelOptions) => this.call<EmbedderInfo>({ call: "load", options });
  /** decoded frames in; each frame's embedding to onFrame as the page gets it */
  embedClip = (pixels: Float32Array[], onFrame?: (index: number, embedding: Float32Array) => void) => {
    this.lastFrameOrder = [];
    return this.call<ClipResult>({ call: "embedClip", pixels }, onFrame);
  };
  embedTexts = (texts: string[]) => this.call<Float32Array[]>({ call: "embedTexts", texts });
  state = () => this.call<PageState>({ call: "state" });
  /** ends the native thread from outside, as a crash would */
  crashThread = () => this.call<null>({ call: "crashThread" });

  async close(): Promise<void> {
    if (this.exited) return;
    await this.call({ call: "terminate" }).catch(() => undefined);
    const gone = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill();
    await gone;
  }
}
