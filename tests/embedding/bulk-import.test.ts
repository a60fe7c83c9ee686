// IA libraries in IA's real shape (tests/fixtures/ia-library): the reader, then the CLI's bulk
// import in Node into the local catalog over HTTP (tiny CLIP model), idempotent across runs,
// with unreachable saves kept and retried, and the CLI's usage.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bulkImport } from "../../src/cli/bulk-import";
import { readIaLibrary, type LibraryEntry } from "../../src/cli/ia-library";
import { fileStorage } from "../../src/cli/import-outbox";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { ROOT } from "../../src/testing/paths";
import { LOCAL_PASSWORD, RestartableCatalog } from "../helpers/restartable-catalog";
import { sampleMedia } from "../../src/testing/sample-media";
import { TINY_CLIP_DIR, tinyClip } from "../../src/testing/tiny-clip";

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
    expect(top.metadata).toMatchObject({ subject: "hob", shotType: "CU", source: "cep-panel" });
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

/** A library folder whose sidecar has one entry per given media name, beside a private folder
 * holding a photo the library must never publish. */
function hostileLibrary(name: string, entries: Record<string, string>): { dir: string; secret: string } {
  const base = path.join(work, name);
  const dir = path.join(base, "library");
  fs.mkdirSync(path.join(base, "private"), { recursive: true });
  fs.mkdirSync(dir, { recursive: true });
  const secret = path.join(base, "private", "secret-photo.jpg");
  fs.copyFileSync(sampleMedia().still.path, secret);
  const sidecar: Record<string, unknown> = { _schema: "2.0", _completed: true };
  for (const [id, currentFilename] of Object.entries(entries)) {
    sidecar[id] = { id, currentFilename, fileType: "image", location: "hall", subject: "door", shotType: "WS" };
  }
  fs.writeFileSync(path.join(dir, ".ingest-metadata.json"), JSON.stringify(sidecar));
  return { dir, secret };
}

describe("media paths stay inside the folder being imported", () => {
  it("refuses names that climb out, absolute names and symlinks leading out, each with its reason", () => {
    const { dir, secret } = hostileLibrary("hostile-read", {
      CLIMB: "../private/secret-photo.jpg",
      CLIMB_WIN: "..\\private\\secret-photo.jpg",
      ABSOLUTE: "/etc/passwd",
      DRIVE: "C:\\Users\\me\\secret-photo.jpg",
      LINK_OUT: "holiday.jpg",
      LINK_DIR: "sub/secret-photo.jpg",
      LINK_IN: "alias.jpg",
      PLAIN: "own.jpg",
    });
    fs.symlinkSync(secret, path.join(dir, "holiday.jpg"));
    fs.symlinkSync(path.dirname(secret), path.join(dir, "sub"));
    fs.copyFileSync(sampleMedia().still.path, path.join(dir, "own.jpg"));
    fs.symlinkSync(path.join(dir, "own.jpg"), path.join(dir, "alias.jpg"));
    const entries = readIaLibrary(dir).entries;
    const refused = Object.fromEntries(entries.map((e) => [e.id, e.refused ?? null]));
    expect(refused).toEqual({
      CLIMB: 'the media name "../private/secret-photo.jpg" is refused: it climbs out of the folder with ".."',
      CLIMB_WIN: 'the media name "..\\private\\secret-photo.jpg" is refused: it climbs out of the folder with ".."',
      ABSOLUTE: 'the media name "/etc/passwd" is refused: it is an absolute path, not a name in the folder',
      DRIVE:
        'the media name "C:\\Users\\me\\secret-photo.jpg" is refused: it is an absolute path, not a name in the folder',
      LINK_OUT: `"holiday.jpg" leads outside the folder (to ${fs.realpathSync(secret)}): refused`,
      LINK_DIR: `"sub/secret-photo.jpg" leads outside the folder (to ${fs.realpathSync(secret)}): refused`,
      LINK_IN: null,
      PLAIN: null,
    });
    expect(entries.filter((e) => e.mediaPath).map((e) => e.id)).toEqual(["LINK_IN", "PLAIN"]);
  });

  it("publishes nothing from outside: no row, no thumbnail, a failure naming the entry's reason", async () => {
    const { dir, secret } = hostileLibrary("hostile-import", { CLIMB: "../private/secret-photo.jpg", OWN: "own.jpg" });
    fs.copyFileSync(sampleMedia().still.path, path.join(dir, "own.jpg"));
    const before = await catalog.db.query<{ n: number }>("select count(*)::int n from storage.objects");
    const report = await bulkImport([dir], {
      model: await tinyClip(),
      catalog: await editor(),
      outboxFile: path.join(work, "outbox-hostile.json"),
    });
    expect(report).toMatchObject({ pendingReview: 1, saved: 0 });
    expect(report.failed).toEqual([
      {
        file: path.join(dir, "../private/secret-photo.jpg"),
        problem: 'the media name "../private/secret-photo.jpg" is refused: it climbs out of the folder with ".."',
      },
    ]);
    const rows = await catalog.db.query<{ n: number }>(
      "select count(*)::int n from media_references.reference_images where file_path like '%secret-photo%'",
    );
    expect(rows.rows[0].n).toBe(0);
    const after = await catalog.db.query<{ n: number }>("select count(*)::int n from storage.objects");
    expect(after.rows[0].n).toBe(before.rows[0].n + 1); // own.jpg's thumbnail only
    expect(fs.existsSync(secret)).toBe(true);
  });

  it("reads a still through the descriptor it checked: a file swapped for a symlink after the check is refused", async () => {
    const { dir, secret } = hostileLibrary("hostile-swap", { SWAP: "swap.jpg" });
    fs.copyFileSync(sampleMedia().still.path, path.join(dir, "swap.jpg"));
    const [entry] = readIaLibrary(dir).entries;
    expect(entry.mediaPath).toBe(path.join(dir, "swap.jpg"));
    // between reading the sidecar and embedding, the file becomes a symlink to the private photo
    fs.rmSync(path.join(dir, "swap.jpg"));
    fs.symlinkSync(secret, path.join(dir, "swap.jpg"));
    const { libraryFrames } = await import("../../src/cli/library-frames");
    expect(() => libraryFrames(entry)).toThrow(/is outside the folders it may come from/);
  });
});

describe("the import's outbox and one bad folder among several", () => {
  it("writes the outbox whole or not at all: a write that dies half-way leaves the previous outbox", () => {
    const file = path.join(work, "outbox-atomic.json");
    const storage = fileStorage(file);
    storage.write([]);
    const real = fs.writeFileSync;
    const spy = vi.spyOn(fs, "writeFileSync").mockImplementation((target, data, ...rest) => {
      real(target, String(data).slice(0, 28), ...(rest as []));
      throw new Error("ENOSPC: no space left on device, write");
    });
    try {
      const entry = { input: { referenceId: "r1" }, state: "pending", attempts: 0, queuedAt: 0, nextAttemptAt: 0 };
      expect(() => storage.write([entry as never])).toThrow(/ENOSPC/);
    } finally {
      spy.mockRestore();
    }
    expect(storage.read()).toEqual([]);
    expect(fs.readdirSync(work).filter((f) => f.startsWith("outbox-atomic.json."))).toEqual([]);
  });

  it("names a damaged outbox and what to do, and does not overwrite it", async () => {
    const file = path.join(work, "outbox-damaged.json");
    const damaged = '[{"input":{"referenceId":"ab';
    fs.writeFileSync(file, damaged);
    const run = bulkImport([], { model: await tinyClip(), catalog: await editor(), outboxFile: file });
    await expect(run).rejects.toThrow(
      `the import's outbox ${file} is damaged (Unterminated string in JSON at position 28), so the saves waiting in it cannot be read. Nothing was imported. Move it aside (e.g. mv "${file}" "${file}.damaged") and run the import again`,
    );
    expect(fs.readFileSync(file, "utf8")).toBe(damaged);
  });

  it("import a b c with b unreadable: a and c are imported, b is reported, exit status 1", async () => {
    const a = hostileLibrary("multi-a", { A1: "a.jpg" }).dir;
    const b = path.join(work, "multi-b-no-sidecar");
    fs.mkdirSync(b, { recursive: true });
    const c = hostileLibrary("multi-c", { C1: "c.jpg" }).dir;
    fs.copyFileSync(sampleMedia().still.path, path.join(a, "a.jpg"));
    fs.copyFileSync(sampleMedia().still.path, path.join(c, "c.jpg"));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/cli.ts"), "import", a, b, c, "--model", TINY_CLIP_DIR],
      {
        cwd: ROOT,
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "CATALOG_SERVICE_KEY")),
          CATALOG_URL: catalog.url,
          CATALOG_ANON_KEY: catalog.server.anonKey,
          CATALOG_EMAIL: "editor@eav.local",
          CATALOG_PASSWORD: LOCAL_PASSWORD,
        },
      },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(out).toContain(`folder ${a}: 0 saved, 1 saved for review`);
    expect(out).toContain(`folder ${b}: not read: cannot read ${path.join(b, ".ingest-metadata.json")}: ENOENT`);
    expect(out).toContain(`folder ${c}: 0 saved, 1 saved for review`);
    expect(out).toMatch(/2 saved for review .*, 1 folder\(s\) not read/);
    expect(status).toBe(1);
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
  it("is one entry for every command: --help lists import and eval, eval --help is eval's usage", () => {
    const help = cli("--help");
    expect(help.stdout).toMatch(/^ {2}import <folder…>/m);
    expect(help.stdout).toMatch(/^ {2}eval /m);
    const evalHelp = cli("eval", "--help");
    expect(evalHelp.status).toBe(0);
    expect(evalHelp.stdout).toMatch(/^npm run eval -- --library <folder>/);
    expect(evalHelp.stdout).toContain("--min-confidence");
    const optionFirst = cli("--model", "some-dir", "import", "--help");
    expect(optionFirst.status).toBe(0);
    expect(optionFirst.stdout).toMatch(/^usage: npm run cli -- import <folder…>/);
  });

  it("answers an unknown command or a command's unknown option with its usage, exit 2", () => {
    const unknown = cli("export");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^cli: unknown command "export"\n\nReference Lookup command line/);
    const badEval = cli("eval", "--library");
    expect(badEval.status).toBe(2);
    expect(badEval.stderr).toMatch(/^eval: Option '--library <value>' argument missing/);
    expect(badEval.stderr).not.toMatch(/\n\s+at /);
  });
});
