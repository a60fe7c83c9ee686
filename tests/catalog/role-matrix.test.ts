// Who may do what, each request run as PostgREST runs it (SET LOCAL ROLE + request.jwt.claims).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTORS,
  SAVE_SQL,
  embedding,
  freshCatalog,
  saveParams,
  vec,
  type Actor,
  type TestCatalog,
} from "../helpers/catalog-db";
import { LOCAL_USERS } from "../../src/server/catalog/seed";

let c: TestCatalog;
let referenceId: string;
beforeAll(async () => {
  c = await freshCatalog();
  referenceId = crypto.randomUUID();
  await c.as("employee", SAVE_SQL, saveParams(referenceId, { shot: c.shots.get(1) }));
});
afterAll(async () => c?.db.close());

/** What happened: rows seen/changed, or the SQLSTATE class of the refusal. */
async function outcome(actor: Actor, sql: string, params: unknown[] = []): Promise<string> {
  try {
    const rows = await c.as<Record<string, unknown>>(actor, sql, params);
    return `rows:${rows.length}`;
  } catch (e) {
    const code = (e as { code?: string }).code ?? "?";
    return code === "42501" ? "denied" : code.startsWith("23") ? "integrity" : `error:${code}`;
  }
}

const MATRIX: Array<[string, (a: Actor) => Promise<string>, Record<Actor, string | RegExp>]> = [
  [
    "select shots",
    (a) => outcome(a, "select id from public.shots"),
    { anon: "denied", client: "rows:0", employee: "rows:8", admin: "rows:8", service_role: "rows:8" },
  ],
  [
    "select the catalog",
    (a) => outcome(a, "select id from media_references.reference_images"),
    { anon: "rows:1", client: "rows:1", employee: "rows:1", admin: "rows:1", service_role: "rows:1" },
  ],
  [
    "select the curated view",
    (a) => outcome(a, "select id from media_references.reference_images_with_shot where shot_number = 1"),
    { anon: "rows:1", client: "rows:1", employee: "rows:1", admin: "rows:1", service_role: "rows:1" },
  ],
  [
    "match",
    (a) => outcome(a, "select * from media_references.match_references($1::extensions.vector, 5)", [vec(embedding(1))]),
    { anon: "rows:1", client: "rows:1", employee: "rows:1", admin: "rows:1", service_role: "rows:1" },
  ],
  [
    "save",
    (a) => outcome(a, SAVE_SQL, saveParams(crypto.randomUUID())),
    { anon: "denied", client: "denied", employee: "rows:1", admin: "rows:1", service_role: "rows:1" },
  ],
  [
    "update a reference",
    (a) =>
      outcome(
        a,
        "update media_references.reference_images set review_status = 'confirmed' where id = $1 returning id",
        [referenceId],
      ),
    { anon: "denied", client: "rows:0", employee: "rows:1", admin: "rows:1", service_role: "rows:1" },
  ],
  [
    "delete a reference",
    async (a) => {
      const id = crypto.randomUUID(); // a reference of its own for each actor
      await c.as("admin", SAVE_SQL, saveParams(id));
      return outcome(a, "delete from media_references.reference_images where id = $1 returning id", [id]);
    },
    { anon: "denied", client: "rows:0", employee: "rows:0", admin: "rows:1", service_role: "rows:1" },
  ],
  [
    "add a shot",
    async (a) => {
      const got = await outcome(a, "insert into public.shots (subject) values ('matrix') returning id");
      await c.db.query("delete from public.shots where subject = 'matrix'"); // the shot list counts 8
      return got;
    },
    { anon: "denied", client: "denied", employee: "rows:1", admin: "rows:1", service_role: "rows:1" },
  ],
  [
    "change a shot",
    (a) => outcome(a, "update public.shots set variant = 'b' where id = $1 returning id", [c.shots.get(2)]),
    { anon: "denied", client: "rows:0", employee: "rows:1", admin: "rows:1", service_role: "rows:1" },
  ],
  [
    "delete a shot that has references",
    (a) => outcome(a, "delete from public.shots where id = $1 returning id", [c.shots.get(1)]),
    { anon: "denied", client: "rows:0", employee: "integrity", admin: "integrity", service_role: "integrity" },
  ],
];

describe.each(MATRIX)("%s", (_action, run, expected) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const got = await run(actor);
    expect(got).toEqual(expected[actor]);
  });
});

describe("staff status comes only from sources the user cannot edit", () => {
  it("a client who sets user_metadata.role = admin is still refused", async () => {
    const forged = {
      role: "authenticated" as const,
      sub: LOCAL_USERS.client.id,
      user_metadata: { role: "admin" },
    };
    await expect(c.as(forged, SAVE_SQL, saveParams(crypto.randomUUID()))).rejects.toMatchObject({ code: "42501" });
  });

  it("app_metadata.role (set only by the server) grants staff without a profile row", async () => {
    const jwtStaff = { role: "authenticated" as const, sub: crypto.randomUUID(), app_metadata: { role: "employee" } };
    const [row] = await c.as<{ saved: { created: boolean } }>(jwtStaff, SAVE_SQL, saveParams(crypto.randomUUID()));
    expect(row.saved.created).toBe(true);
  });

  it("a client cannot promote itself through user_profiles", async () => {
    await expect(
      c.as("client", "update public.user_profiles set role = 'admin' where id = $1", [LOCAL_USERS.client.id]),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("auth.role() only ever says anon/authenticated/service_role, so the ADR's policy could never match", async () => {
    const roles = await Promise.all(
      ACTORS.map(async (a) => (await c.as<{ r: string }>(a, "select auth.role() r"))[0].r),
    );
    expect(new Set(roles)).toEqual(new Set(["anon", "authenticated", "service_role"]));
  });
});

describe("anon has no path into public.shots", () => {
  it("the view shows only the safe shot columns, and only for shots a reference links to", async () => {
    const viewCols = (
      await c.as<{ column_name: string }>(
        "anon",
        "select column_name from information_schema.columns where table_schema = 'media_references' and table_name = 'reference_images_with_shot'",
      )
    ).map((r) => r.column_name);
    for (const secret of ["owner_user_id", "location_other", "subject_other", "location_start_point"]) {
      expect(viewCols).not.toContain(secret);
    }
    const linked = await c.as<{ shot_id: string }>("anon", "select shot_id from media_references.linked_shot_fields()");
    expect(linked.map((r) => r.shot_id)).toEqual([c.shots.get(1)]);
  });

  it("anon cannot list shots, count references or call the staff RPCs", async () => {
    for (const sql of [
      "select * from media_references.list_shots()",
      "select media_references.shot_reference_count(gen_random_uuid())",
      "select media_references_private.is_staff()",
    ]) {
      await expect(c.as("anon", sql)).rejects.toMatchObject({ code: "42501" });
    }
  });

  it("the staff shot list refuses clients", async () => {
    await expect(c.as("client", "select * from media_references.list_shots()")).rejects.toMatchObject({
      code: "42501",
      message: expect.stringContaining("only staff"),
    });
    const rows = await c.as<{ reference_count: number; shot_number: number }>(
      "employee",
      "select * from media_references.list_shots()",
    );
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.shot_number === 1)?.reference_count).toBeGreaterThanOrEqual(1);
  });
});
