// The committed Database types are what the migrations generate (npm run db:types).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from "../../scripts/db-types";

describe("generated Database types", () => {
  it("src/lib/catalog/database.types.ts matches the migrations; run `npm run db:types` if not", async () => {
    const committed = fs.readFileSync(DATABASE_TYPES_FILE, "utf8");
    expect(await generateDatabaseTypes()).toBe(committed);
  });

  it("covers the API schemas only: no helper of media_references_private is typed", () => {
    const committed = fs.readFileSync(DATABASE_TYPES_FILE, "utf8");
    expect(committed).toMatch(/match_references: \{/);
    expect(committed).toMatch(/reference_images_with_shot: \{/);
    expect(committed).not.toMatch(/media_references_private|is_staff|metadata_problem|shot_exists/);
  });
});
