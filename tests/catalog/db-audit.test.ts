// npm run db:audit: clean on the migrated catalog, and each check found once when broken.
// Each break runs in a transaction that is rolled back, so the checks share one catalog.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Transaction } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { auditCatalog, auditUrl, type AuditFinding } from "../../scripts/db-audit";
import { SAVE_SQL, freshCatalog, saveParams, type TestCatalog } from "../helpers/catalog-db";

let c: TestCatalog;
let linkedShot: string;
beforeAll(async () => {
  c = await freshCatalog();
  linkedShot = c.shots.get(1)!;
  await c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), { shot: linkedShot }));
});
afterAll(async () => c?.db.close());

async function auditAfter(breakIt: (tx: Transaction) => Promise<unknown>): Promise<AuditFinding[]> {
  let findings: AuditFinding[] = [];
  await c.db.transaction(async (tx) => {
    await breakIt(tx);
    findings = await auditCatalog(tx);
    await tx.rollback();
  });
  return findings;
}

const REPLACE_FK = `alter table media_references.shot_references drop constraint fk_shot_id;
  alter table media_references.shot_references add constraint fk_shot_id
    foreign key (shot_id) references public.shots (id)`;

describe("db:audit", () => {
  it("finds nothing on the migrated catalog with a saved, linked reference", async () => {
    expect(await auditCatalog(c.db)).toEqual([]);
  });

  const BREAKS: Array<[string, (tx: Transaction) => Promise<unknown>, RegExp]> = [
    [
      "cross_schema_fk",
      (tx) => tx.exec("alter table media_references.shot_references drop constraint fk_shot_id"),
      /no foreign key fk_shot_id/,
    ],
    ["fk_on_delete_restrict", (tx) => tx.exec(`${REPLACE_FK} on delete cascade`), /ON DELETE CASCADE, not RESTRICT/],
    ["fk_validated", (tx) => tx.exec(`${REPLACE_FK} on delete restrict not valid`), /NOT VALID/],
    ["contract_marker", (tx) => tx.exec("comment on table public.shots is null"), /no EAV_CONTRACT:v1 marker/],
    [
      "fk_index",
      (tx) => tx.exec("drop index media_references.shot_references_shot_id_idx"),
      /fk_shot_id on media_references.shot_references has no index/,
    ],
    [
      "orphan_link",
      // replica mode skips the foreign key's triggers, as a restore or a dropped FK would
      (tx) =>
        tx.exec(`set local session_replication_role = replica;
                 delete from public.shots where id = '${linkedShot}';
                 set local session_replication_role = origin;`),
      /links to shot .* which is not in public.shots/,
    ],
    [
      "reference_without_embedding",
      (tx) =>
        tx.exec(`insert into media_references.reference_images (file_path, corrected_metadata)
                 values ('/no/embedding.mov', '{"location": "k", "subject": "s", "shotType": "WS"}')`),
      /has no embedding of a registered model/,
    ],
    [
      "rls_disabled",
      (tx) => tx.exec("alter table media_references.audit_log disable row level security"),
      /row level security is off on media_references.audit_log/,
    ],
    [
      "curated_view_security_invoker",
      (tx) => tx.exec("alter view media_references.reference_images_with_shot set (security_invoker = false)"),
      /reference_images_with_shot runs with its owner's rights/,
    ],
  ];

  it.each(BREAKS)("finds %s, and only that", async (check, breakIt, finding) => {
    const findings = await auditAfter(breakIt);
    expect(findings.map((f) => f.check_name)).toEqual([check]);
    expect(findings[0].finding).toMatch(finding);
  });

  it("the command exits 0 on a clean catalog, and audits any Postgres by --db-url over the wire", async () => {
    const run = promisify(execFile);
    const clean = await run("npx", ["tsx", "scripts/db-audit.ts", "--memory"]);
    expect(clean.stdout).toMatch(/0 finding\(s\)/);
    // the test catalog served over Postgres's own protocol, as a Supabase project would be
    const server = new PGLiteSocketServer({ db: c.db, port: 0, host: "127.0.0.1" });
    await server.start();
    try {
      const port = Number((server as unknown as { server: { address(): { port: number } } }).server.address().port);
      expect(await auditUrl(`postgres://postgres@127.0.0.1:${port}/postgres`)).toBe(0);
    } finally {
      await server.stop();
    }
    const unreachable = await run("npx", [
      "tsx",
      "scripts/db-audit.ts",
      "--db-url",
      "postgres://a:secret@127.0.0.1:1/x",
    ]).catch((e) => e);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain("Cannot connect to postgres://a:***@127.0.0.1:1/x");
  });
});
