// Frame grab through a temporary sequence and QE's exportFramePNG, with its quirks simulated.
import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { TICKS_PER_SECOND, SimProjectItem, ProjectItemType } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { simulatorFramesRoot, simulatorTemp } from "../../src/sim/sim-temp";
import { projectState } from "../helpers/project-state";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOST_PLATFORMS, PLATFORMS, simulatedHost, type HostKind } from "../../src/testing/simulated-host";
import type { SimPlatform } from "../../src/sim/sim-paths";

const PNG_MAGIC = "89504e470d0a1a0a";
const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

function setup(platform: SimPlatform = "macos", hostKind: HostKind = "cep") {
  const project = createSampleProject(sampleMedia());
  const named = (n: string) => project.allItems().find((i) => i.name === n)!;
  return { project, named, ...simulatedHost(project, { platform, host: hostKind }) };
}

describe.each(HOST_PLATFORMS)("[%s] exportFrames on %s", (hostKind, platform) => {
  it.each([
    ["H.264 MP4", "kitchen-oven-cleaning-MID.mp4"],
    ["ProRes MOV", "bathroom tap WS (ProRes).mov"],
    ["image sequence", "garden_0001.png"],
    ["still JPEG", "kitchen-hob-CU.jpg"],
  ])("writes five PNG frames for a %s clip", async (_kind, name) => {
    const { host, named, simulator } = setup(platform, hostKind);
    const real = (p: string) => simulator.paths.toReal(p);
    const result = await host.call("exportFrames", { nodeId: named(name).nodeId });
    expect(result.frames.map((f) => f.fraction)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    for (const frame of result.frames) {
      expect(fs.readFileSync(real(frame.path)).subarray(0, 8).toString("hex")).toBe(PNG_MAGIC);
    }
    await host.call("releaseFrames", result.folder);
    expect(fs.existsSync(real(result.folder))).toBe(false);
  });

  it("takes frames at 10/30/50/70/90 % of the clip's in–out range, and they differ", async () => {
    const { host, named, simulator } = setup(platform, hostKind);
    const clip = named("kitchen-oven-cleaning-MID.mp4");
    clip.setInPoint(1);
    clip.setOutPoint(3); // a 2 s range starting at 1 s
    const result = await host.call("exportFrames", { nodeId: clip.nodeId });
    expect(simulator.exports.map((e) => e.sourceSeconds)).toEqual([1.2, 1.6, 2.0, 2.4, 2.8]);
    expect(result.frames.map((f) => Number(f.ticks) / TICKS_PER_SECOND)).toEqual([1.2, 1.6, 2.0, 2.4, 2.8]);
    expect(new Set(result.frames.map((f) => sha(simulator.paths.toReal(f.path)))).size).toBe(5);
    await host.call("releaseFrames", result.folder);
  });

  it("copes with QE's quirks: '.png' appended and false returned on success", async () => {
    const { host, named, simulator } = setup(platform, hostKind);
    const result = await host.call("exportFrames", { nodeId: named("kitchen-oven-cleaning-MID.mp4").nodeId });
    // half the calls returned false, yet every frame was found
    expect(simulator.exports.every((e) => e.writtenPath === `${e.requestedPath}.png`)).toBe(true);
    expect(result.frames).toHaveLength(5);
    await host.call("releaseFrames", result.folder);
  });

  it("always deletes the temporary sequence and restores the active one", async () => {
    const { host, named, project } = setup(platform, hostKind);
    const before = {
      sequences: project.sequenceList.length,
      items: project.allItems().length,
      active: project.activeSequence,
    };
    const result = await host.call("exportFrames", { nodeId: named("kitchen-oven-cleaning-MID.mp4").nodeId });
    await host.call("releaseFrames", result.folder);
    await expect(host.call("exportFrames", { nodeId: named("missing-drive clip.mxf").nodeId })).rejects.toBeTruthy();
    expect({
      sequences: project.sequenceList.length,
      items: project.allItems().length,
      active: project.activeSequence,
    }).toEqual(before);
  });

  it("refuses an offline clip with MEDIA_OFFLINE and a way out", async () => {
    const { host, named } = setup(platform, hostKind);
    await expect(host.call("exportFrames", { nodeId: named("missing-drive clip.mxf").nodeId })).rejects.toMatchObject({
      code: "MEDIA_OFFLINE",
      message: expect.stringContaining("Relink it in Premiere"),
    });
  });

  it("times out with EXPORT_TIMEOUT when Premiere writes nothing, and leaves no files or sequence", async () => {
    const { host, project } = setup(platform, hostKind);
    const vanished = { ...sampleMedia().h264, path: "/Volumes/Gone/was here.mp4" }; // online in Premiere, gone on disk
    const clip = project.rootItem.add(new SimProjectItem("vanished.mp4", ProjectItemType.CLIP, vanished));
    const sequences = project.sequenceList.length;
    const error = await host.call("exportFrames", { nodeId: clip.nodeId, timeoutMs: 500 }).catch((e) => e);
    expect(error).toMatchObject({ code: "EXPORT_TIMEOUT", message: expect.stringContaining("within 500 ms") });
    expect(project.sequenceList.length).toBe(sequences);
    const leftovers = fs.readdirSync(simulatorFramesRoot()).filter((d) => d.startsWith(`${clip.nodeId}-`));
    expect(leftovers).toEqual([]);
  });

  it("releaseFrames refuses folders it did not make", async () => {
    const { host } = setup(platform, hostKind);
    await expect(host.call("releaseFrames", "/etc")).rejects.toMatchObject({ code: "INVALID_ARGUMENTS" });
    await expect(host.call("releaseFrames", "/tmp/reference-lookup-frames/../../etc")).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
    });
    // a sibling whose name merely starts like the frames root, and the root itself
    const tmp = simulatorTemp();
    await expect(host.call("releaseFrames", `${tmp}/reference-lookup-frames-other`)).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
    });
    await expect(host.call("releaseFrames", `${tmp}/reference-lookup-frames`)).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
    });
  });

  it("validates the request: fractions outside 0..1 are refused", async () => {
    const { host, named } = setup(platform, hostKind);
    await expect(
      host.call("exportFrames", { nodeId: named("kitchen-oven-cleaning-MID.mp4").nodeId, fractions: [1.5] }),
    ).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
    });
  });
});

// QE's exportFramePNG exists only for ExtendScript; the UXP host's export is below (ADR 0032,
// difference "Frame export").
describe.each(PLATFORMS)("[cep] the frame grab through QE on Premiere 26.x (%s)", (platform) => {
  const hostKind = "cep";
  function setup26(options: { brokenQeExport?: boolean } = {}) {
    const project = createSampleProject(sampleMedia());
    const named = (n: string) => project.allItems().find((i) => i.name === n)!;
    return {
      project,
      named,
      ...simulatedHost(project, { platform, host: hostKind, hostVersion: "26.0.0", ...options }),
    };
  }

  it("calls exportFramePNG only as (timecode, path without extension), which 26.x takes", async () => {
    const { host, named, simulator } = setup26();
    const clip = named("bathroom tap WS (ProRes).mov");
    const result = await host.call("exportFrames", { nodeId: clip.nodeId });
    const at = await host.call("exportFrameAt", { nodeId: clip.nodeId, ticks: String(TICKS_PER_SECOND) });
    expect(result.frames).toHaveLength(5);
    expect(at.frames).toHaveLength(1);
    expect(simulator.qeExportCalls).toHaveLength(6);
    for (const call of simulator.qeExportCalls) {
      expect(call).toMatchObject({ method: "exportFramePNG", accepted: true });
      expect(call.args).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d:\d\d$/), expect.not.stringMatching(/\.\w+$/)]);
    }
    await host.call("releaseFrames", result.folder);
    await host.call("releaseFrames", at.folder);
  });

  it("when QE returns false and writes nothing, fails with EXPORT_TIMEOUT and leaves the project as it was", async () => {
    const { host, named, project } = setup26({ brokenQeExport: true });
    const before = projectState(project);
    await expect(
      host.call("exportFrames", { nodeId: named("kitchen-oven-cleaning-MID.mp4").nodeId, timeoutMs: 500 }),
    ).rejects.toMatchObject({ code: "EXPORT_TIMEOUT", message: expect.stringMatching(/did not write frame 1/) });
    expect(projectState(project)).toEqual(before);
  });
});

describe.each(PLATFORMS)("[uxp] the frame grab through Exporter.exportSequenceFrame (%s)", (platform) => {
  function setupUxp(options: { doubleFrameExtension?: boolean; brokenFrameExport?: boolean } = {}) {
    const project = createSampleProject(sampleMedia());
    const named = (n: string) => project.allItems().find((i) => i.name === n)!;
    const { simulator, host } = simulatedHost(project, { platform, host: "uxp", ...options });
    return { project, named, host, simulator };
  }

  it.each([
    ["26.3.2's 'frame.png.png'", true],
    ["the name as given", false],
  ])("finds the frames Premiere writes under %s", async (_case, doubleFrameExtension) => {
    const { host, named, simulator } = setupUxp({ doubleFrameExtension });
    const result = await host.call("exportFrames", {
      nodeId: named("kitchen-oven-cleaning-MID.mp4").nodeId,
      fractions: [0.5],
    });
    const written = simulator.exports.map((e) => e.writtenPath);
    expect(written).toEqual([
      doubleFrameExtension ? expect.stringMatching(/frame-1\.png\.png$/) : expect.stringMatching(/frame-1\.png$/),
    ]);
    expect(result.frames.map((f) => f.path)).toEqual(written);
    expect(fs.readFileSync(simulator.paths.toReal(result.frames[0].path)).subarray(0, 8).toString("hex")).toBe(
      PNG_MAGIC,
    );
    await host.call("releaseFrames", result.folder);
  });

  it("times out with EXPORT_TIMEOUT when Premiere writes nothing, and leaves the project as it was", async () => {
    const { host, named, project } = setupUxp({ brokenFrameExport: true });
    const before = projectState(project);
    await expect(
      host.call("exportFrames", { nodeId: named("kitchen-oven-cleaning-MID.mp4").nodeId, timeoutMs: 500 }),
    ).rejects.toMatchObject({ code: "EXPORT_TIMEOUT", message: expect.stringMatching(/did not write frame 1/) });
    expect(projectState(project)).toEqual(before);
  });
});
