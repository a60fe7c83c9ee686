// `npm start` on a fresh machine: no ffmpeg or ffprobe on PATH. The preview's start-up must still
// make online sample clips and seed the sample library (with the binaries npm installed, ADR 0031),
// and "Import a sample clip" must end in a suggestion, by the browser's decode and by Premiere's
// frame export alike.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type RunningPreviewStack } from "../../src/server/preview/start-preview";
import { resolveMediaTool } from "../../src/sim/media-tools";
import { launchChromium } from "../../src/testing/chromium";
import { DIST } from "../../src/testing/paths";
import { TINY_CLIP_DIR } from "../../src/testing/tiny-clip";

/** PATH as it is, with every folder that holds ffmpeg or ffprobe replaced by links to the rest of it. */
function pathWithoutFfmpeg(scratch: string): string {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .map((dir, i) => {
      const has = (tool: string) => fs.existsSync(path.join(dir, tool));
      if (!has("ffmpeg") && !has("ffprobe")) return dir;
      const shadow = path.join(scratch, `bin-${i}`);
      fs.mkdirSync(shadow);
      for (const name of fs.readdirSync(dir))
        if (name !== "ffmpeg" && name !== "ffprobe") fs.symlinkSync(path.join(dir, name), path.join(shadow, name));
      return shadow;
    })
    .join(path.delimiter);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "preview-no-ffmpeg-"));
const savedPath = process.env.PATH;
let preview: RunningPreviewStack;
let browser: Browser;

beforeAll(async () => {
  process.env.PATH = pathWithoutFfmpeg(scratch);
  preview = await startPreview({
    extensionDir: DIST,
    mediaRoot: path.join(scratch, "sample-media"),
    libraryRoot: path.join(scratch, "sample-library"),
    localPassword: "local-dev",
    model: { dir: path.dirname(TINY_CLIP_DIR), name: path.basename(TINY_CLIP_DIR) },
    warn: (m) => {
      throw new Error(m);
    },
  });
  browser = await launchChromium(chromium);
}, 120_000);

afterAll(async () => {
  process.env.PATH = savedPath;
  await browser?.close();
  await preview?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("npm start without ffmpeg on the machine", () => {
  it("uses npm's ffmpeg and ffprobe, makes online sample clips and seeds the library", async () => {
    expect(resolveMediaTool("ffmpeg")?.source).toBe("npm");
    expect(resolveMediaTool("ffprobe")?.source).toBe("npm");
    const clips = preview.project.allItems().filter((i) => i.media && !i.isSequence());
    expect(clips.filter((c) => c.isOffline()).map((c) => c.name)).toEqual(["missing-drive clip.mxf"]);
    for (const clip of clips.filter((c) => !c.isOffline())) expect(fs.existsSync(clip.media!.path)).toBe(true);
    expect(preview.references).toBe(24);
    const stored = await preview.catalog.catalog.db.query<{ n: number }>(
      "select count(*)::int as n from media_references.image_embeddings where model_version = $1",
      [preview.modelVersion],
    );
    expect(stored.rows[0].n).toBe(24);
  });

  it("shows the seeded references and suggests imported clips, browser decode and host export alike", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${preview.server.url}/main/index.html`);
    await expect
      .poll(() => page.getByTestId("catalog-status").textContent(), { timeout: 30_000 })
      .toContain("24 references for this model");
    expect(await page.getByTestId("model-mismatch").count()).toBe(0);
    const importClip = page.getByRole("button", { name: "Import a sample clip" });
    await importClip.click(); // H.264: the browser decodes it
    await importClip.click(); // ProRes: the simulated Premiere exports its frames with npm's ffmpeg
    const queue = page.getByTestId("clip-queue").locator("li");
    for (const name of ["A001_C001", "B002_C002"]) {
      const row = queue.filter({ hasText: name });
      await expect.poll(() => row.getAttribute("data-status"), { timeout: 60_000 }).toBe("suggested");
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
