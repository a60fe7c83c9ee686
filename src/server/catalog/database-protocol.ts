// Messages between the catalog server and its database thread (database-thread.ts and
// database-worker.ts). A transaction lives in the worker while the server's callback runs: the
// server sends its statements one by one, then "end" to commit or roll back.
import type { QueryOptions } from "@electric-sql/pglite";

/** Query options that can cross a thread (no parser or serializer functions). */
export type PortableQueryOptions = Omit<QueryOptions, "parsers" | "serializers" | "onNotice">;

export type DatabaseRequest =
  | { id: number; op: "query"; sql: string; params?: unknown[]; options?: PortableQueryOptions; tx?: number }
  | { id: number; op: "exec"; sql: string; options?: PortableQueryOptions; tx?: number }
  | { id: number; op: "begin" }
  | { id: number; op: "rollback"; tx: number }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "announce"; url: string }
  | { id: number; op: "close" };

export type DatabaseReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: PortableError };

/** An error with its own fields (a Postgres error's code, detail, hint, constraint…), which
 * structured clone would drop. */
export interface PortableError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

export function toPortableError(e: unknown): PortableError {
  if (!(e instanceof Error)) return { name: "Error", message: String(e), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    // Postgres's fields are strings and numbers; the query's params and options stay behind
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  }
  return { name: e.name, message: e.message, stack: e.stack, fields };
}

export function fromPortableError(p: PortableError): Error {
  const error = Object.assign(new Error(p.message), p.fields);
  error.name = p.name;
  if (p.stack) error.stack = p.stack;
  return error;
}
