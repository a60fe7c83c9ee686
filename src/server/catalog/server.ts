// The local catalog server: PostgREST's /rest/v1 subset, GoTrue's /auth/v1 and Storage's
// /storage/v1 subsets for the local users, over one embedded Postgres. PGlite has one backend, so
// requests run one at a time — but only after their body has arrived whole (bounded in size and
// time), so a stalled client holds nobody else up.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { listen, type RunningServer } from "../preview-server";
import { applyMigrations, bootstrapPlatform, openCatalogDatabase } from "./database";
import { GoTrue } from "./gotrue";
import { apiError, internalFailure, PostgrestError } from "./http-errors";
import { CEP_ORIGINS, CorsPolicy, HttpFailure, parseJson, readBody, requestUrl, sendJson } from "./http-io";
import { projectKey, verifyToken } from "./jwt";
import { ensureLocalPasswords, type LocalCredential } from "./local-users";
import { Postgrest } from "./postgrest";
import type { JwtClaims } from "./request";
import { seedShots, seedTestModels, seedUsers } from "./seed";
import { SignInLimiter, type SignInLimits } from "./sign-in-limiter";
import { StorageApi } from "./storage-api";
import { ObjectFiles } from "./storage-objects";

export interface CatalogServerOptions {
  /** file-backed data dir; in memory when absent */
  dataDir?: string;
  /** an open database to serve instead of opening one */
  db?: PGlite;
  port?: number;
  host?: string;
  jwtSecret?: string;
  /** one password for every seeded user (tests); otherwise each gets a generated one, kept in the data dir */
  localPassword?: string;
  seed?: boolean;
  /** web origins CORS answers, besides CEP panels' (file://, null); default: the preview's on PORT (5173) */
  allowedOrigins?: string[];
  /** life of a session's access token in seconds (GoTrue's default: 3600) */
  accessTokenSeconds?: number;
  signInLimits?: Partial<SignInLimits>;
  /** JSON bodies (1 MB), uploads (8 MB; buckets set their own lower limits), all within timeoutMs (10 s) */
  bodyLimits?: { jsonBytes?: number; uploadBytes?: number; timeoutMs?: number };
  /** where Storage keeps object files: default <dataDir>/storage, or a temp dir removed on close */
  storageDir?: string;
}

export interface RunningCatalog extends RunningServer {
  db: PGlite;
  jwtSecret: string;
  anonKey: string;
  serviceKey: string;
  /** the seeded users' sign-ins, for `npm start` to print once and for tests */
  localUsers: LocalCredential[];
  storageDir: string;
  /** let one more web origin through CORS (e.g. a preview started on a random port) */
  allowOrigin(origin: string): void;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  bytes?: Buffer;
}

/** Runs one request at a time, in arrival order. */
function serialize() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The local JWT secret: env, else a random one kept beside the data dir. */
function localSecret(dataDir?: string): string {
  if (process.env.CATALOG_JWT_SECRET) return process.env.CATALOG_JWT_SECRET;
  if (!dataDir) return crypto.randomBytes(32).toString("hex");
  const file = path.join(dataDir, "..", `${path.basename(dataDir)}.jwt-secret`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** The preview's origin (scripts/start.ts serves it on PORT), unless CATALOG_ALLOWED_ORIGINS lists others. */
function defaultOrigins(): string[] {
  if (process.env.CATALOG_ALLOWED_ORIGINS) return process.env.CATALOG_ALLOWED_ORIGINS.split(",").map((o) => o.trim());
  const port = process.env.PORT ?? "5173";
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** A data dir made by an older version gets the platform pieces added since, before new migrations. */
async function openServedDatabase(dataDir: string | undefined): Promise<PGlite> {
  const db = await openCatalogDatabase({ dataDir, migrate: false });
  await bootstrapPlatform(db);
  await applyMigrations(db);
  return db;
}

export async function startCatalogServer(options: CatalogServerOptions = {}): Promise<RunningCatalog> {
  const db = options.db ?? (await openServedDatabase(options.dataDir));
  if (options.seed !== false) {
    await seedUsers(db);
    await seedShots(db);
    await seedTestModels(db);
  }
  const localUsers = await ensureLocalPasswords(db, { dataDir: options.dataDir, password: options.localPassword });
  const jwtSecret = options.jwtSecret ?? localSecret(options.dataDir);
  const anonKey = await projectKey(jwtSecret, "anon");
  const serviceKey = await projectKey(jwtSecret, "service_role");
  const projectKeys = new Map<string, JwtClaims>([
    [anonKey, { role: "anon" }],
    [serviceKey, { role: "service_role" }],
  ]);
  const ownStorageDir = !options.storageDir && !options.dataDir;
  const storageDir =
    options.storageDir ??
    (options.dataDir
      ? path.join(options.dataDir, "storage")
      : fs.mkdtempSync(path.join(os.tmpdir(), "catalog-storage-")));
  const cors = new CorsPolicy([...CEP_ORIGINS, ...(options.allowedOrigins ?? defaultOrigins())]);
  const limits = { jsonBytes: 1 << 20, uploadBytes: 8 << 20, timeoutMs: 10_000, ...options.bodyLimits };
  const postgrest = new Postgrest(db);
  const gotrue = new GoTrue(db, jwtSecret, new SignInLimiter(options.signInLimits), options.accessTokenSeconds ?? 3600);
  const storage = new StorageApi(db, new ObjectFiles(storageDir), jwtSecret);
  const queue = serialize();

  /** The project key in `apikey` (only the anon or service key, never a user's token). */
  function keyOf(req: http.IncomingMessage): JwtClaims {
    const apikey = req.headers.apikey as string | undefined;
    if (!apikey)
      throw apiError(401, "PGRST301", "No API key found in request", "Send the anon key in the apikey header.");
    const claims = projectKeys.get(apikey);
    if (!claims) throw apiError(401, "PGRST301", "Invalid API key: apikey accepts only this project's keys");
    return claims;
  }

  /** The caller: the bearer token's claims when one is sent, else the project key's. */
  async function authenticate(req: http.IncomingMessage): Promise<JwtClaims> {
    const keyClaims = keyOf(req);
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer || bearer === req.headers.apikey) return keyClaims;
    const verified = await verifyToken(jwtSecret, bearer);
    if (!verified.ok) throw apiError(401, verified.code, verified.message);
    if (!["anon", "authenticated", "service_role"].includes(verified.claims.role)) {
      throw apiError(401, "PGRST301", `role "${verified.claims.role}" is not an API role`);
    }
    return verified.claims;
  }

  const flatHeaders = (req: http.IncomingMessage) =>
    Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

  async function route(req: http.IncomingMessage, url: URL, body: Buffer): Promise<Answer> {
    const method = req.method ?? "GET";
    if (url.pathname.startsWith("/auth/v1/")) {
      keyOf(req); // as Supabase's gateway: no project key, no auth endpoint
      return gotrue.handle({
        method,
        path: url.pathname.slice("/auth/v1".length),
        query: url.searchParams,
        body: parseJson(body),
        authorization: req.headers.authorization,
        address: req.socket.remoteAddress ?? "unknown",
      });
    }
    if (url.pathname.startsWith("/rest/v1/")) {
      return postgrest.handle({
        method,
        path: url.pathname.slice("/rest/v1".length),
        query: url.searchParams,
        headers: flatHeaders(req),
        body: method === "POST" ? parseJson(body) : undefined,
        claims: await authenticate(req),
      });
    }
    if (url.pathname.startsWith("/storage/v1/")) {
      const storagePath = url.pathname.slice("/storage/v1".length);
      return storage.handle({
        method,
        path: storagePath,
        query: url.searchParams,
        headers: flatHeaders(req),
        body,
        claims: StorageApi.isOpenRoute(method, storagePath) ? null : await authenticate(req),
      });
    }
    return {
      status: 404,
      body: { code: "PGRST125", message: `no route for ${url.pathname}`, details: null, hint: null },
    };
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    const corsHeaders = cors.headers(origin);
    try {
      if (!cors.permits(origin)) {
        throw new HttpFailure(403, {
          code: "CORS",
          message: `origin ${origin} is not allowed`,
          details: null,
          hint: null,
        });
      }
      if (req.method === "OPTIONS") return void res.writeHead(204, corsHeaders).end();
      const url = requestUrl(req);
      if (url.pathname === "/health") return sendJson(res, 200, { ok: true }, corsHeaders);
      const method = req.method ?? "GET";
      const upload = url.pathname.startsWith("/storage/v1/") && (method === "POST" || method === "PUT");
      const body =
        method === "GET" || method === "HEAD"
          ? Buffer.alloc(0)
          : await readBody(req, {
              maxBytes: upload ? limits.uploadBytes : limits.jsonBytes,
              timeoutMs: limits.timeoutMs,
            });
      const answer = await queue(() => route(req, url, body));
      const headers = { ...corsHeaders, ...answer.headers };
      if (!answer.bytes) return sendJson(res, answer.status, answer.body, headers);
      res.writeHead(answer.status, { ...headers, "content-length": String(answer.bytes.length) });
      res.end(method === "HEAD" ? undefined : answer.bytes);
    } catch (e) {
      if (e instanceof HttpFailure) {
        sendJson(res, e.status, e.body, corsHeaders);
        if (e.status === 408) res.once("finish", () => req.socket.destroy());
        // Node drains the rest of a refused body to keep the connection; not forever
        if (e.status === 413) setTimeout(() => req.complete || req.socket.destroy(), limits.timeoutMs).unref();
        return;
      }
      if (e instanceof PostgrestError) return sendJson(res, e.status, e.body, corsHeaders);
      sendJson(res, 500, internalFailure(e, "this request"), corsHeaders);
    }
  }

  const server = http.createServer((req, res) => void serve(req, res));
  server.requestTimeout = 30_000; // a backstop: bodies have their own, shorter timeout
  server.headersTimeout = 10_000;
  const url = await listen(server, options.port ?? 0, options.host ?? "127.0.0.1");
  return {
    url,
    db,
    jwtSecret,
    anonKey,
    serviceKey,
    localUsers,
    storageDir,
    allowOrigin: (origin) => cors.allow(origin),
    close: () =>
      new Promise((resolve) => {
        server.close(async () => {
          if (!options.db) await db.close();
          if (ownStorageDir) fs.rmSync(storageDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
