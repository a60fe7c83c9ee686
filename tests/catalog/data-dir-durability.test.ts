// Issue 20 §1, the probe's scenario: 8 writers saving through `npm run catalog`, `db:audit` on the
// live data dir, a second `catalog` on the same dir, kill -9, restart: no acknowledged save lost.
// Before the data dir's lock, the audit and the second catalog opened the same files and the
// restart lost about half of the saves.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AUDIT_ROUTE } from "../../src/server/catalog/catalog-audit";
import { startCatalogServer } from "../../src/server/catalog/server";
import { runScript, startCatalogProcess, type CatalogProcess } from "../helpers/catalog-process";
import { META, embedding, vec } from "../helpers/catalog-db";

const WRITERS = 8;
const MAX_SAVES_PER_WRITER = 400; // bounded in count…
const WRITING_MS = 150_000; // …and in time, whatever happens

let work: string;
let dataDir: string;
let first: CatalogProcess | undefined;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-durability-"));
  dataDir = path.join(work, "catalog-db");
});
afterAll(() => {
  first?.child.kill("SIGKILL");
  fs.rmSync(work, { recursive: true, force: true });
});

async function signIn(catalog: CatalogProcess): Promise<string> {
  const res = await fetch(`${catalog.url}/auth/v1/token?grant_type=password`, {
    method: "POST",
    headers: { apikey: catalog.anonKey, "content-type": "application/json" },
    body: JSON.stringify({ email: "editor@eav.local", password: catalog.passwords.get("editor@eav.local") }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Saves until told to stop or the catalog goes away; returns the ids the catalog acknowledged. */
async function writer(catalog: CatalogProcess, token: string, n: number, stop: () => boolean, acked: string[]) {
  const deadline = Date.now() + WRITING_MS;
  for (let i = 0; i < MAX_SAVES_PER_WRITER && !stop() && Date.now() < deadline; i++) {
    const id = crypto.randomUUID();
    const res = await fetch(`${catalog.url}/rest/v1/rpc/save_reference`, {
      method: "POST",
      headers: {
        apikey: catalog.anonKey,
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "content-profile": "media_references",
      },
      body: JSON.stringify({
        reference_id: id,
        file_path: `/Volumes/EAV Media/durability/${n}-${i}.mov`,
        corrected_metadata: META,
        embedding: vec(embedding(n * 1000 + i)),
      }),
    }).catch(() => undefined); // the catalog was killed: this save was never acknowledged
    if (!res) return;
    expect(res.status).toBe(200);
    acked.push(id);
  }
}

describe("one process per data dir", () => {
  it("keeps every acknowledged save through db:audit, a second catalog and kill -9", async () => {
    first = await startCatalogProcess(dataDir);
    const catalog = first;
    const acked: string[] = [];
    let killed = false;
    const tokens = await Promise.all(Array.from({ length: WRITERS }, () => signIn(catalog)));
    const writers = Promise.all(tokens.map((token, n) => writer(catalog, token, n, () => killed, acked)));
    await vi.waitFor(() => expect(acked.length).toBeGreaterThanOrEqual(40), { timeout: 60_000, interval: 50 });

    // db:audit on the live data dir goes through the catalog that holds it
    const audit = await runScript("scripts/db-audit.ts", ["--data-dir", dataDir], dataDir);
    expect(audit.stdout).toContain(`through the catalog that holds it (process ${catalog.pid}, ${catalog.url})`);
    expect(audit.stdout).toContain("0 finding(s)");
    expect(audit.code).toBe(0);
    // the audit route takes the service key only
    const anon = await fetch(`${catalog.url}${AUDIT_ROUTE}`, { headers: { apikey: catalog.anonKey } });
    expect(anon.status).toBe(403);

    // a second catalog on the same data dir is refused, naming the holder
    const second = await runScript("scripts/catalog.ts", [], dataDir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`is in use by process ${catalog.pid} (node scripts/catalog.ts`);
    expect(second.stderr).not.toMatch(/\n\s+at /); // a plain message, no stack

    const before = acked.length;
    await vi.waitFor(() => expect(acked.length).toBeGreaterThanOrEqual(before + 40), { timeout: 60_000, interval: 50 });
    process.kill(catalog.pid, "SIGKILL");
    killed = true;
    await writers;
    // killed by a signal, a child's exitCode stays null: its signalCode says it has ended (the
    // exit event may have come while the writers were finishing)
    const ended = () => catalog.child.exitCode !== null || catalog.child.signalCode !== null;
    await new Promise((resolve) => (ended() ? resolve(null) : catalog.child.once("exit", resolve)));

    // the restart is not held up by the dead process's lock, and has every acknowledged save
    const restarted = await startCatalogServer({ dataDir, seed: false });
    try {
      const { rows } = await restarted.db.query<{ n: number }>(
        "select count(*)::int n from media_references.reference_images where id = any($1::uuid[])",
        [acked],
      );
      console.log(`${acked.length} acknowledged saves, ${rows[0].n} found after kill -9 and restart`);
      expect({ acknowledged: acked.length, found: rows[0].n }).toEqual({
        acknowledged: acked.length,
        found: acked.length,
      });
      expect(acked.length).toBeGreaterThanOrEqual(80);
    } finally {
      await restarted.close();
    }
  }, 300_000);
});
