// The local catalog server: PostgREST's /rest/v1 subset and a minimal GoTrue /auth/v1 for the
// local users, over one embedded Postgres. PGlite has one backend, so requests run one at a time.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { listen, type RunningServer } from "../preview-server";
import { openCatalogDatabase } from "./database";
import { apiError, PostgrestError } from "./http-errors";
import { signToken, verifyToken } from "./jwt";
import { Postgrest } from "./postgrest";
import type { JwtClaims } from "./request";
import { LOCAL_USERS, seedShots, seedTestModels, seedUsers } from "./seed";

export interface CatalogServerOptions {
  /** file-backed data dir; in memory when absent */
  dataDir?: string;
  /** an open database to serve instead of opening one */
  db?: PGlite;
  port?: number;
  host?: string;
  jwtSecret?: string;
  /** password of the local users (admin@/editor@/client@eav.local) for /auth/v1/token */
  localPassword?: string;
  seed?: boolean;
}

export interface RunningCatalog extends RunningServer {
  db: PGlite;
  jwtSecret: string;
  anonKey: string;
  serviceKey: string;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers":
    "authorization, apikey, content-type, content-profile, accept-profile, prefer, range, x-client-info, x-supabase-api-version",
  "access-control-expose-headers": "content-range",
};

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

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw apiError(400, "PGRST102", "Empty or invalid json");
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS, "content-type": "application/json; charset=utf-8" });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

export async function startCatalogServer(options: CatalogServerOptions = {}): Promise<RunningCatalog> {
  const db = options.db ?? (await openCatalogDatabase({ dataDir: options.dataDir }));
  if (options.seed !== false) {
    await seedUsers(db);
    await seedShots(db);
    await seedTestModels(db);
  }
  const jwtSecret = options.jwtSecret ?? localSecret(options.dataDir);
  const tenYears = 10 * 365 * 24 * 3600;
  const anonKey = await signToken(jwtSecret, { role: "anon" }, tenYears);
  const serviceKey = await signToken(jwtSecret, { role: "service_role" }, tenYears);
  const localPassword = options.localPassword ?? process.env.CATALOG_LOCAL_PASSWORD ?? "local-dev";
  const postgrest = new Postgrest(db);
  const queue = serialize();

  async function authenticate(req: http.IncomingMessage): Promise<JwtClaims> {
    const apikey = req.headers.apikey as string | undefined;
    if (!apikey)
      throw apiError(401, "PGRST301", "No API key found in request", "Send the anon key in the apikey header.");
    const keyCheck = await verifyToken(jwtSecret, apikey);
    if (!keyCheck.ok) throw apiError(401, keyCheck.code, `apikey: ${keyCheck.message}`);
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const verified = !bearer || bearer === apikey ? keyCheck : await verifyToken(jwtSecret, bearer);
    if (!verified.ok) throw apiError(401, verified.code, verified.message);
    if (!["anon", "authenticated", "service_role"].includes(verified.claims.role)) {
      throw apiError(401, "PGRST301", `role "${verified.claims.role}" is not an API role`);
    }
    return verified.claims;
  }

  async function passwordGrant(body: unknown) {
    const { email, password } = (body ?? {}) as { email?: string; password?: string };
    const user = Object.values(LOCAL_USERS).find((u) => u.email === email);
    if (!user || password !== localPassword) {
      return { status: 400, body: { error: "invalid_grant", error_description: "Invalid login credentials" } };
    }
    const claims: JwtClaims = {
      role: "authenticated",
      sub: user.id,
      email: user.email,
      aud: "authenticated",
      app_metadata: { provider: "email" },
    };
    const expiresIn = 3600;
    const access = await signToken(jwtSecret, claims, expiresIn);
    return {
      status: 200,
      body: {
        access_token: access,
        token_type: "bearer",
        expires_in: expiresIn,
        expires_at: Math.floor(Date.now() / 1000) + expiresIn,
        refresh_token: crypto.randomBytes(16).toString("hex"),
        user: {
          id: user.id,
          email: user.email,
          aud: "authenticated",
          role: "authenticated",
          app_metadata: claims.app_metadata,
          user_metadata: {},
        },
      },
    };
  }

  const server = http.createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    void queue(async () => {
      const url = new URL(req.url ?? "/", "http://local");
      try {
        if (url.pathname === "/health") return send(res, 200, { ok: true });
        if (
          url.pathname === "/auth/v1/token" &&
          req.method === "POST" &&
          url.searchParams.get("grant_type") === "password"
        ) {
          const answer = await passwordGrant(await readJson(req));
          return send(res, answer.status, answer.body);
        }
        if (url.pathname === "/auth/v1/user" && req.method === "GET") {
          const claims = await authenticate(req);
          if (claims.role !== "authenticated") throw apiError(401, "PGRST301", "not signed in");
          return send(res, 200, { id: claims.sub, email: claims.email, aud: "authenticated", role: "authenticated" });
        }
        if (url.pathname.startsWith("/rest/v1/")) {
          const claims = await authenticate(req);
          const headers = Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
          );
          const body = req.method === "POST" ? await readJson(req) : undefined;
          const answer = await postgrest.handle({
            method: req.method ?? "GET",
            path: url.pathname.slice("/rest/v1".length),
            query: url.searchParams,
            headers,
            body,
            claims,
          });
          return send(res, answer.status, answer.body);
        }
        return send(res, 404, { code: "PGRST125", message: `no route for ${url.pathname}`, details: null, hint: null });
      } catch (e) {
        if (e instanceof PostgrestError) return send(res, e.status, e.body);
        return send(res, 500, { code: "XX000", message: (e as Error).message, details: null, hint: null });
      }
    });
  });
  const url = await listen(server, options.port ?? 0, options.host ?? "127.0.0.1");
  return {
    url,
    db,
    jwtSecret,
    anonKey,
    serviceKey,
    close: () =>
      new Promise((resolve) =>
        server.close(async () => {
          if (!options.db) await db.close();
          resolve();
        }),
      ),
  };
}
