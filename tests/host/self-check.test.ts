// The self-check's host functions in the simulator: the versions, a scratch bin with a copy of
// the shipped sample clip, and its removal, leaving the project exactly as it was.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportWatcher } from "../../src/panel/imports/import-watcher";
import { ProjectItemType, SimProjectItem } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { DIST } from "../../src/testing/paths";
import { projectState } from "../helpers/project-state";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOST_PLATFORMS, simulatedHost, type SimulatedHostOptions } from "../../src/testing/simulated-host";

const SHIPPED_SAMPLE = path.join(DIST, "self-check/sample.mp4");

function setup(options: SimulatedHostOptions = {}) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "rl-self-check-"));
  const project = createSampleProject(sampleMedia());
  return { project, temp, ...simulatedHost(project, { temp, ...options }) };
}

const scratchFolders = (temp: string) => {
  const root = path.join(temp, "reference-lookup-self-check");
  return fs.existsSync(root) ? fs.readdirSync(root) : [];
};

describe.each(HOST_PLATFORMS)("[%s] self-check host functions on %s", (hostKind, platform) => {
  it("says which Premiere, ExtendScript and OS run, and whether QE and Media Encoder's object exist", async () => {
    const { host } = setup({ platform, host: hostKind, hostVersion: "26.1.0" });
    const info = await host.call("getHostInfo");
    // no ExtendScript and no QE in a UXP plugin (ADR 0032, difference "Host info")
    const scripting = hostKind === "cep" ? { extendScript: "4.5.5", qe: true } : { extendScript: "", qe: false };
    expect(info).toMatchObject({ premiereVersion: "26.1.0", ...scripting, mediaEncoder: true });
    expect(info.os).toMatch(platform === "windows" ? /^Windows/ : /^Macintosh/);
    const without = setup({ platform, host: hostKind, mediaEncoder: false });
    expect(await without.host.call("getHostInfo")).toMatchObject({ mediaEncoder: false });
  });

  it("imports a copy of the shipped sample into a scratch bin, and removes both again", async () => {
    const { host, project, temp, simulator } = setup({ platform, host: hostKind });
    const before = projectState(project);
    const scratch = await host.call("beginSelfCheck", {});
    expect(scratch.binName).toMatch(/^Reference Lookup self-check /);
    expect(scratch.clip).toMatchObject({ name: "sample.mp4", type: "CLIP", offline: false, width: 320, height: 180 });
    const copy = simulator.paths.toReal(scratch.clip.mediaPath!);
    expect(copy.startsWith(path.join(temp, "reference-lookup-self-check"))).toBe(true);
    expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(SHIPPED_SAMPLE));
    const bin = project.rootItem.childItems.find((i) => i.nodeId === scratch.binNodeId)!;
    expect(bin.childItems.map((i) => i.name)).toEqual(["sample.mp4"]);

    // the panel's own functions work on the scratch clip
    const frames = await host.call("exportFrames", { nodeId: scratch.clip.nodeId, fractions: [0.5] });
    await host.call("releaseFrames", frames.folder);

    const ended = await host.call("endSelfCheck", { binNodeId: scratch.binNodeId, folder: scratch.folder });
    expect(ended.problems).toEqual([]);
    expect(ended.removed).toHaveLength(2);
    expect(projectState(project)).toEqual(before);
    expect(scratchFolders(temp)).toEqual([]);
  });

  it("takes the sample the panel names, and refuses a missing one with IMPORT_FAILED, leaving nothing", async () => {
    const { host, project, temp, simulator } = setup({ platform, host: hostKind });
    const before = projectState(project);
    const scratch = await host.call("beginSelfCheck", { sampleFile: simulator.paths.toHost(SHIPPED_SAMPLE) });
    await host.call("endSelfCheck", { binNodeId: scratch.binNodeId, folder: scratch.folder });
    await expect(
      host.call("beginSelfCheck", { sampleFile: simulator.paths.toHost(path.join(temp, "no-such.mp4")) }),
    ).rejects.toMatchObject({ code: "IMPORT_FAILED", message: expect.stringMatching(/Reinstall the panel/) });
    expect(projectState(project)).toEqual(before);
    expect(scratchFolders(temp)).toEqual([]);
  });

  it("removes the bin and the copy when Premiere does not import the sample", async () => {
    const { host, project, temp, simulator } = setup({ platform, host: hostKind });
    const notMedia = path.join(temp, "sample.mp4");
    fs.writeFileSync(notMedia, "not a video");
    const before = projectState(project);
    await expect(host.call("beginSelfCheck", { sampleFile: simulator.paths.toHost(notMedia) })).rejects.toMatchObject({
      code: "IMPORT_FAILED",
      message: expect.stringMatching(/did not import/),
    });
    expect(projectState(project)).toEqual(before);
    expect(scratchFolders(temp)).toEqual([]);
  });

  it("removes only its own: a bin of the editor's and a folder outside stay, and it says so", async () => {
    const { host, project } = setup({ platform, host: hostKind });
    const footage = project.rootItem.childItems.find((i) => i.name === "Footage")!;
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "rl-keep-"));
    const result = await host.call("endSelfCheck", { binNodeId: footage.nodeId, folder: outside });
    expect(result.removed).toEqual([]);
    expect(result.problems).toEqual([
      `Item ${footage.nodeId} is not a self-check bin; it was left alone.`,
      expect.stringMatching(/is not the self-check's; it was left alone\.$/),
    ]);
    expect(project.rootItem.childItems).toContain(footage);
    expect(fs.existsSync(outside)).toBe(true);
  });

  it("clears what an interrupted check left before it starts", async () => {
    const { host, project, temp } = setup({ platform, host: hostKind });
    const before = projectState(project);
    const first = await host.call("beginSelfCheck", {});
    // the panel reloaded mid-check: endSelfCheck never came
    const second = await host.call("beginSelfCheck", {});
    expect(project.rootItem.childItems.filter((i) => i.name.startsWith("Reference Lookup self-check"))).toHaveLength(1);
    expect(project.rootItem.childItems.some((i) => i.nodeId === first.binNodeId)).toBe(false);
    await host.call("endSelfCheck", { binNodeId: second.binNodeId, folder: second.folder });
    expect(projectState(project)).toEqual(before);
    expect(scratchFolders(temp)).toEqual([]);
  });

  it("leaves a bin named like its own alone when it is not at the project's root", async () => {
    const { host, project } = setup({ platform, host: hostKind });
    const footage = project.rootItem.childItems.find((i) => i.name === "Footage")!;
    const nested = footage.add(new SimProjectItem("Reference Lookup self-check notes", ProjectItemType.BIN));
    const scratch = await host.call("beginSelfCheck", {});
    await host.call("endSelfCheck", { binNodeId: scratch.binNodeId, folder: scratch.folder });
    expect(footage.childItems).toContain(nested);
  });
});

describe("the scratch clip and the panel's queue", () => {
  it("ImportWatcher leaves the self-check's sample out of the queue, from events and polling alike", async () => {
    const { host, project } = setup();
    const queued: string[] = [];
    const watcher = new ImportWatcher(host, {
      pollMs: 60_000,
      onNewClips: (c) => queued.push(...c.map((i) => i.name)),
    });
    const stop = watcher.listen();
    await watcher.start();
    const scratch = await host.call("beginSelfCheck", {});
    await watcher.idle();
    await watcher.poll();
    // an editor's import meanwhile is still queued
    project.rootItem.childItems[0].add(new SimProjectItem("editor.mp4", ProjectItemType.CLIP, sampleMedia().h264));
    await watcher.poll();
    expect(queued).toEqual(["editor.mp4"]);
    await host.call("endSelfCheck", { binNodeId: scratch.binNodeId, folder: scratch.folder });
    watcher.stop();
    stop();
  });
});
