// The panel's catalog client and save outbox against the local server over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogError, SaveOutbox, memoryStorage, type SaveReferenceInput } from "../../src/lib/catalog";
import { metadataProblem } from "../../src/shared/metadata/ia-metadata";
import { RestartableCatalog } from "../helpers/restartable-catalog";
import { META, embedding } from "../helpers/catalog-db";

let catalog: RestartableCatalog;
beforeAll(async () => {
  catalog = await RestartableCatalog.start();
});
afterAll(async () => catalog?.close());

const anon = () => catalog.anon();
const input = (extra: Partial<SaveReferenceInput> = {}): SaveReferenceInput => ({
  referenceId: crypto.randomUUID(),
  filePath: "/Volumes/EAV Media/日本語/clip.mov",
  correctedMetadata: { ...META, shotType: "MID" },
  embedding: embedding(11),
  ...extra,
});

describe("CatalogClient", () => {
  it("signs in, lists planned shots, saves and matches", async () => {
    const editor = await catalog.signIn("editor@eav.local");
    const shots = await editor.listShots();
    expect(shots.length).toBe(8);
    const saved = await editor.saveReference(input({ shotId: shots[0].id }));
    expect(saved).toMatchObject({ created: true, shotId: shots[0].id });
    const [top] = await anon().match(embedding(11), { k: 3 });
    expect(top.referenceId).toBe(saved.id);
    expect(top.shot?.id).toBe(shots[0].id);
    expect(top.metadata.shotType).toBe("MID");
    expect(await anon().defaultModelVersion()).toBe("Xenova/clip-vit-base-patch32@q8");
  });

  it("classifies every refusal with a code the panel can explain", async () => {
    const editor = await catalog.signIn("editor@eav.local");
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: CatalogError) => e.code,
      );
    expect(await codeOf(editor.saveReference(input({ embedding: embedding(1).slice(0, 100) })))).toBe(
      "INVALID_EMBEDDING",
    );
    expect(await codeOf(editor.saveReference(input({ embedding: embedding(1).map((v, i) => (i ? v : NaN)) })))).toBe(
      "INVALID_EMBEDDING",
    );
    expect(await codeOf(editor.saveReference(input({ embedding: Array(512).fill(0) })))).toBe("INVALID_EMBEDDING");
    expect(await codeOf(anon().match(Array(512).fill(0)))).toBe("INVALID_EMBEDDING");
    expect(await codeOf(editor.saveReference(input({ originalCatalog: { notes: "x".repeat(20_000) } })))).toBe(
      "LIMIT_EXCEEDED",
    );
    expect(await codeOf(editor.saveReference(input({ modelVersion: "nope" })))).toBe("UNKNOWN_MODEL");
    expect(await codeOf(editor.saveReference(input({ shotId: crypto.randomUUID() })))).toBe("UNKNOWN_SHOT");
    expect(
      await codeOf(editor.saveReference(input({ correctedMetadata: { ...META, shotType: "OBJ-L" } as never }))),
    ).toBe("INVALID_METADATA");
    expect(await codeOf(anon().saveReference(input()))).toBe("NOT_ALLOWED");
    expect(await codeOf(anon().signIn("editor@eav.local", "wrong"))).toBe("AUTH");
  });
});

describe("SaveOutbox", () => {
  it("keeps a save the catalog cannot reach and delivers it exactly once when it is back", async () => {
    const editor = await catalog.signIn("admin@eav.local");
    const storage = memoryStorage();
    let clock = 0;
    const outbox = new SaveOutbox(
      storage,
      (i) => editor.saveReference(i),
      () => clock,
    );

    await catalog.stop(); // the network goes away
    const first = await outbox.save(input());
    expect(first.saved).toBeUndefined();
    expect(first.kept).toMatchObject({ state: "pending", attempts: 1, lastError: { code: "UNREACHABLE" } });
    expect(storage.read()).toHaveLength(1);

    clock += 10_000;
    expect((await outbox.flush())[0].kept?.attempts).toBe(2); // still down: kept, backed off

    await catalog.restart();
    clock += 60_000;
    const [delivered] = await outbox.flush();
    expect(delivered.saved).toMatchObject({ id: first.referenceId, created: true });
    expect(storage.read()).toEqual([]);
    const { rows } = await catalog.db.query(
      "select count(*)::int n from media_references.reference_images where id = $1",
      [first.referenceId],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("keeps a refused save as failed, with the reason, until the editor fixes or discards it", async () => {
    const editor = await catalog.signIn("admin@eav.local");
    const outbox = new SaveOutbox(memoryStorage(), (i) => editor.saveReference(i));
    const bad = await outbox.save(input({ shotId: crypto.randomUUID() }));
    expect(bad.kept).toMatchObject({ state: "failed", lastError: { code: "UNKNOWN_SHOT" } });
    expect(await outbox.flush()).toEqual([]); // failed entries are not retried blindly
    expect(outbox.entries()).toHaveLength(1);
    const fixed = await outbox.retry(bad.referenceId, { shotId: null });
    expect(fixed.saved).toMatchObject({ id: bad.referenceId, created: true });
    expect(outbox.entries()).toEqual([]);
  });
});

describe("metadata rules are the same in TypeScript and in the database", () => {
  const samples: unknown[] = [
    META,
    { location: "kitchen", subject: "oven", shotType: "CU", shotNumber: 3, lockedFields: ["subject"], cameraId: "A" },
    { location: "", subject: "oven", shotType: "CU" },
    { location: "kitchen", subject: "oven", shotType: "OBJ-R" },
    { location: "kitchen", subject: "oven", shotType: "CU", shotNumber: 0 },
    { location: "kitchen", subject: "oven", shotType: "CU", shotNumber: 1.5 },
    { location: "kitchen", subject: "oven", shotType: "CU", keywords: "oven" },
    { location: "kitchen", subject: "oven", shotType: "CU", lockedFields: ["cameraId"] },
    { location: "kitchen", subject: "oven", shotType: "CU", action: 5 },
    { location: "kitchen", subject: "oven", shotType: "CU", extra: true },
    { location: "Küche", subject: "日本語 🍳", shotType: "ESTAB", action: null, keywords: [] },
    [],
    "text",
  ];
  it.each(samples.map((s) => [JSON.stringify(s), s]))("%s", async (_label, sample) => {
    const { rows } = await catalog.db.query<{ p: string | null }>(
      "select media_references_private.metadata_problem($1::jsonb) p",
      [JSON.stringify(sample)],
    );
    expect(metadataProblem(sample)).toBe(rows[0].p);
  });
});
