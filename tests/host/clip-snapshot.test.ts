// The undo of a batch accept, through the compiled host: snapshotClip keeps the raw XMP, the
// panel's columns and IA's corrections file; restoreClip puts them back byte for byte and keeps
// what was changed after the batch.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ClipSnapshot } from "../../src/shared/bridge/contract";
import type { IaMetadata } from "../../src/shared/metadata/ia-metadata";
import { ProjectItemType, SimProjectItem } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { XMPConst, XMPMeta } from "../../src/sim/xmp-meta";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOST_PLATFORMS, simulatedHost } from "../../src/testing/simulated-host";
import { HostError } from "../../src/lib/bridge";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const accepted: IaMetadata = {
  location: "kitchen",
  subject: "tap",
  action: "rinsing",
  shotType: "CU",
  shotNumber: 4,
  keywords: ["tap", "water"],
  cameraId: "CAM-B",
};

/** A packet as a camera or another tool left it: other namespaces, non-ASCII, its own layout. */
function foreignPacket(): string {
  const xmp = new XMPMeta();
  xmp.setProperty(XMPConst.NS_DM, "scene", "Szene 12 — Küche 🍳");
  xmp.setProperty(XMPConst.NS_XMP, "CreatorTool", "Ingest Assistant 2.0");
  xmp.setLocalizedText(XMPConst.NS_DC, "title", null, "x-default", "Original title");
  // padding as Premiere leaves it in place for later edits: a re-serialised packet would differ
  return xmp.serialize().replace("</x:xmpmeta>", "</x:xmpmeta>\n" + " ".repeat(200));
}

/** A folder IA catalogued, holding one clip and (optionally) a corrections file already. */
function iaFolder(withCorrections: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "IA snapshot "));
  made.push(dir);
  const name = "kitchen-sink-rinsing-MID-#2.mp4";
  fs.copyFileSync(sampleMedia().h264.path, path.join(dir, name));
  const entry = { id: "EB001560", currentFilename: name, fileType: "video", location: "kitchen", subject: "sink" };
  fs.writeFileSync(path.join(dir, ".ingest-metadata.json"), JSON.stringify({ _schema: "2.0", EB001560: entry }));
  const corrections = path.join(dir, ".ingest-metadata-pp.json");
  // CRLF line ends and a BOM: what a text-mode rewrite would not keep
  if (withCorrections)
    fs.writeFileSync(
      corrections,
      "\uFEFF" + JSON.stringify({ _schema: "2.0", EB001560: entry }, null, 2).replace(/\n/g, "\r\n"),
    );
  return { dir, name, corrections };
}

/** Undo as the panel asks for it: `snapshot` back, if clip and file are as `after` found them. */
const undoRequest = (snapshot: ClipSnapshot, after: ClipSnapshot) => ({
  nodeId: snapshot.nodeId,
  xmp: snapshot.xmp,
  columns: snapshot.columns,
  corrections: { bytes: snapshot.corrections!.bytes },
  ifUnchanged: { xmp: after.xmpFingerprint, corrections: after.corrections!.fingerprint },
});

describe.each(HOST_PLATFORMS)("[%s] clip snapshots on %s", (hostKind, platform) => {
  function setup(withCorrections = true) {
    const folder = iaFolder(withCorrections);
    const project = createSampleProject(sampleMedia());
    const clip = project.rootItem.add(
      new SimProjectItem(folder.name, ProjectItemType.CLIP, {
        ...sampleMedia().h264,
        path: path.join(folder.dir, folder.name),
      }),
    );
    clip.setXMPMetadata(foreignPacket());
    return { ...folder, clip, ...simulatedHost(project, { platform, host: hostKind }) };
  }

  async function acceptOnce(host: ReturnType<typeof setup>["host"], nodeId: string) {
    const result = await host.call("writeClipMetadata", { nodeId, metadata: accepted, referenceStatus: "confirmed" });
    await host.call("recordCorrection", { nodeId, metadata: result.metadata });
  }

  it("puts back the XMP byte for byte, the columns, and the corrections file's bytes", async () => {
    const { host, clip, corrections } = setup();
    const xmpBefore = clip.getXMPMetadata();
    const fileBefore = fs.readFileSync(corrections);
    const snapshot = await host.call("snapshotClip", clip.nodeId);
    expect(snapshot.xmp).toBe(xmpBefore);
    expect(snapshot.columns).toMatchObject({ IALocation: "", IAReference: "" });
    await acceptOnce(host, clip.nodeId);
    expect(clip.getXMPMetadata()).not.toBe(xmpBefore);
    expect(fs.readFileSync(corrections).equals(fileBefore)).toBe(false);
    const after = await host.call("snapshotClip", clip.nodeId);
    expect(after.columns).toMatchObject({ IALocation: "kitchen", IAReference: "confirmed" });

    const result = await host.call("restoreClip", undoRequest(snapshot, after));
    expect(result).toEqual({ nodeId: clip.nodeId, xmp: "restored", columns: "restored", corrections: "restored" });
    expect(clip.getXMPMetadata()).toBe(xmpBefore);
    expect(fs.readFileSync(corrections).equals(fileBefore)).toBe(true);
    const read = await host.call("readClipMetadata", clip.nodeId);
    expect(read.columns).toEqual({});
    expect(read.tapeName).toBe("");
  });

  it("removes a corrections file the accept created", async () => {
    const { host, clip, corrections } = setup(false);
    const snapshot = await host.call("snapshotClip", clip.nodeId);
    expect(snapshot.corrections).toMatchObject({ bytes: null, fingerprint: "" });
    await acceptOnce(host, clip.nodeId);
    expect(fs.existsSync(corrections)).toBe(true);
    const result = await host.call("restoreClip", {
      nodeId: clip.nodeId,
      xmp: snapshot.xmp,
      columns: snapshot.columns,
      corrections: { bytes: null },
    });
    expect(result.corrections).toBe("removed");
    expect(fs.existsSync(corrections)).toBe(false);
  });

  it("keeps a clip the editor changed after the batch, and says so", async () => {
    const { host, clip } = setup();
    const snapshot = await host.call("snapshotClip", clip.nodeId);
    await acceptOnce(host, clip.nodeId);
    const after = await host.call("snapshotClip", clip.nodeId);
    await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: { ...accepted, subject: "sink" } });
    const edited = clip.getXMPMetadata();
    const result = await host.call("restoreClip", {
      nodeId: clip.nodeId,
      xmp: snapshot.xmp,
      columns: snapshot.columns,
      ifUnchanged: { xmp: after.xmpFingerprint },
    });
    expect(result).toMatchObject({ xmp: "changed", columns: "changed", corrections: "changed" });
    expect(result.reason).toContain("changed after the batch accept");
    expect(clip.getXMPMetadata()).toBe(edited);
  });

  it("keeps a corrections file written after the batch, and puts the XMP back", async () => {
    const { host, clip, corrections } = setup();
    const snapshot = await host.call("snapshotClip", clip.nodeId);
    await acceptOnce(host, clip.nodeId);
    const after = await host.call("snapshotClip", clip.nodeId);
    fs.appendFileSync(corrections, "\n"); // another tool rewrote it since
    const later = fs.readFileSync(corrections);
    const result = await host.call("restoreClip", undoRequest(snapshot, after));
    expect(result).toMatchObject({ xmp: "restored", columns: "restored", corrections: "changed" });
    expect(result.reason).toContain("changed after the batch");
    expect(fs.readFileSync(corrections).equals(later)).toBe(true);
    expect(clip.getXMPMetadata()).toBe(snapshot.xmp);
  });

  it("rejects a restore with fields it does not know", async () => {
    const { host, clip } = setup();
    const snapshot = await host.call("snapshotClip", clip.nodeId);
    const call = host.call("restoreClip", { ...snapshot } as never);
    await expect(call).rejects.toBeInstanceOf(HostError);
    await expect(call).rejects.toMatchObject({ code: "INVALID_ARGUMENTS" });
  });
});
