// Who may talk to the local catalog (issue 13 §3): CORS only for the preview and CEP panels,
// project keys only in apikey, generated passwords, rate-limited sign-ins, and no way back to the
// superuser from inside a request.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localUsersFile } from "../../src/server/catalog/local-users";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";

let catalog: RunningCatalog;
beforeAll(async () => {
  catalog = await startCatalogServer({
    localPassword: "right-password",
    allowedOrigins: ["http://127.0.0.1:5173"],
    signInLimits: { perEmail: 3, perAddress: 6, baseDelayMs: 60_000 },
  });
});
afterAll(async () => catalog?.close());

function signIn(email: string, password: string, headers: Record<string, string> = { apikey: catalog.anonKey }) {
  return fetch(`${catalog.url}/auth/v1/token?grant_type=password`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
}

describe("CORS", () => {
  const preflight = (origin: string) =>
    fetch(`${catalog.url}/rest/v1/rpc/list_shots`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "apikey" },
    });

  it("answers the preview's origin and CEP panels (file://, null), and nobody else", async () => {
    for (const origin of ["http://127.0.0.1:5173", "null", "file://"]) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    }
    for (const origin of ["https://evil.example", "http://127.0.0.1:8080", "http://localhost:5173"]) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("refuses a foreign page's simple (preflight-free) POST before it does anything", async () => {
    const res = await fetch(`${catalog.url}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
      body: JSON.stringify({ email: "admin@eav.local", password: "right-password" }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "CORS" });
  });

  it("takes more origins at run time (a preview on a random port)", async () => {
    expect((await preflight("http://127.0.0.1:41234")).status).toBe(403);
    catalog.allowOrigin("http://127.0.0.1:41234/main/index.html");
    expect((await preflight("http://127.0.0.1:41234")).status).toBe(204);
  });
});

describe("keys", () => {
  it("/auth/v1/token needs the project's key", async () => {
    const none = await signIn("editor@eav.local", "right-password", {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: "No API key found in request" });
    const ok = await signIn("editor@eav.local", "right-password");
    expect(ok.status).toBe(200);
    const session = (await ok.json()) as { access_token: string };
    const userTokenAsKey = await signIn("editor@eav.local", "right-password", { apikey: session.access_token });
    expect(userTokenAsKey.status).toBe(401);
    expect(await userTokenAsKey.json()).toMatchObject({ message: expect.stringMatching(/^Invalid API key/) });
  });

  it("apikey takes the anon and service keys only, never a user's session token", async () => {
    const session = (await (await signIn("admin@eav.local", "right-password")).json()) as { access_token: string };
    const call = (apikey: string) =>
      fetch(`${catalog.url}/rest/v1/rpc/list_shots`, {
        method: "POST",
        headers: { apikey, authorization: `Bearer ${session.access_token}`, "content-profile": "media_references" },
        body: "{}",
      });
    expect((await call(session.access_token)).status).toBe(401);
    expect((await call(catalog.anonKey)).status).toBe(200);
    expect((await call(catalog.serviceKey)).status).toBe(200);
  });
});

describe("sign-in limits", () => {
  it("blocks an email after repeated failures, even with the right password, and says when to retry", async () => {
    for (let i = 0; i < 3; i++) expect((await signIn("client@eav.local", `guess-${i}`)).status).toBe(400);
    const blocked = await signIn("client@eav.local", "right-password");
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ error_code: "over_request_rate_limit" });
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("slows an address that guesses across accounts, but never keeps out a correct password", async () => {
    // 3 failures so far from this address; 3 more on unknown accounts reach the address limit (6)
    for (const email of ["a@x.local", "b@x.local", "c@x.local"]) {
      expect((await signIn(email, "guess")).status).toBe(400);
    }
    expect((await signIn("d@x.local", "guess")).status).toBe(429);
    expect((await signIn("admin@eav.local", "right-password")).status).toBe(200);
  });
});

describe("generated passwords", () => {
  it("gives each seeded user its own password, kept in the data dir and stable across restarts", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-passwords-"));
    try {
      const first = await startCatalogServer({ dataDir: path.join(dataDir, "db") });
      const users = first.localUsers;
      expect(users.map((u) => u.email).sort()).toEqual(["admin@eav.local", "client@eav.local", "editor@eav.local"]);
      expect(new Set(users.map((u) => u.password)).size).toBe(3);
      expect(users.every((u) => u.password.length >= 16 && u.password !== "local-dev")).toBe(true);
      const file = localUsersFile(path.join(dataDir, "db"));
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const editor = users.find((u) => u.email === "editor@eav.local")!;
      const res = await fetch(`${first.url}/auth/v1/token?grant_type=password`, {
        method: "POST",
        headers: { apikey: first.anonKey },
        body: JSON.stringify({ email: editor.email, password: editor.password }),
      });
      expect(res.status).toBe(200);
      const old = await fetch(`${first.url}/auth/v1/token?grant_type=password`, {
        method: "POST",
        headers: { apikey: first.anonKey },
        body: JSON.stringify({ email: editor.email, password: "local-dev" }),
      });
      expect(old.status).toBe(400);
      await first.close();

      const second = await startCatalogServer({ dataDir: path.join(dataDir, "db") });
      expect(second.localUsers).toEqual(users);
      expect(second.anonKey).toBe(first.anonKey);
      await second.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the database role of a request", () => {
  const rpcAsAnon = (name: string) =>
    fetch(`${catalog.url}/rest/v1/rpc/${name}`, {
      method: "POST",
      headers: { apikey: catalog.anonKey, "content-type": "application/json" },
      body: "{}",
    });

  it("cannot SET ROLE, RESET ROLE or SET SESSION AUTHORIZATION back to the superuser", async () => {
    const attempts = {
      reset_role: "reset role",
      set_role: "set role postgres",
      set_session: "set session authorization postgres",
      set_config: "select set_config('role', 'postgres', false)",
    };
    for (const [name, statement] of Object.entries(attempts)) {
      await catalog.db.exec(`
        create function public.escalate_${name}() returns text language plpgsql as $$
        begin execute ${`'${statement.replace(/'/g, "''")}'`}; return current_user; end $$;
        grant execute on function public.escalate_${name}() to anon;`);
      const res = await rpcAsAnon(`escalate_${name}`);
      expect(res.status, name).toBe(401);
      expect(await res.json()).toMatchObject({
        code: "42501",
        message: expect.stringMatching(/cannot set parameter "(role|session_authorization)" within security-definer/),
      });
    }
  });

  it("cannot reach another role's gateway from inside a request", async () => {
    await catalog.db.exec(`
      create function public.hop() returns jsonb language sql as $$
        select jsonb_agg(r) from local_gateway.run_as_service_role('select 1', '{}') r
      $$;
      grant execute on function public.hop() to anon;`);
    const res = await rpcAsAnon("hop");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "42501", message: "permission denied for schema local_gateway" });
  });

  it("runs as the API role, which is no superuser, under a session that is no superuser's either", async () => {
    await catalog.db.exec(`
      create function public.whoami() returns jsonb language sql as $$
        select jsonb_build_object('current', current_user,
          'super', (select rolsuper from pg_roles where rolname = current_user))
      $$;
      grant execute on function public.whoami() to anon;`);
    const res = await rpcAsAnon("whoami");
    expect(await res.json()).toEqual({ current: "anon", super: false });
  });
});
