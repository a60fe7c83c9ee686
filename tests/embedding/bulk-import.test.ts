// The CLI's bulk import in Node: IA sidecars → CLIP embeddings (tiny model) → the local catalog
// over HTTP, idempotent across runs, with unreachable saves kept and retried.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkImport } from "../../src/cli/bulk-import";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { RestartableCatalog } from "../helpers/restartable-catalog";
import { sampleMedia } from "../helpers/sample-media";
import { tinyClip } from "../helpers/tiny-clip";

let catalog: RestartableCatalog;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "rl-import-"));

function library(name: string, entries: Record<string, unknown>, files: Record<string, string>): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [target, source] of Object.entries(files)) fs.copyFileSync(source, path.join(dir, target));
  fs.writeFileSync(
    path.join(dir, ".ingest-metadata.json"),
    JSON.stringify({ _schema: "2.0", _completed: true, ...entries }),
  );
  return dir;
}

const editor = () => catalog.signIn("editor@eav.local");

beforeAll(async () => {
  catalog = await RestartableCatalog.start();
});
afterAll(async () => catalog?.close());

describe("bulk import of a corrected library", () => {
  it("imports stills and videos of any codec, reports bad entries, and is idempotent", async () => {
    const m = sampleMedia();
    const dir = library(
      "Küche Tag 1 — 日本語",
      {
        "kitchen-hob-CU.jpg": {
          location: "kitchen",
          subject: "hob",
          shotType: "CU",
          keywords: ["hob"],
          reviewedBy: "ana",
        },
        "kitchen oven MID.mp4": {
          location: "kitchen",
          subject: "oven",
          action: "cleaning",
          shotType: "MID",
          shotNumber: 3,
        },
        "bathroom tap (ProRes).mov": { location: "bathroom", subject: "tap", action: "running", shotType: "CU" },
        "wrong-vocabulary.jpg": { location: "garden", subject: "tree", shotType: "OBJ-L" },
        "not-there.mp4": { location: "garden", subject: "gate", action: "opening", shotType: "WS" },
      },
      {
        "kitchen-hob-CU.jpg": m.still.path,
        "kitchen oven MID.mp4": m.h264.path,
        "bathroom tap (ProRes).mov": m.prores.path,
        "wrong-vocabulary.jpg": m.still.path,
      },
    );
    const model = await tinyClip();
    const outboxFile = path.join(work, "outbox-1.json");
    const first = await bulkImport([dir], { model, catalog: await editor(), outboxFile });
    expect(first).toMatchObject({ saved: 3, alreadyInCatalog: 0, keptForRetry: 0 });
    expect(first.failed.map((f) => path.basename(f.file)).sort()).toEqual(["not-there.mp4", "wrong-vocabulary.jpg"]);
    expect(first.failed.find((f) => f.file.endsWith("wrong-vocabulary.jpg"))?.problem).toContain('shotType "OBJ-L"');

    const again = await bulkImport([dir], { model, catalog: await editor(), outboxFile });
    expect(again).toMatchObject({ saved: 0, alreadyInCatalog: 3 });

    // the imported still is found again by its own embedding
    const [query] = await model.embedImages([await decodeImageForClip(m.still.path, model.preprocess)]);
    const [top] = await (await editor()).match(query, { modelVersion: model.modelVersion, k: 1 });
    expect(top.filePath).toBe(path.join(dir, "kitchen-hob-CU.jpg"));
    expect(top.correctedMetadata).toEqual({ location: "kitchen", subject: "hob", shotType: "CU", keywords: ["hob"] });
  });

  it("keeps saves the catalog cannot reach and delivers them on the next run", async () => {
    const dir = library(
      "offline run",
      { "still.jpg": { location: "hall", subject: "door", shotType: "WS" } },
      { "still.jpg": sampleMedia().still.path },
    );
    const model = await tinyClip();
    const outboxFile = path.join(work, "outbox-2.json");
    const client = await editor();
    await catalog.stop();
    const offline = await bulkImport([dir], { model, catalog: client, outboxFile });
    expect(offline).toMatchObject({ saved: 0, keptForRetry: 1 });
    expect(JSON.parse(fs.readFileSync(outboxFile, "utf8"))).toHaveLength(1);
    await catalog.restart();
    const online = await bulkImport([], { model, catalog: client, outboxFile });
    expect(online).toMatchObject({ saved: 1, keptForRetry: 0 });
    expect(JSON.parse(fs.readFileSync(outboxFile, "utf8"))).toEqual([]);
  });

  it("refuses a sidecar of another schema with a clear message", async () => {
    const dir = path.join(work, "old");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, ".ingest-metadata.json"), JSON.stringify({ _schema: "1.0" }));
    await expect(
      bulkImport([dir], { model: await tinyClip(), catalog: await editor(), outboxFile: path.join(work, "o3.json") }),
    ).rejects.toThrow(/_schema is "1.0", this importer reads "2.0"/);
  });
});
