// The database thread: a worker_threads Worker that owns the catalog's PGlite, so that Postgres's
// work (WASM, synchronous while a statement runs) never holds up the server's event loop. It opens
// the data dir as the server always has (openCatalogDatabase: the data dir's lock, then the
// platform pieces and pending migrations) and answers database-protocol.ts's messages.
import { parentPort, workerData } from "node:worker_threads";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { DataDirBusyError } from "./data-dir-lock";
import { applyMigrations, bootstrapPlatform, dataDirLockOf, openCatalogDatabase } from "./database";
import { toPortableError, type DatabaseReply, type DatabaseRequest } from "./database-protocol";

export interface DatabaseWorkerData {
  dataDir?: string;
  /** the process's command, for the data dir's lock (a worker's argv is its own script) */
  command?: string;
}

const port = parentPort;
if (!port) throw new Error("database-worker runs as a worker_threads Worker");

const ROLLBACK = Symbol("rollback");
interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean, replyId: number): void;
}

const reply = (message: DatabaseReply) => port.postMessage(message);
const fail = (id: number, e: unknown) => reply({ id, ok: false, error: toPortableError(e) });

let db: PGlite;
const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 1;

/** A data dir made by an older version gets the platform pieces added since, before new migrations. */
async function open({ dataDir, command }: DatabaseWorkerData): Promise<PGlite> {
  const opened = await openCatalogDatabase({ dataDir, command, migrate: false });
  await bootstrapPlatform(opened);
  await applyMigrations(opened);
  return opened;
}

function begin(id: number): void {
  const txId = nextTransaction++;
  let endReply = 0;
  let began = false;
  db.transaction(async (tx) => {
    began = true;
    const commit = await new Promise<boolean>((resolve) => {
      transactions.set(txId, {
        tx,
        end: (yes, replyId) => {
          endReply = replyId;
          resolve(yes);
        },
      });
      reply({ id, ok: true, value: txId });
    });
    if (!commit && !tx.closed) throw ROLLBACK; // PGlite rolls back on a throw
  })
    .then(
      () => reply({ id: endReply, ok: true, value: null }),
      (e) => (e === ROLLBACK ? reply({ id: endReply, ok: true, value: null }) : fail(began ? endReply : id, e)),
    )
    .finally(() => transactions.delete(txId));
}

function target(txId: number | undefined): PGlite | Transaction {
  if (txId === undefined) return db;
  const open = transactions.get(txId);
  if (!open) throw new Error("the transaction has already ended");
  return open.tx;
}

async function answer(req: DatabaseRequest): Promise<unknown> {
  switch (req.op) {
    case "query":
      return target(req.tx).query(req.sql, req.params, req.options);
    case "exec":
      return target(req.tx).exec(req.sql, req.options);
    case "rollback":
      return (target(req.tx) as Transaction).rollback();
    case "announce":
      dataDirLockOf(db)?.announce({ url: req.url });
      return null;
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`unknown database request ${(req as { op: string }).op}`);
  }
}

try {
  db = await open(workerData as DatabaseWorkerData);
  port.postMessage({ ready: true });
} catch (e) {
  const holder = e instanceof DataDirBusyError ? e.holder : undefined; // an object: toPortableError keeps no objects
  port.postMessage({ ready: false, error: toPortableError(e), holder });
}

port.on("message", (req: DatabaseRequest) => {
  if (req.op === "begin") return begin(req.id);
  if (req.op === "end") {
    const open = transactions.get(req.tx);
    if (!open) return fail(req.id, new Error("the transaction has already ended"));
    return open.end(req.commit, req.id);
  }
  answer(req).then(
    (value) => reply({ id: req.id, ok: true, value }),
    (e) => fail(req.id, e),
  );
});
