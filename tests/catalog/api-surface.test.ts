// Helpers are not API (issue 9 §4): over HTTP, as PostgREST serves it, a signed-in staff user
// cannot call them through /rest/v1/rpc, and their schema cannot be selected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RestartableCatalog } from "../helpers/restartable-catalog";

let catalog: RestartableCatalog;
let token: string;
beforeAll(async () => {
  catalog = await RestartableCatalog.start();
  token = (await catalog.signIn("editor@eav.local")).config.accessToken!;
});
afterAll(async () => catalog?.close());

async function rpc(name: string, body: unknown, profile = "media_references") {
  const res = await fetch(`${catalog.url}/rest/v1/rpc/${name}`, {
    method: "POST",
    headers: {
      apikey: catalog.server.anonKey,
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "content-profile": profile,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { code?: string } };
}

describe("the API surface", () => {
  const helpers: Array<[string, unknown]> = [
    ["shot_exists", { p_shot_id: "00000000-0000-4000-b000-000000000001" }],
    ["is_staff", {}],
    ["is_admin", {}],
    ["metadata_problem", { metadata: {} }],
    ["check_embedding", { embedding: "[1,2,3]" }],
    ["resolve_model_version", { requested: null }],
    ["reference_problem", { file_path: "x", corrected_metadata: {}, original_catalog: null }],
  ];

  it.each(helpers)("/rest/v1/rpc/%s is 404 PGRST202", async (name, body) => {
    expect(await rpc(name, body)).toMatchObject({ status: 404, body: { code: "PGRST202" } });
  });

  it("the helpers' schema is not exposed: 406 PGRST106", async () => {
    expect(await rpc("is_staff", {}, "media_references_private")).toMatchObject({
      status: 406,
      body: { code: "PGRST106" },
    });
  });

  it("the API functions still answer the same caller", async () => {
    const shots = await rpc("list_shots", {});
    expect(shots.status).toBe(200);
    expect(shots.body).toHaveLength(8);
    expect(await rpc("shot_reference_count", { p_shot_id: (shots.body as unknown as [{ id: string }])[0].id })).toEqual(
      {
        status: 200,
        body: 0,
      },
    );
  });
});
