// Project walk, clip records and lookups, through the bridge on the compiled bundle.
import { describe, expect, it } from "vitest";
import { ProjectItemType, SimProject, SimProjectItem, TICKS_PER_SECOND } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOST_PLATFORMS, simulatedHost } from "../../src/testing/simulated-host";

describe.each(HOST_PLATFORMS)("[%s] getProjectSnapshot on %s", (hostKind, platform) => {
  it("walks every bin and describes each item", async () => {
    const { host, simulator } = simulatedHost(createSampleProject(sampleMedia()), { platform, host: hostKind });
    const { project, items } = await host.call("getProjectSnapshot");
    expect(project.name).toBe("Küche Ep 3.prproj");
    expect(items.map((i) => `${i.type}:${i.name}`)).toEqual([
      "BIN:Footage",
      "BIN:Day 1 — Küche",
      "CLIP:kitchen-oven-cleaning-MID.mp4",
      "CLIP:kitchen-hob-CU.jpg",
      "CLIP:bathroom tap WS (ProRes).mov",
      "CLIP:garden_0001.png",
      "CLIP:missing-drive clip.mxf",
      "CLIP:Ep 3 assembly",
    ]);
    const byName = Object.fromEntries(items.map((i) => [i.name, i]));
    expect(byName["kitchen-oven-cleaning-MID.mp4"]).toMatchObject({
      treePath: "\\Küche Ep 3.prproj\\Footage\\Day 1 — Küche\\kitchen-oven-cleaning-MID.mp4",
      isSequence: false,
      mediaPath: simulator.paths.toHost(sampleMedia().h264.path), // C:\\... on Windows
      inPointTicks: "0",
      outPointTicks: String(4 * TICKS_PER_SECOND),
      durationTicks: String(4 * TICKS_PER_SECOND),
      frameRate: 25,
      width: 320,
      height: 180,
      offline: false,
      still: false,
      imageSequence: false,
    });
    expect(byName["kitchen-hob-CU.jpg"]).toMatchObject({ still: true, imageSequence: false, width: 640, height: 360 });
    expect(byName["garden_0001.png"]).toMatchObject({ still: false, imageSequence: true });
    expect(byName["missing-drive clip.mxf"]).toMatchObject({
      offline: true,
      mediaPath: expect.stringContaining("missing-drive clip.mxf"),
    });
    expect(byName["Ep 3 assembly"]).toMatchObject({ isSequence: true, mediaPath: null });
    expect(byName["Footage"]).toMatchObject({ type: "BIN", mediaPath: null, offline: false });
  });

  it("reports the project's path as the platform spells it", async () => {
    const { host } = simulatedHost(createSampleProject(), { platform, host: hostKind });
    const { path } = await host.call("getProjectInfo");
    expect(path).toBe(
      platform === "windows"
        ? "C:\\Users\\editor\\Projects\\EAV Küche — 日本語\\Küche Ep 3.prproj"
        : "/Users/editor/Projects/EAV Küche — 日本語/Küche Ep 3.prproj",
    );
  });

  it("reaches clips in bins nested five deep", async () => {
    const project = new SimProject("/tmp/deep.prproj");
    let bin = project.rootItem;
    for (let depth = 1; depth <= 5; depth++) bin = bin.add(new SimProjectItem(`Level ${depth}`, ProjectItemType.BIN));
    const clip = bin.add(new SimProjectItem("deep clip.mp4", ProjectItemType.CLIP, sampleMedia().h264));
    const { host } = simulatedHost(project, { platform, host: hostKind });
    const ids = await host.call("listClipIds");
    expect(ids).toEqual([clip.nodeId]);
    const {
      clips: [record],
    } = await host.call("getClips", ids);
    expect(record.treePath).toBe("\\deep.prproj\\Level 1\\Level 2\\Level 3\\Level 4\\Level 5\\deep clip.mp4");
  });

  it("lists only clips (no bins, no sequences) and returns records in the order asked", async () => {
    const { host } = simulatedHost(createSampleProject(sampleMedia()), { platform, host: hostKind });
    const ids = await host.call("listClipIds");
    expect(ids).toHaveLength(5);
    const { clips: reversed, missing } = await host.call("getClips", [...ids].reverse());
    expect(reversed.map((r) => r.nodeId)).toEqual([...ids].reverse());
    expect(missing).toEqual([]);
  });

  it("lists deleted ids as missing, reports an unknown id as NOT_FOUND and a bin where a clip is needed as NOT_A_CLIP", async () => {
    const { host } = simulatedHost(createSampleProject(sampleMedia()), { platform, host: hostKind });
    const ids = await host.call("listClipIds");
    expect(await host.call("getClips", [ids[0], "999999"])).toMatchObject({
      clips: [{ nodeId: ids[0] }],
      missing: ["999999"],
    });
    await expect(host.call("readClipMetadata", "999999")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { items } = await host.call("getProjectSnapshot");
    const bin = items.find((i) => i.type === "BIN")!;
    await expect(host.call("readClipMetadata", bin.nodeId)).rejects.toMatchObject({
      code: "NOT_A_CLIP",
      message: expect.stringContaining("bin"),
    });
    const seq = items.find((i) => i.isSequence)!;
    await expect(host.call("exportFrames", { nodeId: seq.nodeId })).rejects.toMatchObject({
      code: "NOT_A_CLIP",
      message: expect.stringContaining("sequence"),
    });
  });

  it("snapshots a 2,000-item project (timing is in npm run bench:host)", async () => {
    const project = new SimProject("/Volumes/Projekte/Großes Projekt.prproj");
    for (let b = 0; b < 20; b++) {
      const bin = project.rootItem.add(new SimProjectItem(`Drehtag ${b + 1}`, ProjectItemType.BIN));
      for (let c = 0; c < 99; c++)
        bin.add(
          new SimProjectItem(`A${b}_C${String(c).padStart(3, "0")}.mov`, ProjectItemType.CLIP, sampleMedia().prores),
        );
    }
    const { host } = simulatedHost(project, { platform, host: hostKind });
    const { items } = await host.call("getProjectSnapshot");
    expect(items).toHaveLength(2000);
    expect(new Set(items.map((i) => i.nodeId)).size).toBe(2000);
  });

  it("every host function answers NO_PROJECT when no project is open", async () => {
    const { host } = simulatedHost(null, { platform, host: hostKind });
    const calls = [
      host.call("getProjectSnapshot"),
      host.call("listClipIds"),
      host.call("getClips", ["1"]),
      host.call("getSelection"),
      host.call("readClipMetadata", "1"),
      host.call("exportFrames", { nodeId: "1" }),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ code: "NO_PROJECT" });
  });
});
