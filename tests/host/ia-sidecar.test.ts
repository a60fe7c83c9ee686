// IA's sidecars beside a clip's media, through the compiled host: the locks it reads (corrections
// file first), and the correction Accept records in .ingest-metadata-pp.json, IA's file untouched.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ProjectItemType, SimProjectItem } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { sampleMedia } from "../../src/testing/sample-media";
import { PLATFORMS, simulatedHost } from "../../src/testing/simulated-host";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A folder IA catalogued: one renamed video (EB001560 → its current name) and IA's sidecar. */
function iaFolder(locked: string[] = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "IA Tag 2 — Küche "));
  made.push(dir);
  const name = "kitchen-sink-rinsing-MID-#2.mp4";
  fs.copyFileSync(sampleMedia().h264.path, path.join(dir, name));
  const sidecar = {
    _schema: "2.0",
    _completed: true,
    EB001560: {
      id: "EB001560",
      originalFilename: "EB001560.MP4",
      currentFilename: name,
      fileType: "video",
      shotNumber: 2,
      shotName: "kitchen-sink-rinsing-MID-#2",
      keywords: ["sink"],
      lockedFields: locked,
      location: "kitchen",
      subject: "sink",
      action: "rinsing",
      shotType: "MID",
      createdBy: "ingest-assistant",
      modifiedAt: "2025-11-02T09:14:05.000Z",
      modifiedBy: "ingest-assistant",
    },
  };
  const iaFile = path.join(dir, ".ingest-metadata.json");
  fs.writeFileSync(iaFile, JSON.stringify(sidecar, null, 2));
  return { dir, name, iaFile, iaText: fs.readFileSync(iaFile, "utf8") };
}

describe.each(PLATFORMS)("IA's sidecars on %s", (platform) => {
  function setup(locked: string[] = []) {
    const folder = iaFolder(locked);
    const project = createSampleProject(sampleMedia());
    const clip = project.rootItem.add(
      new SimProjectItem(folder.name, ProjectItemType.CLIP, {
        ...sampleMedia().h264,
        path: path.join(folder.dir, folder.name),
      }),
    );
    return { ...folder, clip, ...simulatedHost(project, { platform }) };
  }

  it("reads the fields a person locked, from IA's file when there is no corrections file", async () => {
    const { host, clip } = setup(["subject"]);
    expect(await host.call("readIaSidecar", clip.nodeId)).toEqual({ source: "ia", lockedFields: ["subject"] });
  });

  it("records the correction in .ingest-metadata-pp.json and never touches IA's file", async () => {
    const { host, clip, dir, iaFile, iaText } = setup();
    const metadata = {
      location: "kitchen",
      subject: "tap",
      action: "rinsing",
      shotType: "CU" as const,
      shotNumber: 2,
      keywords: ["tap"],
    };
    const result = await host.call("recordCorrection", { nodeId: clip.nodeId, metadata });
    expect(result.written).toBe(true);
    const pp = JSON.parse(fs.readFileSync(path.join(dir, ".ingest-metadata-pp.json"), "utf8"));
    expect(pp._schema).toBe("2.0");
    expect(pp.EB001560).toMatchObject({
      subject: "tap",
      shotType: "CU",
      keywords: ["tap"],
      shotName: "kitchen-tap-rinsing-CU-#2",
      modifiedBy: "cep-panel",
      createdBy: "ingest-assistant",
    });
    expect(pp.EB001560.modifiedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(fs.readFileSync(iaFile, "utf8")).toBe(iaText);
    // the corrections file now comes first, and the same correction again writes nothing
    expect((await host.call("readIaSidecar", clip.nodeId)).source).toBe("corrections");
    expect(await host.call("recordCorrection", { nodeId: clip.nodeId, metadata })).toMatchObject({ written: false });
  });

  it("writes nothing beside media IA never catalogued", async () => {
    const plain = createSampleProject(sampleMedia());
    const oven = plain.allItems().find((i) => i.name === "kitchen-oven-cleaning-MID.mp4")!;
    const other = simulatedHost(plain, { platform }).host;
    const result = await other.call("recordCorrection", {
      nodeId: oven.nodeId,
      metadata: { location: "kitchen", subject: "oven", shotType: "MID" },
    });
    expect(result).toMatchObject({ written: false, reason: "no IA sidecar beside the media" });
    expect(await other.call("readIaSidecar", oven.nodeId)).toEqual({ source: null, lockedFields: [] });
  });
});
