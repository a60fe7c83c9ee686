// The preview's frames live in this user's private folder, and neither /__media nor releaseFrames
// follows a symlink out of the sample project's folders (issue 20 §3, ADR-0025).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreviewServer, type RunningPreview } from "../../src/server/preview-server";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { sampleFolders } from "../../src/sim/sample-media";
import { createSampleProject } from "../../src/sim/sample-project";
import { simulatorFramesRoot, simulatorTemp } from "../../src/sim/sim-temp";
import { DIST } from "../../src/testing/paths";
import { SAMPLE_MEDIA_ROOT, sampleMedia, sampleMediaFolders } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";

let server: RunningPreview;
let outside: string;
const tag = crypto.randomBytes(4).toString("hex");
const planted: string[] = [];

/** A symlink among the frame grabs (as another local user could make in a shared temp folder). */
function plant(name: string, target: string): string {
  fs.mkdirSync(simulatorFramesRoot(), { recursive: true });
  const link = path.join(simulatorFramesRoot(), `${name}-${tag}`);
  fs.symlinkSync(target, link);
  planted.push(link);
  return link;
}

const media = (file: string) => fetch(`${server.url}/__media?path=${encodeURIComponent(file)}`);

beforeAll(async () => {
  // stands for .cache/catalog-db/local-users.json: a file the preview must never serve
  outside = fs.mkdtempSync(path.join(os.tmpdir(), "rl-outside-"));
  fs.writeFileSync(path.join(outside, "local-users.json"), '{"editor@eav.local":"the password"}');
  const simulator = new PremiereSimulator({
    project: createSampleProject(sampleMedia()),
    fileRoots: sampleFolders(SAMPLE_MEDIA_ROOT),
  });
  server = await startPreviewServer({ extensionDir: DIST, simulator, mediaFolders: sampleMediaFolders() });
});

afterAll(async () => {
  await server?.close();
  for (const link of planted) fs.rmSync(link, { force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe("the preview's frames folder", () => {
  it.skipIf(process.platform === "win32")("is this user's own 0700 folder, not the shared temp folder", () => {
    const temp = new PremiereSimulator({ project: null }).paths.temp;
    expect(temp).toBe(simulatorTemp());
    expect(temp).not.toBe(path.resolve(os.tmpdir()));
    expect(simulatorFramesRoot().startsWith(temp + path.sep)).toBe(true);
    const stat = fs.lstatSync(temp);
    expect(stat.isDirectory()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o700);
    expect(stat.uid).toBe(process.getuid!());
  });
});

describe("/__media", () => {
  it("serves a real frame and a sample clip, with ranges", async () => {
    fs.mkdirSync(simulatorFramesRoot(), { recursive: true });
    const frame = path.join(simulatorFramesRoot(), `frame-${tag}.png`);
    fs.writeFileSync(frame, "not really a png");
    planted.push(frame);
    const res = await media(frame);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(await res.text()).toBe("not really a png");
    const clip = await fetch(`${server.url}/__media?path=${encodeURIComponent(sampleMedia().h264.path)}`, {
      headers: { range: "bytes=0-7" },
    });
    expect(clip.status).toBe(206);
    expect((await clip.arrayBuffer()).byteLength).toBe(8);
  });

  it("refuses a symlink among the frames that leads out, a symlinked folder, and a '..' path: 404", async () => {
    const file = plant("users.png", path.join(outside, "local-users.json"));
    const folder = plant("grab", outside);
    for (const p of [
      file,
      path.join(folder, "local-users.json"),
      `${simulatorFramesRoot()}/../../${path.relative(os.tmpdir(), outside)}/local-users.json`,
    ]) {
      const res = await media(p);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("no such media");
    }
  });
});

describe("releaseFrames", () => {
  it("on a symlinked folder among the frames deletes nothing outside it", async () => {
    const victim = fs.mkdtempSync(path.join(os.tmpdir(), "rl-victim-"));
    try {
      fs.writeFileSync(path.join(victim, "frame-1.png"), "keep me");
      fs.writeFileSync(path.join(victim, "thesis.docx"), "keep me too");
      const link = plant("EB001559-1", victim);
      const { host } = simulatedHost(createSampleProject(sampleMedia()), {
        fileRoots: sampleFolders(SAMPLE_MEDIA_ROOT),
      });
      await expect(host.call("releaseFrames", link)).resolves.toEqual({ removed: 0 });
      expect(fs.readdirSync(victim).sort()).toEqual(["frame-1.png", "thesis.docx"]);
    } finally {
      fs.rmSync(victim, { recursive: true, force: true });
    }
  });

  it("still removes a real grab folder it made", async () => {
    const { host } = simulatedHost(createSampleProject(sampleMedia()), {
      fileRoots: sampleFolders(SAMPLE_MEDIA_ROOT),
    });
    const grab = path.join(simulatorFramesRoot(), `EB001560-${tag}`);
    fs.mkdirSync(grab, { recursive: true });
    fs.writeFileSync(path.join(grab, "frame-1.png"), "x");
    await expect(host.call("releaseFrames", grab)).resolves.toEqual({ removed: 1 });
    expect(fs.existsSync(grab)).toBe(false);
  });
});
