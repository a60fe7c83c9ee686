import type { PGlite } from "@electric-sql/pglite";
import { openCatalogDatabase } from "../../src/server/catalog/database";
import { asRequest, type JwtClaims } from "../../src/server/catalog/request";
import { LOCAL_USERS, seedShots, seedUsers } from "../../src/server/catalog/seed";
import { randomCentre, unitVector } from "../../src/testing/vectors";

export type Actor = "anon" | "client" | "employee" | "admin" | "service_role";
export const ACTORS: Actor[] = ["anon", "client", "employee", "admin", "service_role"];

export function claimsFor(actor: Actor): JwtClaims {
  switch (actor) {
    case "anon":
      return { role: "anon" };
    case "service_role":
      return { role: "service_role" };
    default:
      return { role: "authenticated", sub: LOCAL_USERS[actor].id, email: LOCAL_USERS[actor].email };
  }
}

export interface TestCatalog {
  db: PGlite;
  shots: Map<number, string>;
  as<T>(actor: Actor | JwtClaims, sql: string, params?: unknown[]): Promise<T[]>;
}

export async function freshCatalog(): Promise<TestCatalog> {
  const db = await openCatalogDatabase();
  await seedUsers(db);
  const shots = await seedShots(db);
  return {
    db,
    shots,
    as: async <T>(actor: Actor | JwtClaims, sql: string, params: unknown[] = []) => {
      const claims = typeof actor === "string" ? claimsFor(actor) : actor;
      return asRequest(db, claims, async (tx) => (await tx.query<T>(sql, params)).rows);
    },
  };
}

/** A deterministic unit vector (as SQL takes it): a cluster centre plus small noise, so
 * neighbours exist. */
export function embedding(seed: number, cluster = seed): number[] {
  return Array.from(unitVector({ centre: randomCentre(cluster), noise: 0.15, seed }));
}

export const vec = (v: number[]) => `[${v.join(",")}]`;

export const META = {
  location: "kitchen",
  subject: "oven",
  action: "cleaning",
  shotType: "MID",
  keywords: ["oven", "steam"],
};

export const SAVE_SQL = `select media_references.save_reference(
  reference_id => $1, file_path => $2, corrected_metadata => $3, embedding => $4::extensions.vector,
  model_version => $5, shot_id => $6) as saved`;

export function saveParams(
  id: string,
  opts: { meta?: unknown; emb?: string; model?: string | null; shot?: string | null } = {},
) {
  return [
    id,
    `/Volumes/EAV Media/Day 1/${id}.mp4`,
    JSON.stringify(opts.meta ?? META),
    opts.emb ?? vec(embedding(1)),
    opts.model ?? null,
    opts.shot ?? null,
  ];
}
