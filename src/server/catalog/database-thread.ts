// The catalog's database on a thread of its own (database-worker.ts), behind the part of PGlite's
// interface that the HTTP layer calls: query, exec, transaction and close. Postgres's work then
// runs beside the server's event loop, not on it, so /health, static files and request bodies are
// answered while a match runs (issue 20 §7, docs/adr/0024-one-process-per-data-dir-and-the-database-thread.md).
import { Worker } from "node:worker_threads";
import type { QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import type { CatalogDb } from "./database";
import { DataDirBusyError, processCommand, type DataDirHolder } from "./data-dir-lock";
import {
  fromPortableError,
  type DatabaseReply,
  type DatabaseRequest,
  type PortableError,
  type PortableQueryOptions,
} from "./database-protocol";
import type { DatabaseWorkerData } from "./database-worker";

export type { CatalogDb };

type Call = { [K in DatabaseRequest["op"]]: Omit<Extract<DatabaseRequest, { op: K }>, "id"> }[DatabaseRequest["op"]];

function portable(options: QueryOptions | undefined): PortableQueryOptions | undefined {
  if (!options) return undefined;
  if (options.parsers || options.serializers || options.onNotice) {
    throw new Error("the database thread takes no parser, serializer or notice functions");
  }
  return options;
}

/** `sql` tagged templates as PGlite builds them: each value a $n parameter. */
function templated(strings: TemplateStringsArray, values: unknown[]): string {
  return strings.reduce((sql, part, i) => sql + part + (i < values.length ? `$${i + 1}` : ""), "");
}

class ThreadTransaction implements Transaction {
  private ended = false;

  constructor(
    private readonly thread: DatabaseThread,
    readonly id: number,
  ) {}

  get closed(): boolean {
    return this.ended;
  }

  markEnded(): void {
    this.ended = true;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.thread.call({ op: "query", sql, params, options: portable(options), tx: this.id }) as Promise<
      Results<T>
    >;
  }

  sql<T>(strings: TemplateStringsArray, ...params: unknown[]): Promise<Results<T>> {
    return this.query<T>(templated(strings, params), params);
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.thread.call({ op: "exec", sql, options: portable(options), tx: this.id }) as Promise<Results[]>;
  }

  async rollback(): Promise<void> {
    await this.thread.call({ op: "rollback", tx: this.id });
    this.ended = true;
  }

  listen(): never {
    throw new Error("LISTEN is not served by the database thread");
  }
}

export class DatabaseThread implements CatalogDb {
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 1;
  private exited: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (m: DatabaseReply) => {
      const call = this.pending.get(m.id);
      if (!call) return;
      this.pending.delete(m.id);
      if (m.ok) call.resolve(m.value);
      else call.reject(fromPortableError(m.error));
    });
    worker.on("error", (e) => this.stopped(e));
    worker.on("exit", (code) =>
      this.stopped(new Error(`the catalog's database thread has stopped (exit code ${code})`)),
    );
  }

  private stopped(reason: Error): void {
    this.exited ??= reason;
    for (const call of this.pending.values()) call.reject(this.exited);
    this.pending.clear();
  }

  /** Opens the data dir (its lock, platform pieces, pending migrations) in a new database thread. */
  static async open(data: DatabaseWorkerData = {}): Promise<DatabaseThread> {
    const workerData: DatabaseWorkerData = { command: processCommand(), ...data };
    const worker = new Worker(new URL("./database-worker.mjs", import.meta.url), { workerData });
    const ready = await new Promise<{ ready: boolean; error?: PortableError; holder?: DataDirHolder }>(
      (resolve, reject) => {
        const failed = (e: Error) => reject(e);
        const exited = (code: number) => reject(new Error(`the database thread exited (${code}) before it was ready`));
        worker.once("error", failed).once("exit", exited);
        worker.once("message", (m) => {
          worker.off("error", failed).off("exit", exited);
          resolve(m);
        });
      },
    );
    if (ready.ready) return new DatabaseThread(worker);
    await worker.terminate();
    const error = fromPortableError(ready.error!);
    if (error.name === "DataDirBusyError") throw new DataDirBusyError(data.dataDir!, ready.holder);
    throw error;
  }

  call(request: Call): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as DatabaseRequest);
    });
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.call({ op: "query", sql, params, options: portable(options) }) as Promise<Results<T>>;
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.call({ op: "exec", sql, options: portable(options) }) as Promise<Results[]>;
  }

  /** As PGlite's: commits when the callback resolves (unless it rolled back), rolls back when it throws. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new ThreadTransaction(this, (await this.call({ op: "begin" })) as number);
    try {
      const result = await callback(tx);
      await this.call({ op: "end", tx: tx.id, commit: true });
      return result;
    } catch (e) {
      await this.call({ op: "end", tx: tx.id, commit: false }).catch(() => undefined);
      throw e;
    } finally {
      tx.markEnded();
    }
  }

  /** Writes the server's url into the data dir's lock file, for db:audit to find it. */
  async announce(url: string): Promise<void> {
    await this.call({ op: "announce", url });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    await this.call({ op: "close" });
    await this.worker.terminate();
  }
}
