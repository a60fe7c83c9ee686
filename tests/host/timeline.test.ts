// The clip under the playhead (issue 11 §3, host side) and its source frame, on a sequence built
// in the simulator: topmost enabled video track, speed and reverse, the typed refusals, and the
// exported frame compared with what ffmpeg cuts from the file at that media time.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  SimSequence,
  SimTrackItem,
  SimProjectItem,
  ProjectItemType,
  TICKS_PER_SECOND,
} from "../../src/sim/premiere-dom";
import type { SimTrack } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOSTS, HOST_PLATFORMS, simulatedHost } from "../../src/testing/simulated-host";

const T = (seconds: number) => Math.round(seconds * TICKS_PER_SECOND);

function put(track: SimTrack, item: SimProjectItem, startS: number, inS: number, outS: number): SimTrackItem {
  const placed = new SimTrackItem(item, T(startS), T(inS), T(outS));
  placed.track = track;
  track.items.push(placed);
  return placed;
}

function setup(options: Parameters<typeof simulatedHost>[1] = {}) {
  const project = createSampleProject(sampleMedia());
  const named = (n: string) => project.allItems().find((i) => i.name === n)!;
  const seq = new SimSequence("Edit", new SimProjectItem("Edit", ProjectItemType.CLIP), 25);
  project.addSequence(seq);
  project.activeSequence = seq;
  const oven = named("kitchen-oven-cleaning-MID.mp4");
  const [v1, v2] = seq.videoTrackList;
  const onV1 = put(v1, oven, 2, 1, 3); // sequence 2–4 s shows source 1–3 s
  return { project, seq, named, oven, v1, v2, onV1, ...simulatedHost(project, options) };
}

/** RGB bytes of a PNG, or of the frame ffmpeg decodes at a time (accurate output seeking). */
function rgb(args: string[]): Buffer {
  return execFileSync("ffmpeg", [
    "-loglevel",
    "error",
    ...args,
    "-frames:v",
    "1",
    "-f",
    "rawvideo",
    "-pix_fmt",
    "rgb24",
    "-",
  ]);
}
const meanDiff = (a: Buffer, b: Buffer) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
};

describe.each(HOST_PLATFORMS)("[%s] getClipAtPlayhead on %s", (hostKind, platform) => {
  it("finds the clip, its track item times and the source time under the playhead", async () => {
    const { host, seq, oven } = setup({ platform, host: hostKind });
    seq.setPlayerPosition(String(T(2.64)));
    const hit = await host.call("getClipAtPlayhead");
    expect(hit).toMatchObject({
      sequenceName: "Edit",
      item: { nodeId: oven.nodeId, name: "kitchen-oven-cleaning-MID.mp4" },
      trackIndex: 0,
      startTicks: String(T(2)),
      endTicks: String(T(4)),
      inPointTicks: String(T(1)),
      outPointTicks: String(T(3)),
      playheadTicks: String(T(2.64)),
      sourceTicks: String(T(1.64)),
      speed: 1,
      reversed: false,
      still: false,
    });
  });

  it("grabs the source frame at that media time: the frame ffmpeg cuts there, not the one at the playhead", async () => {
    const { host, seq, oven, simulator } = setup({ platform, host: hostKind });
    seq.setPlayerPosition(String(T(2.64)));
    const hit = await host.call("getClipAtPlayhead");
    const grab = await host.call("exportFrameAt", { nodeId: hit.item.nodeId, ticks: hit.sourceTicks });
    expect(grab.frames).toHaveLength(1);
    expect(grab.frames[0].ticks).toBe(String(T(1.64)));
    const png = simulator.paths.toReal(grab.frames[0].path);
    const exported = rgb(["-i", png]);
    const atSource = rgb(["-i", oven.media!.path, "-ss", "1.64"]);
    const atPlayhead = rgb(["-i", oven.media!.path, "-ss", "2.64"]);
    expect(meanDiff(exported, atSource)).toBeLessThan(2);
    expect(meanDiff(exported, atPlayhead)).toBeGreaterThan(10);
    await host.call("releaseFrames", grab.folder);
    expect(fs.existsSync(simulator.paths.toReal(grab.folder))).toBe(false);
  });

  it("takes the topmost video track whose output is on, skipping disabled items", async () => {
    const { host, seq, v2, named } = setup({ platform, host: hostKind });
    const prores = put(v2, named("bathroom tap WS (ProRes).mov"), 2, 0, 1);
    seq.setPlayerPosition(String(T(2.5)));
    expect((await host.call("getClipAtPlayhead")).item.name).toBe("bathroom tap WS (ProRes).mov");
    expect((await host.call("getClipAtPlayhead")).trackIndex).toBe(1);
    v2.setMute(1);
    expect((await host.call("getClipAtPlayhead")).item.name).toBe("kitchen-oven-cleaning-MID.mp4");
    v2.setMute(0);
    prores.disabled = true;
    expect((await host.call("getClipAtPlayhead")).item.name).toBe("kitchen-oven-cleaning-MID.mp4");
  });

  it("applies speed, and counts a reversed clip back from its out point", async () => {
    const { host, seq, onV1 } = setup({ platform, host: hostKind });
    seq.setPlayerPosition(String(T(2.5)));
    onV1.speed = 2;
    expect((await host.call("getClipAtPlayhead")).sourceTicks).toBe(String(T(2)));
    onV1.speed = 1;
    onV1.reversed = true;
    const hit = await host.call("getClipAtPlayhead");
    expect(hit).toMatchObject({ reversed: true, sourceTicks: String(T(2.5)) });
  });

  it("flags a still", async () => {
    const { host, seq, v2, named } = setup({ platform, host: hostKind });
    put(v2, named("kitchen-hob-CU.jpg"), 5, 0, 5);
    seq.setPlayerPosition(String(T(6)));
    expect(await host.call("getClipAtPlayhead")).toMatchObject({ still: true, item: { still: true } });
  });

  it("refuses with NO_SEQUENCE, NO_CLIP_AT_PLAYHEAD and MEDIA_OFFLINE", async () => {
    const { host, seq, v2, named, project } = setup({ platform, host: hostKind });
    seq.setPlayerPosition(String(T(1))); // before the first item
    await expect(host.call("getClipAtPlayhead")).rejects.toMatchObject({ code: "NO_CLIP_AT_PLAYHEAD" });
    put(v2, named("missing-drive clip.mxf"), 0, 0, 2);
    await expect(host.call("getClipAtPlayhead")).rejects.toMatchObject({ code: "MEDIA_OFFLINE" });
    const nested = put(seq.videoTrackList[2], project.sequenceList[0].projectItem, 0, 0, 2); // nested, on V3
    await expect(host.call("getClipAtPlayhead")).rejects.toMatchObject({
      code: "NO_CLIP_AT_PLAYHEAD",
      message: expect.stringContaining("a nested sequence"),
    });
    nested.disabled = true;
    project.activeSequence = null;
    await expect(host.call("getClipAtPlayhead")).rejects.toMatchObject({ code: "NO_SEQUENCE" });
  });
});

describe.each(HOSTS)("[%s] exportFrameAt", (hostKind) => {
  it("reaches a media time outside the clip's in–out range and puts the in and out points back", async () => {
    const { host, oven, simulator } = setup({ host: hostKind });
    oven.setInPoint(1);
    oven.setOutPoint(2);
    const grab = await host.call("exportFrameAt", { nodeId: oven.nodeId, ticks: String(T(3.2)) });
    expect(simulator.exports.at(-1)!.sourceSeconds).toBeCloseTo(3.2, 6);
    expect([oven.getInPoint().ticks, oven.getOutPoint().ticks]).toEqual([String(T(1)), String(T(2))]);
    await host.call("releaseFrames", grab.folder);
  });

  it("refuses a time past the end of the media, and a malformed tick count", async () => {
    const { host, oven } = setup({ host: hostKind });
    await expect(host.call("exportFrameAt", { nodeId: oven.nodeId, ticks: String(T(60)) })).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
    });
    await expect(host.call("exportFrameAt", { nodeId: oven.nodeId, ticks: "1e12" })).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
    });
  });
});

// QE only: the UXP host exports through Exporter.exportSequenceFrame at a given time (ADR 0032,
// difference "Frame export").
describe("[cep] frame export when QE renders the player position, whatever time it is given", () => {
  it("still grabs the frames at the asked times, because the host moves the player position first", async () => {
    const { host, oven, simulator } = setup({ qeExportMode: "player-position" });
    oven.setInPoint(1);
    oven.setOutPoint(3);
    const result = await host.call("exportFrames", { nodeId: oven.nodeId });
    expect(simulator.exports.map((e) => Number(e.sourceSeconds.toFixed(6)))).toEqual([1.2, 1.6, 2, 2.4, 2.8]);
    await host.call("releaseFrames", result.folder);
  });
});
