import { describe, expect, it } from "vitest";
import { SimTrackItem, TICKS_PER_SECOND } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOST_PLATFORMS, simulatedHost } from "../../src/testing/simulated-host";

const item = (project: ReturnType<typeof createSampleProject>, name: string) =>
  project.allItems().find((i) => i.name === name)!;

describe.each(HOST_PLATFORMS)("getSelection on the %s host, %s", (hostKind, platform) => {
  it("with nothing selected: no project items, an empty timeline selection", async () => {
    const { host } = simulatedHost(createSampleProject(sampleMedia()), { platform, host: hostKind });
    expect(await host.call("getSelection")).toEqual({
      projectItems: [],
      timeline: { sequenceName: "Ep 3 assembly", playheadTicks: "0", items: [] },
    });
  });

  it("with a sequence selected in the Project panel it is reported as a sequence", async () => {
    const project = createSampleProject(sampleMedia());
    const { host, simulator } = simulatedHost(project, { platform, host: hostKind });
    simulator.app.projectViewSelection = [item(project, "Ep 3 assembly")];
    const { projectItems } = await host.call("getSelection");
    expect(projectItems).toHaveLength(1);
    expect(projectItems[0]).toMatchObject({ name: "Ep 3 assembly", isSequence: true, mediaPath: null });
  });

  it("returns selected clips, also through the per-view calls of Premiere before 15.4", async () => {
    for (const legacySelectionApi of [false, true]) {
      const project = createSampleProject(sampleMedia());
      const { host, simulator } = simulatedHost(project, { legacySelectionApi, platform, host: hostKind });
      simulator.app.projectViewSelection = [item(project, "kitchen-hob-CU.jpg"), item(project, "garden_0001.png")];
      const { projectItems } = await host.call("getSelection");
      expect(
        projectItems.map((p) => p.name),
        `legacy=${legacySelectionApi}`,
      ).toEqual(["kitchen-hob-CU.jpg", "garden_0001.png"]);
    }
  });

  it("returns timeline track items with their project item, in/out points and the playhead", async () => {
    const project = createSampleProject(sampleMedia());
    const { host } = simulatedHost(project, { platform, host: hostKind });
    const seq = project.activeSequence!;
    const clip = item(project, "kitchen-oven-cleaning-MID.mp4");
    const placed = new SimTrackItem(clip, 10 * TICKS_PER_SECOND, TICKS_PER_SECOND, 3 * TICKS_PER_SECOND);
    seq.videoTrackList[1].items.push(placed);
    placed.setSelected(true);
    seq.playerPositionTicks = 11 * TICKS_PER_SECOND;
    const { timeline } = await host.call("getSelection");
    expect(timeline).toMatchObject({
      sequenceName: "Ep 3 assembly",
      playheadTicks: String(11 * TICKS_PER_SECOND),
      items: [
        {
          item: { name: "kitchen-oven-cleaning-MID.mp4", type: "CLIP" },
          startTicks: String(10 * TICKS_PER_SECOND),
          endTicks: String(12 * TICKS_PER_SECOND),
          inPointTicks: String(TICKS_PER_SECOND),
          outPointTicks: String(3 * TICKS_PER_SECOND),
        },
      ],
    });
  });

  it("has no timeline part when no sequence is open", async () => {
    const project = createSampleProject(sampleMedia());
    project.activeSequence = null;
    const { host } = simulatedHost(project, { platform, host: hostKind });
    expect((await host.call("getSelection")).timeline).toBeNull();
  });
});
