// The audit log is append-only for every API role, service_role included (issue 20 §6): UPDATE,
// DELETE and TRUNCATE are refused, by privileges and, should a later blanket grant return them,
// by a statement trigger. Entries still arrive from the write_audit triggers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, rollbackMigration, applyMigrations } from "../../src/server/catalog/database";
import { ACTORS, SAVE_SQL, freshCatalog, saveParams, type Actor, type TestCatalog } from "../helpers/catalog-db";

let c: TestCatalog;
beforeAll(async () => {
  c = await freshCatalog();
  await c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), { shot: c.shots.get(1) }));
});
afterAll(async () => c?.db.close());

const log = async () => (await c.db.query("select * from media_references.audit_log order by id")).rows;

const CHANGES: Record<string, string> = {
  update: "update media_references.audit_log set operation = 'FORGED', actor = null",
  delete: "delete from media_references.audit_log",
  truncate: "truncate media_references.audit_log",
  insert: "insert into media_references.audit_log (table_name, operation) values ('reference_images', 'DELETE')",
};

/** What one change as `actor` did: "refused" (42501) or what else happened. */
async function attempt(actor: Actor, sql: string): Promise<string> {
  try {
    await c.as(actor, sql);
    return "done";
  } catch (e) {
    return (e as { code?: string }).code === "42501" ? "refused" : `error ${(e as Error).message}`;
  }
}

describe("audit_log", () => {
  it("refuses UPDATE, DELETE, TRUNCATE and forged INSERTs to every API role, and loses no entry", async () => {
    const before = await log();
    expect(before.length).toBeGreaterThanOrEqual(3);
    for (const actor of ACTORS) {
      for (const [change, sql] of Object.entries(CHANGES)) {
        expect(await attempt(actor, sql), `${actor} ${change}`).toBe("refused");
      }
    }
    expect(await log()).toEqual(before);
  });

  it("still refuses them after a blanket grant to service_role gives the privileges back", async () => {
    await c.db.exec("grant all on media_references.audit_log to service_role");
    try {
      const before = await log();
      for (const change of ["update", "delete", "truncate"]) {
        await expect(c.as("service_role", CHANGES[change]), change).rejects.toMatchObject({
          code: "42501",
          message: `media_references.audit_log is append-only: ${change.toUpperCase()} is refused`,
        });
      }
      expect(await log()).toEqual(before);
    } finally {
      await c.db.exec("revoke insert, update, delete, truncate on media_references.audit_log from service_role");
    }
  });

  it("keeps recording saves, and lets staff and service_role read it", async () => {
    const before = (await log()).length;
    await c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID()));
    expect((await log()).length).toBe(before + 2); // the reference and its embedding
    expect(await c.as("admin", "select id from media_references.audit_log")).toHaveLength(before + 2);
    expect(await c.as("service_role", "select id from media_references.audit_log")).toHaveLength(before + 2);
  });

  it("rolls back to the old rights and applies again", async () => {
    const migration = listMigrations().find((m) => m.name === "audit_log_append_only")!;
    await rollbackMigration(c.db, migration);
    expect(await attempt("service_role", "update media_references.audit_log set actor = actor where false")).toBe(
      "done",
    );
    expect((await applyMigrations(c.db)).map((m) => m.name)).toEqual(["audit_log_append_only"]);
    expect(await attempt("service_role", CHANGES.delete)).toBe("refused");
  });
});
