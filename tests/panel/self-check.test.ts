// "Check this Premiere" end to end in Node: the panel's store and steps, the compiled host bundle
// in the simulator, the native path through NativeEmbedder under CEP's Node as the panel starts
// it; then simulators and Nodes broken on purpose. Each breakage gives its own clear line, and
// the project is left exactly as it was. (Browser decode needs a browser: here ffmpeg stands in
// for it; the real one runs in tests/e2e/self-check.test.ts.)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ProjectItemRecord } from "../../src/lib/bridge";
import type { StudioConfig } from "../../src/lib/studio-config";
import { reportJson, reportText, type CheckLine, type SelfCheckReport } from "../../src/lib/self-check";
import { mediaSecondsAt } from "../../src/lib/frames/grab-plan";
import { modelFolderOnDisk } from "../../src/panel/embedding/native/model-folder";
import { NativeEmbedder } from "../../src/panel/embedding/native/native-embedder";
import { nativeProblem, type PageNode } from "../../src/panel/embedding/native/page-node";
import { SelectingEmbedder } from "../../src/panel/embedding/select-embedder";
import type { Embedder as FullEmbedder } from "../../src/panel/embedding/embedder";
import { grabFramesWith } from "../../src/panel/frames/grab-frames";
import type { MediaAccess } from "../../src/panel/frames/media-access";
import { embeddingProbe, type CheckEmbedder } from "../../src/panel/self-check/embedding-probe";
import type { PanelEnvironment } from "../../src/panel/self-check/panel-environment";
import { createPanelStore } from "../../src/panel/store";
import { HOST_SKINS } from "../../src/lib/theme/host-skin";
import type { SimulatorOptions } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { cepNode, nativeCopy, pageUrl, sharpDecode } from "../../src/testing/cep-node";
import { projectState } from "../helpers/project-state";
import { sampleMedia } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";
import { TINY_CLIP_DIR } from "../../src/testing/tiny-clip";

const PANEL_COLUMNS = ["IALocation", "IASubject", "IAAction", "IAShotType", "IAShot", "IAKeywords", "IAReference"];
const tinyModel: StudioConfig = { model: { source: "folder", path: TINY_CLIP_DIR } };

const started: Array<{ terminate(): void }> = [];
afterAll(() => started.forEach((e) => e.terminate()));

/** A WASM pool stand-in (any working path): vectors from the frames' sizes. */
function fakePool(): FullEmbedder {
  const pool: FullEmbedder = {
    path: "wasm-pool",
    detail: "WASM (stand-in)",
    load: async () => ({ modelVersion: "local/tiny-random-clip@q8", threads: 1, path: "wasm-pool" }),
    embedClip: async (images) => {
      const frames = images.map((b) => Float32Array.from({ length: 512 }, (_, i) => (i === b.size % 512 ? 1 : 0)));
      return {
        modelVersion: "local/tiny-random-clip@q8",
        frames,
        pooled: frames[0],
        timings: { decodeMs: 1, inferenceMs: 1 },
      };
    },
    embedTexts: async (texts) => texts.map(() => new Float32Array(512)),
    terminate: () => undefined,
  };
  return pool;
}

/** The panel's selection, as start-embedder.ts builds it, over CEP's Node simulated under Node. */
function panelEmbedder(node: PageNode, extensionUrl = pageUrl()): SelectingEmbedder {
  const selecting = new SelectingEmbedder({
    native: () => {
      const problem = nativeProblem(node, extensionUrl);
      if (problem) return problem;
      const native = new NativeEmbedder({
        node,
        pageUrl: extensionUrl,
        decode: sharpDecode,
        modelFolder: modelFolderOnDisk(node, extensionUrl),
      });
      return native;
    },
    pool: fakePool,
  });
  started.push(selecting);
  return selecting;
}

/** Reads files straight from disk (the simulated platform is macOS: host paths are real). */
const diskMedia: MediaAccess = {
  readFile: async (p) => new Blob([fs.readFileSync(p)], { type: "image/png" }),
  videoUrl: (p) => p,
};

/** Browser decode's stand-in: ffmpeg seeks as <video> would. */
async function ffmpegFrames(clip: ProjectItemRecord, fractions: number[]): Promise<Blob[]> {
  return mediaSecondsAt(clip, fractions).map((s) => {
    const png = execFileSync("ffmpeg", [
      "-loglevel",
      "error",
      "-ss",
      String(s),
      "-i",
      clip.mediaPath!,
      "-frames:v",
      "1",
      "-f",
      "image2pipe",
      "-vcodec",
      "png",
      "-",
    ]);
    return new Blob([png], { type: "image/png" });
  });
}

interface Setup {
  sim?: Omit<SimulatorOptions, "project">;
  node?: PageNode;
  extensionUrl?: string;
  config?: StudioConfig;
  /** the project already has the panel's columns (the panel was used in it before) */
  columnsRegistered?: boolean;
}

async function runCheck(setup: Setup = {}) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "rl-panel-check-"));
  const project = createSampleProject(sampleMedia());
  if (setup.columnsRegistered ?? true)
    for (const c of PANEL_COLUMNS) project.addPropertyToProjectMetadataSchema(c, c, 2);
  const { host, simulator } = simulatedHost(project, { temp, ...setup.sim });
  const embedder = panelEmbedder(setup.node ?? cepNode(), setup.extensionUrl);
  const environment = async (): Promise<PanelEnvironment> => ({
    cep: "11.1.2",
    chromium: "88.0.4324.150",
    node: process.versions.node,
    os: `${os.type()} ${os.release()}`,
    skin: { name: simulator.environment.skin, background: "#1d1d1d", fontSize: HOST_SKINS.darkest.baseFontSize },
  });
  const store = createPanelStore({
    host,
    embedder,
    selfCheck: {
      environment,
      grab: async (method, clip, fractions) =>
        method === "browser-video"
          ? ffmpegFrames(clip, fractions)
          : (await grabFramesWith(method, clip, { host, media: diskMedia }, fractions)).frames,
      startWasm: (): CheckEmbedder => fakePool(),
      inCep: true,
    },
  });
  store.getState().initSettings(setup.config ?? tinyModel);
  await store.getState().loadModel(setup.config ?? tinyModel);
  const before = projectState(project);
  const steps: string[] = [];
  store.subscribe((s) => {
    if (s.selfCheck.state === "running" && steps.at(-1) !== s.selfCheck.step) steps.push(s.selfCheck.step);
  });
  const report = (await store.getState().runSelfCheck())!;
  const line = (id: string) => report.lines.find((l) => l.id === id)!;
  const leftOver = fs.existsSync(path.join(temp, "reference-lookup-self-check"))
    ? fs.readdirSync(path.join(temp, "reference-lookup-self-check"))
    : [];
  return { report, line, before, after: projectState(project), leftOver, steps, store };
}

const statuses = (report: SelfCheckReport) => Object.fromEntries(report.lines.map((l: CheckLine) => [l.id, l.status]));

function expectProjectAsItWas(r: Awaited<ReturnType<typeof runCheck>>) {
  expect(r.after).toEqual(r.before);
  expect(r.leftOver).toEqual([]);
  expect(r.line("cleanup").status).toBe("ok");
  expect(r.line("project-unchanged")).toMatchObject({
    status: "ok",
    says: expect.stringMatching(/^Yes: the same \d+ items/),
  });
}

describe("Check this Premiere, on the simulator", () => {
  it("runs every step, times each method and path, and leaves the project exactly as it was", async () => {
    const r = await runCheck();
    expect(statuses(r.report)).toEqual({
      versions: "ok",
      keys: "skipped", // no keyboard in this test: tests/panel/keys-step.test.ts presses them
      import: "ok",
      "frames.still-file": "skipped",
      "frames.image-sequence-files": "skipped",
      "frames.browser-video": "ok",
      "frames.host-export": "ok",
      metadata: "ok",
      playhead: "ok",
      skin: "ok",
      "encoder.native": "ok",
      "encoder.wasm-pool": "ok",
      cleanup: "ok",
      "project-unchanged": "ok",
    });
    expect(r.line("versions").says.split(" · ")).toEqual([
      "Premiere 24.6.1 (build 24.6.1.2)",
      "CEP 11.1.2",
      "Chromium 88.0.4324.150",
      `Node ${process.versions.node}`,
      "OS Macintosh OS 14.5.0/64",
      "ExtendScript 4.5.5",
      "QE DOM yes",
      "Media Encoder's app.encoder yes (the panel does not use it)",
    ]);
    expect(r.line("frames.host-export")).toMatchObject({
      says: expect.stringMatching(/^5 frames in \d/),
      data: { frames: 5 },
    });
    expect(r.line("encoder.native").says).toMatch(
      /^Runs in the panel\. One clip of 5 frames in .*\(decode .*, inference .*\)\.$/,
    );
    expect(r.line("encoder.wasm-pool").says).toMatch(
      /^A WASM pool of the check's own: model loaded in .*One clip of 5 frames/,
    );
    expect(r.line("skin").says).toMatch(/^darkest \(panel background #1d1d1d/);
    expect(r.line("playhead").says).toMatch(
      /^“kitchen-oven-cleaning-MID\.mp4” is under the playhead of “Ep 3 assembly”/,
    );
    expect(r.report.lines.every((l) => l.ms >= 0)).toBe(true);
    expect(r.steps.slice(0, 2)).toEqual(["Starting", "Versions"]);
    expect(r.steps).toContain("Clean-up");
    expectProjectAsItWas(r);
    expect(r.store.getState().selfCheck).toEqual({ state: "done", report: r.report });
  });

  it("in a project the panel never wrote to, leaves only the panel's columns registered, as a first Accept would", async () => {
    const r = await runCheck({ columnsRegistered: false });
    expect(r.line("metadata").says).toMatch(/columns stay registered in this project/);
    expect({ ...r.after, schema: [] }).toEqual({ ...r.before, schema: [] });
    expect(r.before.schema).toEqual([]);
    expect(r.after.schema).toEqual(PANEL_COLUMNS);
    expect(r.line("project-unchanged").status).toBe("ok");
  });

  it("on Premiere 26.x, whose QE takes only (timecode, path without extension), QE export works", async () => {
    const r = await runCheck({ sim: { hostVersion: "26.0.0" } });
    expect(r.line("versions").says).toMatch(/^Premiere 26\.0\.0/);
    expect(r.line("frames.host-export").status).toBe("ok");
    expectProjectAsItWas(r);
  });
});

describe("Check this Premiere, on simulators broken on purpose", () => {
  it("QE export returning false and writing nothing: its line fails and says so; browser decode still works", async () => {
    const r = await runCheck({ sim: { brokenQeExport: true } });
    expect(r.line("frames.host-export")).toMatchObject({
      status: "failed",
      says: "Premiere did not write frame 1 of 'sample.mp4' within 15000 ms.",
    });
    expect(r.line("frames.browser-video").status).toBe("ok");
    expect(r.line("encoder.native").status).toBe("ok"); // the frames came from browser decode
    expectProjectAsItWas(r);
  });

  it("no encoder (the model cannot load): both path lines say there is none, and why", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "rl-no-model-"));
    const r = await runCheck({ config: { model: { source: "folder", path: empty } } });
    for (const id of ["encoder.native", "encoder.wasm-pool"])
      expect(r.line(id)).toMatchObject({
        status: "failed",
        says: expect.stringMatching(/^No encoder is loaded: Loading the CLIP model failed: .*config\.json/),
      });
    expect(r.line("frames.host-export").status).toBe("ok");
    expectProjectAsItWas(r);
  });

  it("Node without worker_threads: the native line names it, the WASM path is timed", async () => {
    const node = cepNode();
    const withoutThreads: PageNode = {
      process: node.process,
      require: (id) => {
        if (id === "worker_threads") throw new Error("Cannot find module 'worker_threads'");
        return node.require(id);
      },
    };
    const r = await runCheck({ node: withoutThreads });
    expect(r.line("encoder.native")).toMatchObject({
      status: "failed",
      says: `Not used: Node ${process.versions.node} here has no worker_threads.`,
    });
    expect(r.line("encoder.wasm-pool")).toMatchObject({
      status: "ok",
      says: expect.stringMatching(/^Runs in the panel\. One clip of 5 frames/),
    });
    expectProjectAsItWas(r);
  });

  it("an addon that will not load: the native line gives the thread's first error", async () => {
    const { dir, binding } = nativeCopy();
    fs.writeFileSync(binding, "not a shared library");
    const r = await runCheck({ extensionUrl: pageUrl(dir) });
    expect(r.line("encoder.native")).toMatchObject({
      status: "failed",
      says: expect.stringMatching(/^Not used: the native encoder thread failed: .*onnxruntime_binding\.node/),
    });
    expect(r.line("encoder.wasm-pool").status).toBe("ok");
    expectProjectAsItWas(r);
  });

  it("no app.encoder: the versions line says so, nothing the panel does needs it", async () => {
    const r = await runCheck({ sim: { mediaEncoder: false } });
    expect(r.line("versions")).toMatchObject({ status: "ok", data: { mediaEncoder: false } });
    expect(r.line("versions").says).toContain("Media Encoder's app.encoder no (the panel does not use it)");
    expect(r.report.summary.failed).toBe(0);
    expectProjectAsItWas(r);
  });

  it("no project open: the import line says to open one, and nothing is made", async () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "rl-panel-check-"));
    const { host } = simulatedHost(null, { temp });
    const store = createPanelStore({
      host,
      selfCheck: {
        environment: async () => ({ cep: null, chromium: null, node: null, os: null, skin: { problem: "no skin" } }),
        grab: async () => [],
        inCep: true,
      },
    });
    const report = (await store.getState().runSelfCheck())!;
    const line = (id: string) => report.lines.find((l) => l.id === id)!;
    expect(line("import")).toMatchObject({
      status: "failed",
      says: expect.stringMatching(/^No Premiere project is open/),
    });
    expect(line("frames.host-export")).toMatchObject({
      status: "skipped",
      says: expect.stringMatching(/^No sample clip to work on: No Premiere project is open/),
    });
    expect(line("cleanup")).toMatchObject({ status: "ok", says: "Nothing was made." });
    expect(line("project-unchanged").status).toBe("skipped");
  });

  it("gives the report as text and as JSON for the studio to send back", async () => {
    const r = await runCheck({ sim: { brokenQeExport: true } });
    const text = reportText(r.report);
    expect(text).toMatch(/^Reference Lookup 0\.1\.0: Check this Premiere, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, /);
    expect(text).toContain("✗ Frames by QE export (failed, ");
    expect(text).toMatch(/\n\d+ worked, 1 failed, 3 skipped\.\n$/);
    expect(JSON.parse(reportJson(r.report))).toEqual(r.report);
  });
});

describe("the self-check's view of the encoder", () => {
  it("follows the live path: a native thread that died since the load gives its reason, not 'native'", () => {
    const died = {
      ...fakePool(),
      detail:
        "WASM, 2 workers (native not used: the native encoder thread died: out of memory; WASM for the rest of this session)",
    };
    const probe = embeddingProbe({
      embedder: died,
      status: () => ({ state: "ready", modelVersion: "m@q8", threads: 4, isTestModel: true, path: "native" }),
      modelOptions: () => ({ source: { kind: "folder", path: TINY_CLIP_DIR }, quantized: true }),
    });
    expect(probe.loaded()).toMatchObject({
      path: "wasm-pool",
      nativeReason: "the native encoder thread died: out of memory; WASM for the rest of this session",
    });
  });
});
