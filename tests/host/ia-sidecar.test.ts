// IA's sidecars beside a clip's media, through the compiled host (docs/facts/ia-contract.md, ADR 0022): read per
// clip (the corrections file's entry, else IA's), the correction Accept records in
// .ingest-metadata-pp.json with every other byte kept, IA's file never touched, an unreadable
// corrections file never overwritten, and IA's shot number kept.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { IaMetadata } from "../../src/shared/metadata/ia-metadata";
import { ProjectItemType, SimProjectItem } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { XMPConst, XMPMeta } from "../../src/sim/xmp-meta";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOST_PLATFORMS, simulatedHost } from "../../src/testing/simulated-host";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const entry = (id: string, fields: Record<string, unknown>) => ({
  id,
  originalFilename: `${id}.MP4`,
  currentFilename: `${id}.MP4`,
  fileType: "video",
  shotNumber: 1,
  shotName: "",
  keywords: [],
  lockedFields: [],
  location: "",
  subject: "",
  action: "",
  shotType: "",
  createdBy: "ingest-assistant",
  modifiedAt: "2025-11-02T09:14:05.000Z",
  modifiedBy: "ingest-assistant",
  ...fields,
});

/** A folder IA catalogued: a video IA renamed (EB001560 → its current name), a still and IA's file. */
function iaFolder(locked: string[] = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "IA Tag 2 — Küche "));
  made.push(dir);
  const name = "kitchen-sink-rinsing-MID-#2.mp4";
  fs.copyFileSync(sampleMedia().h264.path, path.join(dir, name));
  const sidecar = {
    _schema: "2.0",
    _completed: true,
    EB001559: entry("EB001559", {
      fileType: "image",
      originalFilename: "EB001559.JPG",
      currentFilename: "kitchen-oven-CU-#1.jpg",
      shotNumber: 1,
      shotName: "kitchen-oven-CU-#1",
      keywords: ["oven", "👩‍🍳"],
      location: "kitchen",
      subject: "oven",
      shotType: "CU",
    }),
    EB001560: entry("EB001560", {
      currentFilename: name,
      shotNumber: 2,
      shotName: "kitchen-sink-rinsing-MID-#2",
      keywords: ["sink"],
      lockedFields: locked,
      location: "kitchen",
      subject: "sink",
      action: "rinsing",
      shotType: "MID",
    }),
  };
  const iaFile = path.join(dir, ".ingest-metadata.json");
  fs.writeFileSync(iaFile, JSON.stringify(sidecar, null, 2));
  return {
    dir,
    name,
    sidecar,
    iaFile,
    iaBytes: fs.readFileSync(iaFile),
    ppFile: path.join(dir, ".ingest-metadata-pp.json"),
  };
}

const tap: IaMetadata = {
  location: "kitchen",
  subject: "tap",
  action: "rinsing",
  shotType: "CU",
  shotNumber: 2,
  keywords: ["tap"],
};

describe.each(HOST_PLATFORMS)("[%s] IA's sidecars on %s", (hostKind, platform) => {
  function setup(locked: string[] = []) {
    const folder = iaFolder(locked);
    const project = createSampleProject(sampleMedia());
    const clip = project.rootItem.add(
      new SimProjectItem(folder.name, ProjectItemType.CLIP, {
        ...sampleMedia().h264,
        path: path.join(folder.dir, folder.name),
      }),
    );
    const still = project.rootItem.add(
      new SimProjectItem("kitchen-oven-CU-#1.jpg", ProjectItemType.CLIP, {
        ...sampleMedia().still,
        path: path.join(folder.dir, "kitchen-oven-CU-#1.jpg"),
      }),
    );
    fs.copyFileSync(sampleMedia().still.path, path.join(folder.dir, "kitchen-oven-CU-#1.jpg"));
    return { ...folder, clip, still, ...simulatedHost(project, { platform, host: hostKind }) };
  }

  it("reads the locks and IA's shot number from IA's file when there is no corrections file", async () => {
    const { host, clip } = setup(["subject"]);
    expect(await host.call("readIaSidecar", clip.nodeId)).toEqual({
      source: "ia",
      lockedFields: ["subject"],
      shotNumber: 2,
    });
  });

  it("records the correction in .ingest-metadata-pp.json: IA's bytes with only the clip's entry changed", async () => {
    const { host, clip, iaFile, iaBytes, ppFile, sidecar } = setup();
    const result = await host.call("recordCorrection", { nodeId: clip.nodeId, metadata: tap });
    expect(result).toMatchObject({ written: true });
    const pp = JSON.parse(fs.readFileSync(ppFile, "utf8"));
    expect(pp.EB001560).toMatchObject({
      subject: "tap",
      shotType: "CU",
      keywords: ["tap"],
      shotName: "kitchen-tap-rinsing-CU-#2",
      modifiedBy: "cep-panel",
      createdBy: "ingest-assistant",
    });
    expect(pp.EB001560.modifiedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // byte for byte what IA's MetadataStore would write with this entry (Node's JSON, not json2's)
    const expected = { ...sidecar, EB001560: { ...sidecar.EB001560, ...pp.EB001560 } };
    expect(fs.readFileSync(ppFile, "utf8")).toBe(JSON.stringify(expected, null, 2));
    expect(fs.readFileSync(iaFile).equals(iaBytes)).toBe(true);
    // the corrections file now holds the clip's entry, and the same correction again writes nothing
    expect((await host.call("readIaSidecar", clip.nodeId)).source).toBe("corrections");
    const before = fs.readFileSync(ppFile);
    expect(await host.call("recordCorrection", { nodeId: clip.nodeId, metadata: tap })).toMatchObject({
      written: false,
      reason: "nothing changed",
    });
    expect(fs.readFileSync(ppFile).equals(before)).toBe(true);
  });

  it("creates no corrections file when nothing changed", async () => {
    const { host, clip, ppFile } = setup();
    const same = { ...tap, subject: "sink", shotType: "MID" as const, keywords: ["sink"] };
    expect(await host.call("recordCorrection", { nodeId: clip.nodeId, metadata: same })).toMatchObject({
      written: false,
      reason: "nothing changed",
    });
    expect(fs.existsSync(ppFile)).toBe(false);
  });

  it("a corrections file without the clip: locks from IA's entry, and Accept adds IA's entry merged", async () => {
    const { host, clip, still, ppFile, iaFile, iaBytes, sidecar } = setup(["subject"]);
    // the corrections file was copied from IA's before IA catalogued this clip; CRLF, as a tool left it
    const earlier: Record<string, unknown> = { ...sidecar };
    delete earlier.EB001560;
    earlier.EB001559 = { ...sidecar.EB001559, subject: "hob", shotName: "kitchen-hob-CU-#1", modifiedBy: "cep-panel" };
    const ppText = JSON.stringify(earlier, null, 2).replace(/\n/g, "\r\n");
    fs.writeFileSync(ppFile, ppText);
    expect(await host.call("readIaSidecar", clip.nodeId)).toEqual({
      source: "ia",
      lockedFields: ["subject"],
      shotNumber: 2,
    });
    expect(await host.call("readIaSidecar", still.nodeId)).toMatchObject({ source: "corrections", shotNumber: 1 });

    const result = await host.call("recordCorrection", {
      nodeId: clip.nodeId,
      metadata: { ...tap, subject: "sink" },
    });
    expect(result).toMatchObject({ written: true });
    const after = fs.readFileSync(ppFile, "utf8");
    // the earlier corrections byte for byte, the clip's entry added after them
    expect(after.startsWith(ppText.slice(0, ppText.lastIndexOf("\r\n}")))).toBe(true);
    const pp = JSON.parse(after);
    expect(pp.EB001559).toEqual(earlier.EB001559);
    expect(pp.EB001560).toMatchObject({
      ...sidecar.EB001560,
      shotType: "CU",
      keywords: ["tap"],
      shotName: "kitchen-sink-rinsing-CU-#2",
      lockedFields: ["subject"],
      modifiedAt: expect.stringMatching(/^20\d\d-/),
      modifiedBy: "cep-panel",
    });
    expect(after).toBe(JSON.stringify(pp, null, 2).replace(/\n/g, "\r\n"));
    expect(fs.readFileSync(iaFile).equals(iaBytes)).toBe(true);
  });

  it.each([
    ["not JSON", "{ this is not json"],
    ["not an object", "[1, 2]"],
    ["not UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
  ])("never overwrites a corrections file that is %s, and says so", async (_what, content) => {
    const { host, clip, ppFile, iaFile, iaBytes } = setup(["subject"]);
    fs.writeFileSync(ppFile, content);
    const bytes = fs.readFileSync(ppFile);
    const read = await host.call("readIaSidecar", clip.nodeId);
    expect(read).toMatchObject({ source: "ia", lockedFields: ["subject"], shotNumber: 2 });
    expect(read.problem).toMatch(/^IA's corrections file .*\.ingest-metadata-pp\.json cannot be read \(it/);
    const result = await host.call("recordCorrection", { nodeId: clip.nodeId, metadata: tap });
    expect(result.written).toBe(false);
    expect(result.problem).toMatch(/\.ingest-metadata-pp\.json cannot be read \(.+\), so it was left as it is and /);
    expect(result.problem).toMatch(
      /this correction is not in it\. Repair or remove that file, then accept the clip again\.$/,
    );
    expect(fs.readFileSync(ppFile).equals(bytes)).toBe(true);
    expect(fs.readFileSync(iaFile).equals(iaBytes)).toBe(true);
  });

  it("keeps IA's shot number in the XMP and the corrections file: a planned shot's #12 is not it", async () => {
    const { host, still, ppFile } = setup();
    // the still as IA wrote it: kitchen-oven-CU-#1
    const ia = new XMPMeta();
    ia.setProperty(XMPConst.NS_DM, "shotName", "kitchen-oven-CU-#1");
    ia.setProperty(XMPConst.NS_DM, "logComment", "location=kitchen, subject=oven, action=, shotType=CU, shotNumber=#1");
    still.setXMPMetadata(ia.serialize());
    const linked = { location: "kitchen", subject: "hob", shotType: "CU" as const, shotNumber: 12, keywords: ["oven"] };
    const written = await host.call("writeClipMetadata", { nodeId: still.nodeId, metadata: linked });
    expect(written.metadata.shotNumber).toBe(1);
    await host.call("recordCorrection", { nodeId: still.nodeId, metadata: linked });
    const xmp = new XMPMeta(still.getXMPMetadata());
    expect(xmp.getProperty(XMPConst.NS_DM, "shotName")?.value).toBe("kitchen-hob-CU-#1");
    expect(xmp.getProperty(XMPConst.NS_DM, "logComment")?.value).toBe(
      "location=kitchen, subject=hob, action=, shotType=CU, shotNumber=#1",
    );
    expect(JSON.parse(fs.readFileSync(ppFile, "utf8")).EB001559).toMatchObject({
      shotNumber: 1,
      shotName: "kitchen-hob-CU-#1",
    });
    // a correction without a number does not drop -#1
    const none = { location: "kitchen", subject: "pan", shotType: "CU" as const, keywords: [] };
    await host.call("writeClipMetadata", { nodeId: still.nodeId, metadata: none });
    await host.call("recordCorrection", { nodeId: still.nodeId, metadata: none });
    expect(new XMPMeta(still.getXMPMetadata()).getProperty(XMPConst.NS_DM, "shotName")?.value).toBe(
      "kitchen-pan-CU-#1",
    );
    const pp = JSON.parse(fs.readFileSync(ppFile, "utf8"));
    expect(pp.EB001559).toMatchObject({ shotNumber: 1, shotName: "kitchen-pan-CU-#1", keywords: [] });
  });

  it("writes nothing beside media IA never catalogued", async () => {
    const plain = createSampleProject(sampleMedia());
    const oven = plain.allItems().find((i) => i.name === "kitchen-oven-cleaning-MID.mp4")!;
    const other = simulatedHost(plain, { platform, host: hostKind }).host;
    const result = await other.call("recordCorrection", {
      nodeId: oven.nodeId,
      metadata: { location: "kitchen", subject: "oven", shotType: "MID" },
    });
    expect(result).toMatchObject({ written: false, reason: "no IA sidecar beside the media" });
    expect(await other.call("readIaSidecar", oven.nodeId)).toEqual({
      source: null,
      lockedFields: [],
      shotNumber: null,
    });
  });

  it("replaces the corrections file whole: nothing is left beside it, and a failed write keeps the old one", async () => {
    const { host, clip, ppFile, dir } = setup();
    expect(await host.call("recordCorrection", { nodeId: clip.nodeId, metadata: tap })).toMatchObject({
      written: true,
    });
    expect(fs.readdirSync(dir).filter((name) => name.startsWith(".ingest-metadata-pp.json."))).toEqual([]);
    const before = fs.readFileSync(ppFile);
    // the new bytes cannot be written beside it (here: a folder holds the name)
    fs.mkdirSync(ppFile + ".writing");
    fs.writeFileSync(path.join(ppFile + ".writing", "x"), "");
    const failed = await host.call("recordCorrection", { nodeId: clip.nodeId, metadata: { ...tap, subject: "hob" } });
    expect(failed.written).toBe(false);
    expect(failed.problem).toMatch(/\.ingest-metadata-pp\.json/);
    expect(fs.readFileSync(ppFile).equals(before)).toBe(true);
  });

  it("finishes a replace a crash interrupted: the new file when it was whole, else the old one", async () => {
    const { host, clip, ppFile } = setup();
    await host.call("recordCorrection", { nodeId: clip.nodeId, metadata: tap });
    const old = fs.readFileSync(ppFile, "utf8");
    const whole = old.replace('"subject": "tap"', '"subject": "hob"');
    // killed between moving the old file aside and renaming the new one into place
    fs.renameSync(ppFile, ppFile + ".previous");
    fs.writeFileSync(ppFile + ".writing", whole);
    expect(await host.call("readIaSidecar", clip.nodeId)).toMatchObject({ source: "corrections" });
    expect(fs.readFileSync(ppFile, "utf8")).toBe(whole);
    expect(fs.existsSync(ppFile + ".previous") || fs.existsSync(ppFile + ".writing")).toBe(false);
    // killed while writing the new bytes: the old file is still there and is kept as it is
    fs.writeFileSync(ppFile + ".writing", whole.slice(0, 40));
    await host.call("readIaSidecar", clip.nodeId);
    expect(fs.readFileSync(ppFile, "utf8")).toBe(whole);
    expect(fs.existsSync(ppFile + ".writing")).toBe(false);
  });
});
