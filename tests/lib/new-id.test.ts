import { describe, expect, it } from "vitest";
import { newId } from "../../src/lib/ids/new-id";

describe("newId", () => {
  it("makes version-4 UUIDs that Postgres's uuid type accepts, different every time", () => {
    const ids = Array.from({ length: 200 }, newId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(200);
  });
});
