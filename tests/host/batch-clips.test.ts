// getBinClips and getSelectedClips: the compiled ES3 bundle in the simulator, on both platforms.
// A bin includes its sub-bins; bins are walked into, sequences and offline media are skipped
// with the reason; every clip comes once, in Project panel order.
import { describe, expect, it } from "vitest";
import { ProjectItemType, SimProjectItem, SimTrackItem, TICKS_PER_SECOND } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOST_PLATFORMS, simulatedHost } from "../../src/testing/simulated-host";

type Project = ReturnType<typeof createSampleProject>;
const item = (project: Project, name: string) => project.allItems().find((i) => i.name === name)!;
const ROOT = "\\Küche Ep 3.prproj";
const DAY1 = ["kitchen-oven-cleaning-MID.mp4", "kitchen-hob-CU.jpg", "bathroom tap WS (ProRes).mov", "garden_0001.png"];

/** A card dump: `count` clips with spaces and non-Latin names, spread over nested sub-bins. */
function cardDump(project: Project, count: number): { bin: SimProjectItem; names: string[] } {
  const bin = project.rootItem.add(new SimProjectItem("Karte 2 — カード", ProjectItemType.BIN));
  const names: string[] = [];
  let target = bin;
  for (let n = 1; n <= count; n++) {
    if (n % 100 === 1) target = bin.add(new SimProjectItem(`A00${Math.ceil(n / 100)} Clips`, ProjectItemType.BIN));
    const name = `A001_C${String(n).padStart(3, "0")} Küche 台所.mp4`;
    names.push(name);
    target.add(new SimProjectItem(name, ProjectItemType.CLIP, sampleMedia().h264));
  }
  return { bin, names };
}

describe.each(HOST_PLATFORMS)("[%s] batch clips on %s", (hostKind, platform) => {
  it("getBinClips of a clip: every clip of the bin that holds it", async () => {
    const project = createSampleProject(sampleMedia());
    const { host } = simulatedHost(project, { platform, host: hostKind });
    const result = await host.call("getBinClips", { nodeId: item(project, "kitchen-hob-CU.jpg").nodeId });
    expect(result.scope).toEqual({ kind: "bin", name: "Day 1 — Küche", treePath: `${ROOT}\\Footage\\Day 1 — Küche` });
    expect(result.clips.map((c) => c.name)).toEqual(DAY1);
    expect(result.clips[0]).toMatchObject({ type: "CLIP", isSequence: false, offline: false, frameRate: 25 });
    expect(result.skipped).toEqual([]);
  });

  it("getBinClips of a bin includes its sub-bins and skips offline media with the reason", async () => {
    const project = createSampleProject(sampleMedia());
    const { host } = simulatedHost(project, { platform, host: hostKind });
    const result = await host.call("getBinClips", { nodeId: item(project, "Footage").nodeId });
    expect(result.clips.map((c) => c.name)).toEqual(DAY1);
    expect(result.skipped).toEqual([
      {
        nodeId: item(project, "missing-drive clip.mxf").nodeId,
        name: "missing-drive clip.mxf",
        treePath: `${ROOT}\\Footage\\missing-drive clip.mxf`,
        reason: expect.stringContaining("is offline: its media file is missing"),
      },
    ]);
  });

  it("getBinClips of an item in the root walks the whole project and skips the sequence", async () => {
    const project = createSampleProject(sampleMedia());
    const { host } = simulatedHost(project, { platform, host: hostKind });
    const result = await host.call("getBinClips", { nodeId: item(project, "Ep 3 assembly").nodeId });
    expect(result.scope).toMatchObject({ kind: "bin", name: "Küche Ep 3.prproj", treePath: ROOT });
    expect(result.clips.map((c) => c.name)).toEqual(DAY1);
    expect(result.skipped.map((s) => [s.name, s.reason])).toEqual([
      ["missing-drive clip.mxf", expect.stringContaining("offline")],
      ["Ep 3 assembly", "'Ep 3 assembly' is a sequence, not a clip with media."],
    ]);
  });

  it("without a node id: the selected bin, else the bin of the first selected clip, else NO_SELECTION", async () => {
    const project = createSampleProject(sampleMedia());
    const { host, simulator } = simulatedHost(project, { platform, host: hostKind });
    await expect(host.call("getBinClips", {})).rejects.toMatchObject({ code: "NO_SELECTION" });
    simulator.app.projectViewSelection = [item(project, "garden_0001.png")];
    expect((await host.call("getBinClips", {})).scope.name).toBe("Day 1 — Küche");
    simulator.app.projectViewSelection = [item(project, "garden_0001.png"), item(project, "Footage")];
    expect((await host.call("getBinClips", {})).scope.name).toBe("Footage");
  });

  it("a bin of 300 clips in sub-bins, non-Latin names and spaces: all, once, in order", async () => {
    const project = createSampleProject(sampleMedia());
    const { host } = simulatedHost(project, { platform, host: hostKind });
    const { bin, names } = cardDump(project, 300);
    const result = await host.call("getBinClips", { nodeId: bin.nodeId });
    expect(result.scope.name).toBe("Karte 2 — カード");
    expect(result.clips.map((c) => c.name)).toEqual(names);
    expect(new Set(result.clips.map((c) => c.nodeId)).size).toBe(300);
    expect(result.clips[299].treePath).toBe(ROOT + "\\Karte 2 — カード\\A003 Clips\\A001_C300 Küche 台所.mp4");
  });

  it("getSelectedClips('project'): clips once each, selected bins walked into, sequences skipped", async () => {
    const project = createSampleProject(sampleMedia());
    const { host, simulator } = simulatedHost(project, { platform, host: hostKind });
    simulator.app.projectViewSelection = [
      item(project, "kitchen-hob-CU.jpg"),
      item(project, "Ep 3 assembly"),
      item(project, "Day 1 — Küche"), // holds the hob again
    ];
    const result = await host.call("getSelectedClips", "project");
    expect(result.scope.kind).toBe("project-selection");
    expect(result.clips.map((c) => c.name)).toEqual([
      "kitchen-hob-CU.jpg",
      "kitchen-oven-cleaning-MID.mp4",
      "bathroom tap WS (ProRes).mov",
      "garden_0001.png",
    ]);
    expect(result.skipped.map((s) => s.name)).toEqual(["Ep 3 assembly"]);
  });

  it("getSelectedClips('timeline'): the project items of the selected video track items, once each", async () => {
    const project = createSampleProject(sampleMedia());
    const { host } = simulatedHost(project, { platform, host: hostKind });
    const seq = project.activeSequence!;
    const prores = item(project, "bathroom tap WS (ProRes).mov");
    const oven = item(project, "kitchen-oven-cleaning-MID.mp4");
    const placed = [
      new SimTrackItem(prores, 20 * TICKS_PER_SECOND, 0, 2 * TICKS_PER_SECOND),
      new SimTrackItem(oven, 30 * TICKS_PER_SECOND, 0, 2 * TICKS_PER_SECOND),
      new SimTrackItem(prores, 40 * TICKS_PER_SECOND, 0, 2 * TICKS_PER_SECOND),
    ];
    for (const p of placed) {
      seq.videoTrackList[1].items.push(p);
      p.setSelected(true);
    }
    const result = await host.call("getSelectedClips", "timeline");
    expect(result.scope).toMatchObject({ kind: "timeline-selection", name: "Ep 3 assembly" });
    expect(result.clips.map((c) => c.name)).toEqual(["bathroom tap WS (ProRes).mov", "kitchen-oven-cleaning-MID.mp4"]);
  });

  it("refuses with NO_SEQUENCE, NOT_FOUND and INVALID_ARGUMENTS", async () => {
    const project = createSampleProject(sampleMedia());
    project.activeSequence = null;
    const { host } = simulatedHost(project, { platform, host: hostKind });
    await expect(host.call("getSelectedClips", "timeline")).rejects.toMatchObject({ code: "NO_SEQUENCE" });
    await expect(host.call("getBinClips", { nodeId: "no-such-id" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(host.call("getSelectedClips", "bin" as "project")).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
      message: expect.stringContaining("must be one of project, timeline"),
    });
  });
});
