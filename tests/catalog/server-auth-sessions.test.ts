// supabase-js's own session handling (persistSession + autoRefreshToken), unchanged, against the
// local catalog's GoTrue subset (issue 11 §1): sign in, refresh before expiry, fetch the user,
// resume after a reload, and log out so the refresh token is dead.
import { createClient, type AuthChangeEvent, type SupportedStorage } from "@supabase/supabase-js";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";
import { memoryStorage } from "../../src/testing/memory-storage";

const TOKEN_SECONDS = 60; // under supabase-js's 90 s margin: every session look-up refreshes
let catalog: RunningCatalog;
beforeAll(async () => {
  catalog = await startCatalogServer({ localPassword: "pw", accessTokenSeconds: TOKEN_SECONDS });
});
afterAll(async () => catalog?.close());

function panelClient(storage: SupportedStorage) {
  const client = createClient(catalog.url, catalog.anonKey, {
    db: { schema: "media_references" },
    auth: { persistSession: true, autoRefreshToken: true, storage, storageKey: "reference-lookup-auth" },
    realtime: { transport: WebSocket as never },
  });
  const events: AuthChangeEvent[] = [];
  client.auth.onAuthStateChange((event) => void events.push(event));
  return { client, events };
}

const refresh = (token: string) =>
  fetch(`${catalog.url}/auth/v1/token?grant_type=refresh_token`, {
    method: "POST",
    headers: { apikey: catalog.anonKey, "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: token }),
  });

describe("auth sessions with supabase-js", () => {
  it("signs in, refreshes before expiry, fetches the user, survives a reload and logs out", async () => {
    const storage = memoryStorage();
    const { client, events } = panelClient(storage);
    const signedIn = await client.auth.signInWithPassword({ email: "editor@eav.local", password: "pw" });
    expect(signedIn.error).toBeNull();
    const first = signedIn.data.session!;
    expect(first.expires_in).toBe(TOKEN_SECONDS);
    expect(storage.data.size).toBe(1); // persisted

    // supabase-js refreshes a token this close to expiry before using it
    const { data: refreshed } = await client.auth.getSession();
    expect(events).toContain("TOKEN_REFRESHED");
    expect(refreshed.session!.access_token).not.toBe(first.access_token);
    expect(refreshed.session!.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.session!.expires_at! * 1000).toBeGreaterThan(Date.now());
    expect(Date.now()).toBeLessThan(first.expires_at! * 1000); // the old one had not expired yet

    const { data: user, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(user.user).toMatchObject({ email: "editor@eav.local", role: "authenticated", aud: "authenticated" });

    // a staff-only call with the (refreshed) session
    const shots = await client.rpc("list_shots", {});
    expect(shots.error).toBeNull();
    expect((shots.data as unknown[]).length).toBeGreaterThan(0);
    await client.auth.stopAutoRefresh();

    // the panel reloads: a new client finds the session in storage and keeps it fresh
    const reloaded = panelClient(storage);
    const resumed = await reloaded.client.auth.getUser();
    expect(resumed.data.user?.email).toBe("editor@eav.local");
    const latest = (await reloaded.client.auth.getSession()).data.session!;

    const out = await reloaded.client.auth.signOut();
    expect(out.error).toBeNull();
    expect(reloaded.events).toContain("SIGNED_OUT");
    expect(storage.data.size).toBe(0);
    const dead = await refresh(latest.refresh_token);
    expect(dead.status).toBe(400);
    expect(await dead.json()).toMatchObject({ error_code: "refresh_token_not_found" });
    const userAfter = await fetch(`${catalog.url}/auth/v1/user`, {
      headers: { apikey: catalog.anonKey, authorization: `Bearer ${latest.access_token}` },
    });
    expect(userAfter.status).toBe(403);
    expect(await userAfter.json()).toMatchObject({ error_code: "session_not_found" });
    await reloaded.client.auth.stopAutoRefresh();
  });

  it("a global logout on one device signs the user's other devices out too", async () => {
    const laptop = panelClient(memoryStorage());
    const otherStorage = memoryStorage();
    const other = panelClient(otherStorage);
    for (const device of [laptop, other]) {
      expect(
        (await device.client.auth.signInWithPassword({ email: "admin@eav.local", password: "pw" })).error,
      ).toBeNull();
    }
    expect((await laptop.client.auth.signOut({ scope: "global" })).error).toBeNull();
    const after = await other.client.auth.getUser();
    expect(after.data.user).toBeNull();
    expect(after.error).not.toBeNull();
    expect(other.events).toContain("SIGNED_OUT");
    expect(otherStorage.data.size).toBe(0);
    await laptop.client.auth.stopAutoRefresh();
    await other.client.auth.stopAutoRefresh();
  });

  it("ends the session when a rotated refresh token is used again", async () => {
    const signIn = await fetch(`${catalog.url}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: { apikey: catalog.anonKey },
      body: JSON.stringify({ email: "admin@eav.local", password: "pw" }),
    });
    const first = (await signIn.json()) as { refresh_token: string };
    const second = (await (await refresh(first.refresh_token)).json()) as { refresh_token: string };
    expect(second.refresh_token).toBeTruthy();
    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error_code: "refresh_token_already_used" });
    // and the token it was rotated into is gone with the session
    expect((await refresh(second.refresh_token)).status).toBe(400);
  });

  it("refuses /user without a user's token", async () => {
    const asAnon = await fetch(`${catalog.url}/auth/v1/user`, {
      headers: { apikey: catalog.anonKey, authorization: `Bearer ${catalog.anonKey}` },
    });
    expect(asAnon.status).toBe(403);
    expect(await asAnon.json()).toMatchObject({ error_code: "bad_jwt" });
    const none = await fetch(`${catalog.url}/auth/v1/user`, { headers: { apikey: catalog.anonKey } });
    expect(none.status).toBe(401);
  });
});
