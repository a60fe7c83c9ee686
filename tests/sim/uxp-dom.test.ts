// The simulated UXP DOM behaves as Premiere's does where the host depends on it: asynchronous
// reads, writes only as actions in a transaction inside lockedAccess, one project model seen
// through both DOMs, and sim:coverage covering the UXP declarations.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { uxpSimCoverage } from "../../scripts/sim-coverage-uxp";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import type { UxpCompoundAction } from "../../src/sim/uxp/uxp-actions";
import { UxpPremiereSimulator } from "../../src/sim/uxp/uxp-simulator";
import { ROOT } from "../../src/testing/paths";

function setup() {
  const project = createSampleProject();
  const simulator = new UxpPremiereSimulator({ project });
  const ppro = simulator.ppro;
  const clip = project.allItems().find((i) => i.name === "kitchen-oven-cleaning-MID.mp4")!;
  return { project, simulator, ppro, clip };
}

async function uxpClip(s: ReturnType<typeof setup>) {
  const uxpProject = (await s.ppro.Project.getActiveProject())!;
  const root = await uxpProject.getRootItem();
  const footage = s.ppro.FolderItem.cast((await root.getItems()).find((i) => i.name === "Footage")!);
  const day1 = s.ppro.FolderItem.cast((await footage.getItems()).find((i) => i.name === "Day 1 — Küche")!);
  const item = (await day1.getItems()).find((i) => i.getId() === s.clip.nodeId)!;
  return { uxpProject, item, clip: s.ppro.ClipProjectItem.cast(item) };
}

describe("the simulated UXP DOM", () => {
  it("answers reads asynchronously, with the same ids and media as the ExtendScript DOM's", async () => {
    const s = setup();
    const pending = s.ppro.Project.getActiveProject();
    expect(pending).toBeInstanceOf(Promise);
    const { clip } = await uxpClip(s);
    expect(await clip.getMediaFilePath()).toBe(s.clip.getMediaPath());
    expect((await clip.getOutPoint(s.ppro.Constants.MediaType.VIDEO)).ticks).toBe(s.clip.getOutPoint().ticks);
  });

  it("refuses executeTransaction outside lockedAccess, and an action added after its transaction", async () => {
    const s = setup();
    const { uxpProject, item } = await uxpClip(s);
    const write = () => s.ppro.Metadata.createSetXMPMetadataAction(item, s.clip.getXMPMetadata());
    expect(() => uxpProject.executeTransaction((c) => c.addAction(write()))).toThrow(/inside Project\.lockedAccess/);
    let kept: UxpCompoundAction | null = null;
    uxpProject.lockedAccess(() => uxpProject.executeTransaction((c) => void (kept = c), "keep"));
    expect(() => kept!.addAction(write())).toThrow(/transaction has ended/);
    expect(s.simulator.transactions.map((t) => t.actions)).toEqual([[]]);
  });

  it("runs no action outside a transaction, and releases the lock at the first await", async () => {
    const s = setup();
    const { uxpProject, clip } = await uxpClip(s);
    clip.createSetInPointAction(s.ppro.TickTime.createWithSeconds(1)); // made, never run
    expect(s.clip.getInPoint().ticks).toBe("0");
    let afterAwait: unknown = null;
    uxpProject.lockedAccess(async () => {
      await Promise.resolve();
      try {
        uxpProject.executeTransaction(() => undefined);
      } catch (e) {
        afterAwait = e;
      }
    });
    await expect.poll(() => afterAwait).toBeInstanceOf(Error);
    uxpProject.lockedAccess(() =>
      uxpProject.executeTransaction(
        (c) => c.addAction(clip.createSetInPointAction(s.ppro.TickTime.createWithSeconds(1))),
        "in",
      ),
    );
    expect(s.clip.getInPoint().seconds).toBe(1);
  });

  it("fails a transaction whose XMP Premiere cannot parse, leaving the clip's packet as it was", async () => {
    const s = setup();
    const { uxpProject, item } = await uxpClip(s);
    const before = s.clip.getXMPMetadata();
    let ok = true;
    uxpProject.lockedAccess(() => {
      ok = uxpProject.executeTransaction((c) =>
        c.addAction(s.ppro.Metadata.createSetXMPMetadataAction(item, "<x:xmpmeta")),
      );
    });
    expect(ok).toBe(false);
    expect(s.clip.getXMPMetadata()).toBe(before);
  });

  it("shows one project through both DOMs: a write through UXP is what ExtendScript reads", async () => {
    const project = createSampleProject();
    const uxp = new UxpPremiereSimulator({ project });
    const cep = new PremiereSimulator({ project });
    const clip = project.allItems().find((i) => i.name === "kitchen-hob-CU.jpg")!;
    const ppro = uxp.ppro;
    const uxpProject = (await ppro.Project.getActiveProject())!;
    const item = (await ppro.ProjectUtils.getSelection(uxpProject)).getItems();
    expect(await item).toEqual([]);
    uxp.app.projectViewSelection = [clip]; // the selection is the application's, the project is shared
    const [selected] = await (await ppro.ProjectUtils.getSelection(uxpProject)).getItems();
    expect(selected.getId()).toBe(clip.nodeId);
    uxpProject.lockedAccess(() =>
      uxpProject.executeTransaction((c) => c.addAction(selected.createSetNameAction("renamed.jpg"))),
    );
    expect(cep.realm.run(`app.project.rootItem.children[0].children[0].children[1].name`)).toBe("renamed.jpg");
  });
});

describe("npm run sim:coverage, UXP part", () => {
  it("finds every declared member of the modelled UXP types, and every member the host uses implemented", () => {
    const coverage = uxpSimCoverage();
    expect(coverage.classes.flatMap((c) => c.missing.map((m) => `${c.name}.${m}`))).toEqual([]);
    expect(coverage.hostCalls).toEqual(
      expect.arrayContaining(["ExporterStatic.exportSequenceFrame", "Project.lockedAccess"]),
    );
    expect(coverage.hostCallsUnimplemented).toEqual([]);
  });

  it("fails, naming the member, when premierepro's declarations hold one the simulator lacks", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rl-uxp-dts-"));
    const dts = path.join(dir, "premierepro.d.ts");
    const real = fs.readFileSync(path.join(ROOT, "node_modules/@adobe/premierepro/src/premierepro.d.ts"), "utf8");
    fs.writeFileSync(
      dts,
      real.replace("export declare type TickTime = {", "export declare type TickTime = {\n  frobnicate(): void;"),
    );
    // the CLI's failing exit is the ExtendScript part's (tests/sim/dom-fidelity.test.ts); both feed it
    expect(uxpSimCoverage(dts).classes.find((c) => c.name === "TickTime")!.missing).toEqual(["frobnicate"]);
  });
});
