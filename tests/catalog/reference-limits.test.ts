// Limits and zero vectors: the client (src/lib/catalog) and the database refuse the same input
// with the same numbers and the same message, and the database's refusal classifies to the same
// CatalogError code as the client's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_LIMITS, classify, embeddingProblem, jsonbTextBytes, referenceProblem } from "../../src/lib/catalog";
import { META, embedding, freshCatalog, vec, type TestCatalog } from "../helpers/catalog-db";

let c: TestCatalog;
beforeAll(async () => {
  c = await freshCatalog();
});
afterAll(async () => c?.db.close());

const PATH = "/Volumes/EAV Media/Küche/clip.mov";
const words = (n: number, length = 5) => Array.from({ length: n }, (_, i) => `${i}`.padEnd(length, "k"));

// [what, file_path, corrected_metadata, original_catalog]
const SAMPLES: Array<[string, string, unknown, unknown]> = [
  ["within every limit", PATH, { ...META, keywords: words(50, 100) }, { note: "é".repeat(8000) }],
  ["an empty path", "", META, null],
  ["a path of 4096 characters", "p".repeat(4096), META, null],
  ["a path of 4097 characters", "p".repeat(4097), META, null],
  ["a 200-character subject of emoji", PATH, { ...META, subject: "🍳".repeat(200) }, null],
  ["a 201-character subject of emoji", PATH, { ...META, subject: "🍳".repeat(201) }, null],
  ["a 1 MB subject", PATH, { ...META, subject: "s".repeat(1_000_000) }, null],
  ["a long location", PATH, { ...META, location: "l".repeat(300) }, null],
  ["a long action", PATH, { ...META, action: "a".repeat(201) }, null],
  ["a long cameraId", PATH, { ...META, cameraId: "c".repeat(201) }, null],
  ["51 keywords", PATH, { ...META, keywords: words(51) }, null],
  ["20,000 keywords", PATH, { ...META, keywords: words(20_000) }, null],
  ["a keyword of 101 characters", PATH, { ...META, keywords: ["ok", "k".repeat(101)] }, null],
  ["an original_catalog of 16384 bytes", PATH, META, { n: "x".repeat(16384 - 9) }],
  ["an original_catalog of 16385 bytes", PATH, META, { n: "x".repeat(16384 - 8) }],
  ["a 10 MB original_catalog", PATH, META, { blob: "x".repeat(10_000_000) }],
  ["a nested original_catalog", PATH, META, { a: [1, 2.5, true, null, { b: '日本語\n"q"' }], c: {} }],
];

describe("reference limits: client and database agree", () => {
  it.each(SAMPLES)("%s", async (_what, filePath, meta, original) => {
    const [{ p }] = await c.as<{ p: string | null }>(
      "employee",
      "select media_references_private.reference_problem($1, $2::jsonb, $3::jsonb) p",
      [filePath, JSON.stringify(meta), original === null ? null : JSON.stringify(original)],
    );
    expect(referenceProblem(filePath, meta, original)).toBe(p);
  });

  it("measures JSON as Postgres prints jsonb", async () => {
    for (const value of SAMPLES.map((s) => s[3]).filter((v) => v !== null)) {
      const [{ n }] = (
        await c.db.query<{ n: number }>("select octet_length($1::jsonb::text) n", [JSON.stringify(value)])
      ).rows;
      expect(jsonbTextBytes(value)).toBe(n);
    }
  });

  it("save_reference refuses with 22023 limit_exceeded, and the client classifies it as its own refusal", async () => {
    const keywords = words(20_000);
    const err = await c
      .as("employee", "select media_references.save_reference($1, $2, $3::jsonb, $4::extensions.vector)", [
        crypto.randomUUID(),
        PATH,
        JSON.stringify({ ...META, keywords }),
        vec(embedding(3)),
      ])
      .catch((e) => e);
    expect({ code: err.code, detail: err.detail }).toEqual({ code: "22023", detail: "limit_exceeded" });
    const classified = classify({ code: err.code, message: err.message, details: err.detail, hint: err.hint }, 400);
    expect(classified.code).toBe("LIMIT_EXCEEDED");
    expect(classified.message).toBe(`the reference is too large: ${referenceProblem(PATH, { ...META, keywords })}`);
    expect(classified.retryable).toBe(false);
  });

  it("a direct insert over the limits meets reference_images_within_limits (23514)", async () => {
    await expect(
      c.as(
        "employee",
        "insert into media_references.reference_images (file_path, corrected_metadata, original_catalog) values ($1, $2, $3)",
        [PATH, JSON.stringify(META), JSON.stringify({ blob: "x".repeat(20_000) })],
      ),
    ).rejects.toMatchObject({ code: "23514", constraint: "reference_images_within_limits" });
  });

  it("keeps the numbers the issue asks for", () => {
    expect(REFERENCE_LIMITS).toEqual({
      filePathChars: 4096,
      textChars: 200,
      keywords: 50,
      keywordChars: 100,
      originalCatalogBytes: 16384,
    });
  });
});

describe("zero and non-finite vectors", () => {
  it("the client refuses a zero vector with the database's message, and both classify as INVALID_EMBEDDING", async () => {
    const zero = Array(512).fill(0);
    const err = await c
      .as("anon", "select * from media_references.match_references($1::extensions.vector)", [vec(zero)])
      .catch((e) => e);
    expect({ code: err.code, detail: err.detail }).toEqual({ code: "22023", detail: "invalid_embedding" });
    expect(embeddingProblem(zero)).toBe(err.message);
    expect(classify({ code: err.code, message: err.message, details: err.detail }, 400).code).toBe("INVALID_EMBEDDING");
  });

  it("values too small for float4 count as zero, as they do once stored", async () => {
    const tiny = Array(512).fill(1e-46);
    const [{ norm }] = (
      await c.db.query<{ norm: number }>("select extensions.vector_norm($1::extensions.vector) norm", [vec(tiny)])
    ).rows;
    expect(norm).toBe(0);
    expect(embeddingProblem(tiny)).toMatch(/^embedding is all zeros/);
    expect(embeddingProblem(tiny.map((v, i) => (i === 7 ? 1e-45 : v)))).toBeNull();
  });

  it("non-finite values: the client names the index; pgvector refuses them before save_reference runs (22000)", async () => {
    const bad = embedding(4).map((v, i) => (i === 3 ? Infinity : v));
    expect(embeddingProblem(bad)).toBe("embedding value 3 is Infinity: embeddings must be finite numbers");
    const err = await c
      .as("anon", "select * from media_references.match_references($1::extensions.vector)", [vec(bad)])
      .catch((e) => e);
    expect(err.code).toBe("22000");
    expect(classify({ code: err.code, message: err.message }, 400).code).toBe("INVALID_EMBEDDING");
  });
});
