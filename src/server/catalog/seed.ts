// Sample data for the local catalog and the tests: staff and client users, and planned shots
// shaped like EAV's (docs/facts/eav-shots.md). Runs as the superuser, as an admin seeding a project would.
import type { PGlite } from "@electric-sql/pglite";

export interface LocalUser {
  id: string;
  email: string;
  profileRole: "admin" | "employee" | "client";
}

export const LOCAL_USERS: Record<"admin" | "employee" | "client", LocalUser> = {
  admin: { id: "00000000-0000-4000-a000-000000000001", email: "admin@eav.local", profileRole: "admin" },
  employee: { id: "00000000-0000-4000-a000-000000000002", email: "editor@eav.local", profileRole: "employee" },
  client: { id: "00000000-0000-4000-a000-000000000003", email: "client@eav.local", profileRole: "client" },
};

export const SAMPLE_SCENE_ID = "00000000-0000-4000-b000-000000000001";

export const SAMPLE_SHOTS = [
  { n: 1, subject: "oven", action: "cleaning", type: "MID", loc: "kitchen", move: "Standard", status: "1st_take" },
  { n: 2, subject: "oven", action: "cleaning", type: "CU", loc: "kitchen", move: "Standard", status: "1st_take" },
  { n: 3, subject: "hob", action: "wiping", type: "CU", loc: "kitchen", move: "Standard", status: "no_work" },
  { n: 4, subject: "kitchen", action: "walkthrough", type: "WS", loc: "kitchen", move: "Tracking", status: "2nd_take" },
  { n: 5, subject: "tap", action: "running", type: "CU", loc: "bathroom", move: "Standard", status: "no_work" },
  {
    n: 6,
    subject: "bathroom",
    action: "reveal",
    type: "WS",
    loc: "bathroom",
    move: "Establishing",
    status: "1st_take",
  },
  {
    n: 7,
    subject: "boiler",
    action: "inspection",
    type: "FP",
    loc: "utility room",
    move: "Standard",
    status: "no_work",
  },
  { n: 8, subject: "garden", action: "overview", type: "WS", loc: "garden", move: "Photos", status: "no_work" },
] as const;

export async function seedUsers(db: PGlite): Promise<void> {
  for (const u of Object.values(LOCAL_USERS)) {
    await db.query(`insert into auth.users (id, email) values ($1, $2) on conflict (id) do nothing`, [u.id, u.email]);
    await db.query(
      `insert into public.user_profiles (id, role) values ($1, $2) on conflict (id) do update set role = excluded.role`,
      [u.id, u.profileRole],
    );
  }
}

/** Inserts the sample shots once; returns their ids by shot number. */
export async function seedShots(db: PGlite): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  for (const s of SAMPLE_SHOTS) {
    const existing = await db.query<{ id: string }>(
      "select id from public.shots where scene_id = $1 and shot_number = $2",
      [SAMPLE_SCENE_ID, s.n],
    );
    const id =
      existing.rows[0]?.id ??
      (
        await db.query<{ id: string }>(
          `insert into public.shots (scene_id, shot_number, subject, action, shot_type, location_start_point,
             movement_type, shot_status, owner_user_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
          [SAMPLE_SCENE_ID, s.n, s.subject, s.action, s.type, s.loc, s.move, s.status, LOCAL_USERS.admin.id],
        )
      ).rows[0].id;
    ids.set(s.n, id);
  }
  return ids;
}

/** Local mode only: the committed tiny test model's versions, so the preview and tests can save
 * references embedded with it. A real project registers only real models. */
export async function seedTestModels(db: PGlite): Promise<void> {
  await db.query(
    `insert into media_references.embedding_models (model_version, dimensions, description) values
       ('local/tiny-random-clip@q8', 512, 'tiny random CLIP for tests (not a real model)'),
       ('local/tiny-random-clip@fp32', 512, 'tiny random CLIP for tests (not a real model)')
     on conflict do nothing`,
  );
}
