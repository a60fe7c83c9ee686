// A correction the catalog can act on (issue 22 §4, ADR-0029): match_references says when each
// reference was last corrected and by whom; staff carry a correction over to the older references
// of its shot (audited, a dry run first), an admin undoes one such change. Against the embedded
// catalog with the real migrations, as every role of the RLS matrix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  META,
  SAVE_SQL,
  embedding,
  freshCatalog,
  saveParams,
  vec,
  type Actor,
  type TestCatalog,
} from "../helpers/catalog-db";

let c: TestCatalog;
let shot: string;
const older = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
let correction: string;

const UPDATE = `select * from media_references.update_older_references($1, $2::text[], $3)`;
const UNDO = `select media_references.undo_reference_update($1) as undone`;
const location = async (id: string) =>
  (
    await c.db.query<{ loc: string; at: string }>(
      `select corrected_metadata ->> 'location' as loc, corrected_at::text as at
         from media_references.reference_images where id = $1`,
      [id],
    )
  ).rows[0];

async function codeOf(actor: Actor, sql: string, params: unknown[]): Promise<string> {
  try {
    await c.as(actor, sql, params);
    return "done";
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  }
}

beforeAll(async () => {
  c = await freshCatalog();
  shot = c.shots.get(4)!;
  // three older views say kitchen; then the editor's correction of one more view says utility room
  for (const [i, id] of older.entries())
    await c.as("admin", SAVE_SQL, saveParams(id, { shot, emb: vec(embedding(10 + i, 4)) }));
  correction = crypto.randomUUID();
  await c.as(
    "employee",
    SAVE_SQL,
    saveParams(correction, { shot, meta: { ...META, location: "utility room" }, emb: vec(embedding(20, 4)) }),
  );
});
afterAll(async () => c?.db.close());

describe("corrections of a shot in the catalog", () => {
  it("match_references answers when each reference was corrected, and whether by the caller", async () => {
    const sql = `select reference_id, corrected_at, corrected_by_you
                   from media_references.match_references($1::extensions.vector, 10)`;
    const mine = await c.as<{ reference_id: string; corrected_at: string; corrected_by_you: boolean }>(
      "employee",
      sql,
      [vec(embedding(20, 4))],
    );
    const byId = new Map(mine.map((r) => [r.reference_id, r]));
    expect(byId.get(correction)?.corrected_by_you).toBe(true);
    expect(byId.get(older[0])?.corrected_by_you).toBe(false);
    expect(new Date(byId.get(correction)!.corrected_at) > new Date(byId.get(older[2])!.corrected_at)).toBe(true);
    const anon = await c.as<{ corrected_by_you: boolean }>("anon", sql, [vec(embedding(20, 4))]);
    expect(anon.length).toBe(4);
    expect(anon.every((r) => r.corrected_by_you === false)).toBe(true);
  });

  it("refuses anon and clients; staff get a dry run that changes nothing", async () => {
    expect(await codeOf("anon", UPDATE, [correction, ["location"], true])).toBe("42501");
    expect(await codeOf("client", UPDATE, [correction, ["location"], true])).toBe("42501");
    expect(await codeOf("employee", UPDATE, [correction, ["keywords"], true])).toBe("22023");
    const dry = await c.as<{ reference_id: string; changed_fields: string[]; audit_id: number | null }>(
      "employee",
      UPDATE,
      [correction, ["location", "subject"], true],
    );
    expect(dry.map((r) => r.reference_id).sort()).toEqual([...older].sort());
    expect(dry.every((r) => r.changed_fields.join() === "location" && r.audit_id === null)).toBe(true);
    expect((await location(older[0])).loc).toBe("kitchen");
  });

  it("staff bring the older references in line, each change audited, the correction's time kept", async () => {
    const fix = await location(correction);
    const done = await c.as<{ reference_id: string; audit_id: number }>("employee", UPDATE, [
      correction,
      ["location"],
      false,
    ]);
    expect(done).toHaveLength(3);
    for (const id of older) expect(await location(id)).toEqual({ loc: "utility room", at: fix.at });
    const audit = await c.db.query<{ id: number; row_id: string; actor: string; before: string; after: string }>(
      `select id, row_id, actor, old_row -> 'corrected_metadata' ->> 'location' as before,
              new_row -> 'corrected_metadata' ->> 'location' as after
         from media_references.audit_log where id = any($1::bigint[]) order by id`,
      [done.map((d) => d.audit_id)],
    );
    expect(audit.rows.map((r) => [r.before, r.after])).toEqual([
      ["kitchen", "utility room"],
      ["kitchen", "utility room"],
      ["kitchen", "utility room"],
    ]);
    expect(new Set(audit.rows.map((r) => r.row_id))).toEqual(new Set(older));
    // nothing left to change: a second run is empty
    expect(await c.as("employee", UPDATE, [correction, ["location"], false])).toEqual([]);
  });

  it("only an admin undoes one change, exactly, and not once the reference changed again", async () => {
    const entries = await c.db.query<{ id: number; row_id: string }>(
      `select id, row_id from media_references.audit_log
        where table_name = 'reference_images' and operation = 'UPDATE' and row_id = any($1::uuid[]) order by id`,
      [older],
    );
    const [first, second] = entries.rows;
    const before = await c.db.query<{ at: string }>(
      `select (old_row ->> 'corrected_at')::timestamptz::text as at from media_references.audit_log where id = $1`,
      [first.id],
    );
    expect(await codeOf("employee", UNDO, [first.id])).toBe("42501");
    expect(await codeOf("client", UNDO, [first.id])).toBe("42501");
    expect(await codeOf("anon", UNDO, [first.id])).toBe("42501");
    await c.as("admin", UNDO, [first.id]);
    expect(await location(first.row_id)).toEqual({ loc: "kitchen", at: before.rows[0].at });
    // undone once; again would overwrite what is there now
    expect(await codeOf("admin", UNDO, [first.id])).toBe("40001");
    // a person corrected the second one since: its undo is refused, its values kept
    await c.as(
      "employee",
      `update media_references.reference_images set corrected_metadata = corrected_metadata || '{"location":"pantry"}' where id = $1`,
      [second.row_id],
    );
    expect(await codeOf("admin", UNDO, [second.id])).toBe("40001");
    expect((await location(second.row_id)).loc).toBe("pantry");
  });

  it("a person's change of values is a new correction: corrected_at moves; a status change does not move it", async () => {
    const id = older[2];
    const was = await location(id);
    await c.as("employee", `update media_references.reference_images set review_status = 'pending' where id = $1`, [
      id,
    ]);
    expect((await location(id)).at).toBe(was.at);
    await c.as(
      "employee",
      `update media_references.reference_images set corrected_metadata = corrected_metadata || '{"location":"larder"}' where id = $1`,
      [id],
    );
    expect(new Date((await location(id)).at) > new Date(was.at)).toBe(true);
  });
});
