// IA libraries in IA's real shape (tests/fixtures/ia-library): the reader, then the CLI's bulk
// import in Node into the local catalog over HTTP (tiny CLIP model), idempotent across runs,
// with unreachable saves kept and retried, and the CLI's usage.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkImport } from "../../src/cli/bulk-import";
import { readIaLibrary, type LibraryEntry } from "../../src/cli/ia-library";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { ROOT } from "../../src/testing/paths";
import { RestartableCatalog } from "../helpers/restartable-catalog";
import { sampleMedia } from "../../src/testing/sample-media";
import { tinyClip } from "../../src/testing/tiny-clip";

const FIXTURES = path.join(ROOT, "tests/fixtures/ia-library");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "rl-import-"));
let catalog: RestartableCatalog;

/** A copy of a fixture library (under a name with spaces and non-Latin text) with its media. */
function library(fixture: string, media: Record<string, string>, copy = "Küche — 日本語"): string {
  const dir = path.join(work, `${fixture} ${copy}`);
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  for (const [name, source] of Object.entries(media)) fs.copyFileSync(source, path.join(dir, name));
  return dir;
}

function shootDay1(): string {
  const m = sampleMedia();
  return library("shoot-day-1", {
    "kitchen-oven-WS-#1.jpg": m.still.path, // EB001559, renamed by IA
    "EB001560.MP4": m.h264.path,
    "EB001561.JPG": m.still.path, // IA's sidecar names it hall-door-WS-#3.jpg
    "EB001563.JPG": m.still.path,
    "EB001564.MOV": m.prores.path,
  });
}

const byId = (entries: LibraryEntry[], id: string) => entries.find((e) => e.id === id)!;
const editor = () => catalog.signIn("editor@eav.local");

beforeAll(async () => {
  catalog = await RestartableCatalog.start();
});
afterAll(async () => catalog?.close());

describe("reading an IA library", () => {
  it("keys entries by file id and finds media by currentFilename, then originalFilename", () => {
    const dir = shootDay1();
    const { schema, entries, warnings } = readIaLibrary(dir);
    expect(schema).toBe("2.0");
    expect(warnings).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual(["EB001559", "EB001560", "EB001561", "EB001562", "EB001563", "EB001564"]);
    expect(byId(entries, "EB001559")).toMatchObject({
      mediaPath: path.join(dir, "kitchen-oven-WS-#1.jpg"),
      fileType: "image",
    });
    expect(byId(entries, "EB001561")).toMatchObject({
      mediaPath: path.join(dir, "EB001561.JPG"),
      triedNames: ["hall-door-WS-#3.jpg", "EB001561.JPG"],
    });
    expect(byId(entries, "EB001562")).toMatchObject({
      mediaPath: null,
      triedNames: ["garden-gate-WS-#4.jpg", "EB001562.JPG"],
    });
    expect(byId(entries, "EB001560").fileType).toBe("video");
  });

  it("pairs a person's correction with IA's entry, and keeps id, shotName and audit fields", () => {
    const { entries } = readIaLibrary(shootDay1());
    const still = byId(entries, "EB001559");
    const iaValues = {
      location: "kitchen",
      subject: "oven",
      shotType: "WS",
      shotNumber: 1,
      keywords: ["oven", "door"],
      lockedFields: [],
      cameraId: "EB001559",
      source: "ingest-assistant",
    };
    expect(still.ia?.metadata).toEqual(iaValues);
    expect(still.corrected?.metadata).toEqual({
      ...iaValues,
      subject: "hob",
      shotType: "CU",
      keywords: ["hob", "pan"],
      source: "cep-panel",
      reviewedAt: "2025-11-05T16:40:12.000Z",
    });
    expect(still.ia?.entry).toMatchObject({
      id: "EB001559",
      shotName: "kitchen-oven-WS-#1",
      createdBy: "ingest-assistant",
      modifiedBy: "ingest-assistant",
    });
    expect(byId(entries, "EB001564").corrected?.metadata).toMatchObject({
      action: "running",
      lockedFields: ["action"],
    });
    // the panel's unchanged copies are not corrections
    expect(entries.filter((e) => e.corrected).map((e) => e.id)).toEqual(["EB001559", "EB001564"]);
  });

  it("says why an entry IA never analysed cannot be a reference", () => {
    const { entries } = readIaLibrary(shootDay1());
    expect(byId(entries, "EB001563").ia).toMatchObject({
      metadata: null,
      problem: '"location" is required and must be a non-empty string',
    });
  });

  it("reads a schema 1.0 file (no keywords) with a warning", () => {
    const dir = library("legacy-1.0", { "EA000101.JPG": sampleMedia().still.path });
    const { schema, entries, warnings } = readIaLibrary(dir);
    expect(schema).toBe("1.0");
    expect(warnings).toEqual([
      `${path.join(dir, ".ingest-metadata.json")}: schema 1.0 (outdated in IA, no keywords): read without keywords`,
    ]);
    expect(entries[0].ia?.metadata).toEqual({
      location: "lounge",
      subject: "sofa",
      shotType: "WS",
      shotNumber: 1,
      lockedFields: [],
      cameraId: "EA000101",
      source: "ingest-assistant",
    });
  });

  it("refuses a sidecar of an unknown schema with a clear message", () => {
    const dir = path.join(work, "future");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, ".ingest-metadata.json"), JSON.stringify({ _schema: "3.0" }));
    expect(() => readIaLibrary(dir)).toThrow(/_schema is "3.0", this reader knows 1.0 and 2.0/);
  });
});

describe("bulk import of IA libraries", () => {
  it("saves corrections paired with IA's entry, and untouched entries marked pending review", async () => {
    const dir = shootDay1();
    const legacy = library("legacy-1.0", { "EA000101.JPG": sampleMedia().still.path });
    const model = await tinyClip();
    const outboxFile = path.join(work, "outbox-1.json");
    const first = await bulkImport([dir, legacy], { model, catalog: await editor(), outboxFile });
    expect(first).toMatchObject({ saved: 2, alreadyInCatalog: 0, keptForRetry: 0, pendingReview: 3, skipped: 0 });
    expect(first.warnings).toHaveLength(1);
    const problems = Object.fromEntries(first.failed.map((f) => [path.basename(f.file), f.problem]));
    expect(problems["garden-gate-WS-#4.jpg"]).toBe(
      'the media file is not in the folder (looked for "garden-gate-WS-#4.jpg", then "EB001562.JPG")',
    );
    expect(problems["EB001563.JPG"]).toBe('IA\'s entry: "location" is required and must be a non-empty string');
    expect(first.failed).toHaveLength(2);
    // every imported reference has its thumbnail in Storage
    const thumbs = await catalog.db.query<{ n: number; objects: number }>(
      `select count(*) filter (where thumbnail_url like '%/reference-thumbnails/%')::int n,
              (select count(*)::int from storage.objects where bucket_id = 'reference-thumbnails') objects
         from media_references.reference_images`,
    );
    expect(thumbs.rows[0]).toEqual({ n: 5, objects: 5 });
    // IA's own values, which no person confirmed, are in the catalog but pending review
    const statuses = await catalog.db.query<{ name: string; review_status: string }>(
      "select regexp_replace(file_path, '^.*/', '') as name, review_status from media_references.reference_images order by 1",
    );
    expect(Object.fromEntries(statuses.rows.map((r) => [r.name, r.review_status]))).toMatchObject({
      "EB001560.MP4": "pending",
      "EB001561.JPG": "pending",
      "EA000101.JPG": "pending",
      "kitchen-oven-WS-#1.jpg": "confirmed",
    });

    // the corrected still is found by its own embedding, with the correction and IA's entry
    const [query] = await model.embedImages([await decodeImageForClip(sampleMedia().still.path, model.preprocess)]);
    const [top] = await (await editor()).match(query, { modelVersion: model.modelVersion, k: 1 });
    expect(top.filePath).toBe(path.join(dir, "kitchen-oven-WS-#1.jpg"));
    expect(top.correctedMetadata).toMatchObject({ subject: "hob", shotType: "CU", source: "cep-panel" });
    const rows = await catalog.db.query<{ original_catalog: { id: string; subject: string; shotName: string } }>(
      "select original_catalog from media_references.reference_images where file_path = $1",
      [top.filePath],
    );
    expect(rows.rows[0].original_catalog).toMatchObject({
      id: "EB001559",
      subject: "oven",
      shotName: "kitchen-oven-WS-#1",
    });

    // --corrected-only: the corrections are already there, everything else is skipped
    const again = await bulkImport([dir, legacy], { model, catalog: await editor(), outboxFile, correctedOnly: true });
    expect(again).toMatchObject({ saved: 0, alreadyInCatalog: 2, skipped: 5, failed: [] });
  });

  it("keeps saves the catalog cannot reach and delivers them on the next run", async () => {
    const dir = library("shoot-day-1", { "kitchen-oven-WS-#1.jpg": sampleMedia().still.path }, "offline");
    const model = await tinyClip();
    const outboxFile = path.join(work, "outbox-2.json");
    const client = await editor();
    await catalog.stop();
    const offline = await bulkImport([dir], { model, catalog: client, outboxFile, correctedOnly: true });
    expect(offline).toMatchObject({ saved: 0, keptForRetry: 1 });
    expect(offline.failed.map((f) => path.basename(f.file))).toEqual(["EB001564.MOV"]); // not in this copy
    expect(JSON.parse(fs.readFileSync(outboxFile, "utf8"))).toHaveLength(1);
    await catalog.restart();
    const online = await bulkImport([], { model, catalog: client, outboxFile });
    expect(online).toMatchObject({ saved: 1, keptForRetry: 0 });
    expect(JSON.parse(fs.readFileSync(outboxFile, "utf8"))).toEqual([]);
  });
});

describe("npm run cli", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/cli.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("prints its usage for --help and import --help, exit 0", () => {
    const help = cli("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Reference Lookup command line/);
    const importHelp = cli("import", "--help");
    expect(importHelp.status).toBe(0);
    expect(importHelp.stdout).toMatch(/^usage: npm run cli -- import <folder…> \[options\]/);
    expect(importHelp.stdout).toContain("--corrected-only");
  });

  it("answers an unknown option with the usage, exit 2, no stack trace", () => {
    const bad = cli("--bogus");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^cli: Unknown option '--bogus'/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
