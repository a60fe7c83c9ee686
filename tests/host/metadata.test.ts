// IA's XMP contract and the Project panel columns, written and read by the compiled host code.
import { describe, expect, it } from "vitest";
import type { IaMetadata } from "../../src/shared/metadata/ia-metadata";
import { PROJECT_METADATA_NS } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { XMPConst, XMPMeta } from "../../src/sim/xmp-meta";
import { sampleMedia } from "../../src/testing/sample-media";
import { HOST_PLATFORMS, simulatedHost, type HostKind } from "../../src/testing/simulated-host";
import type { SimPlatform } from "../../src/sim/sim-paths";

function setup(platform: SimPlatform = "macos", hostKind: HostKind = "cep") {
  const project = createSampleProject(sampleMedia());
  const clip = project.allItems().find((i) => i.name === "kitchen-oven-cleaning-MID.mp4")!;
  return { project, clip, ...simulatedHost(project, { platform, host: hostKind }) };
}

const plain: IaMetadata = {
  location: "kitchen",
  subject: "oven",
  action: "cleaning",
  shotType: "MID",
  shotNumber: 3,
  keywords: ["oven", "steam", "door"],
  cameraId: "CAM-A",
};

describe.each(HOST_PLATFORMS)("[%s] IA's XMP contract on %s", (hostKind, platform) => {
  it("writes shotName, logComment, dc:description and tapeName exactly as IA does", async () => {
    const { host, clip } = setup(platform, hostKind);
    await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: plain });
    const xmp = new XMPMeta(clip.getXMPMetadata());
    expect(xmp.getProperty(XMPConst.NS_DM, "shotName")?.value).toBe("kitchen-oven-cleaning-MID-#3");
    expect(xmp.getProperty(XMPConst.NS_DM, "logComment")?.value).toBe(
      "location=kitchen, subject=oven, action=cleaning, shotType=MID, shotNumber=#3",
    );
    expect(xmp.getLocalizedText(XMPConst.NS_DC, "description", null, "x-default")).toBe("oven, steam, door");
    expect(xmp.getProperty(XMPConst.NS_DM, "tapeName")?.value).toBe("CAM-A");
  });

  it("names a photo without an action, and omits -#N without a shot number", async () => {
    const { host, project } = setup(platform, hostKind);
    const still = project.allItems().find((i) => i.name === "kitchen-hob-CU.jpg")!;
    await host.call("writeClipMetadata", {
      nodeId: still.nodeId,
      metadata: { location: "kitchen", subject: "hob", shotType: "CU" },
    });
    const read = await host.call("readClipMetadata", still.nodeId);
    expect(read.shotName).toBe("kitchen-hob-CU");
    expect(read.metadata).toEqual({ location: "kitchen", subject: "hob", shotType: "CU", keywords: [] });
  });

  it.each([
    ["quotes", 'the "big" oven\'s door'],
    ["commas", "oven, hob, sink"],
    ["equals signs", "a=b=c"],
    ["backslashes", "C:\\media\\clip \\, \\="],
    ["emoji", "🍳🔥 cooking 👩‍🍳"],
    ["non-Latin text", "Küche — 日本語 — Ελληνικά — العربية"],
  ])("writes %s raw, as IA does, and reads them back exactly", async (_name, value) => {
    const { host, clip } = setup(platform, hostKind);
    const keyword = value.replace(/,/g, "");
    const metadata: IaMetadata = {
      location: value,
      subject: value,
      action: value,
      shotType: "WS",
      shotNumber: 12,
      keywords: [keyword, "plain", keyword],
    };
    await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata });
    const xmp = new XMPMeta(clip.getXMPMetadata());
    expect(xmp.getProperty(XMPConst.NS_DM, "logComment")?.value).toBe(
      `location=${value}, subject=${value}, action=${value}, shotType=WS, shotNumber=#12`,
    );
    expect(xmp.getLocalizedText(XMPConst.NS_DC, "description", null, "x-default")).toBe(
      `${keyword}, plain, ${keyword}`,
    );
    const read = await host.call("readClipMetadata", clip.nodeId);
    expect(read.metadata).toEqual({
      location: value,
      subject: value,
      action: value,
      shotType: "WS",
      shotNumber: 12,
      keywords: [keyword.trim(), "plain", keyword.trim()],
    });
    expect(read.columns["IA Subject"]).toBe(value);
  });

  it.each([
    ["an ampersand", { subject: "salt & pepper" }, 'Subject holds "&", which Ingest Assistant refuses'],
    ["angle brackets", { location: "<b>bold</b>" }, 'Location holds "<", which Ingest Assistant refuses'],
    ["a line break", { action: "line one\nline two" }, "Action holds a line break"],
    ["1,001 characters", { subject: "x".repeat(1001) }, "Subject has 1001 characters"],
    ["a keyword with a comma", { keywords: ["salt, pepper"] }, 'The keyword "salt, pepper" holds a comma'],
  ])("refuses %s before touching the clip, and says what to change", async (_name, change, words) => {
    const { host, clip } = setup(platform, hostKind);
    const metadata = { ...plain, ...change } as IaMetadata;
    await expect(host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata })).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
      message: expect.stringContaining(words),
    });
    expect(clip.xmpMetadata).toBe("");
  });

  it("leaves every other XMP property untouched", async () => {
    const { host, clip } = setup(platform, hostKind);
    const before = new XMPMeta();
    before.setProperty(XMPConst.NS_DM, "scene", "Scene 12 — Küche");
    before.setProperty(XMPConst.NS_XMP, "CreatorTool", "Ingest Assistant 2.0");
    before.setLocalizedText(XMPConst.NS_DC, "title", null, "x-default", "Original title");
    clip.setXMPMetadata(before.serialize());
    await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: plain });
    const after = new XMPMeta(clip.getXMPMetadata());
    expect(after.getProperty(XMPConst.NS_DM, "scene")?.value).toBe("Scene 12 — Küche");
    expect(after.getProperty(XMPConst.NS_XMP, "CreatorTool")?.value).toBe("Ingest Assistant 2.0");
    expect(after.getLocalizedText(XMPConst.NS_DC, "title", null, "x-default")).toBe("Original title");
  });

  it("writes tapeName only when it is blank", async () => {
    const { host, clip } = setup(platform, hostKind);
    const existing = new XMPMeta();
    existing.setProperty(XMPConst.NS_DM, "tapeName", "REEL 7");
    clip.setXMPMetadata(existing.serialize());
    const result = await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: plain });
    expect(result.tapeNameWritten).toBe(false);
    expect((await host.call("readClipMetadata", clip.nodeId)).tapeName).toBe("REEL 7");
  });

  it("never overwrites fields listed in lockedFields", async () => {
    const { host, clip } = setup(platform, hostKind);
    await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: plain });
    const next: IaMetadata = {
      location: "bathroom",
      subject: "tap",
      action: "running",
      shotType: "CU",
      shotNumber: 9,
      keywords: ["water"],
      lockedFields: ["subject", "shotNumber", "keywords"],
    };
    const result = await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: next });
    expect(result.keptLocked.sort()).toEqual(["keywords", "shotNumber", "subject"]);
    const read = await host.call("readClipMetadata", clip.nodeId);
    expect(read.metadata).toEqual({
      location: "bathroom",
      subject: "oven",
      action: "running",
      shotType: "CU",
      shotNumber: 3,
      keywords: ["oven", "steam", "door"],
    });
  });

  it("rejects metadata outside IA's fields before touching the clip", async () => {
    const { host, clip } = setup(platform, hostKind);
    const bad = { ...plain, shotType: "OBJ-L" } as unknown as IaMetadata;
    await expect(host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: bad })).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
      message: expect.stringContaining('shotType "OBJ-L" is not in the IA vocabulary'),
    });
    expect(clip.xmpMetadata).toBe(""); // never written: getXMPMetadata() gives Premiere's fresh packet
  });
});

describe.each(HOST_PLATFORMS)("[%s] Project panel columns on %s", (hostKind, platform) => {
  it("registers the seven IA columns once per project and fills them", async () => {
    const { host, clip, project } = setup(platform, hostKind);
    await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: plain, referenceStatus: "suggested" });
    await host.call("writeClipMetadata", { nodeId: clip.nodeId, metadata: plain, referenceStatus: "confirmed" });
    expect(project.schemaCalls).toEqual([
      "IALocation",
      "IASubject",
      "IAAction",
      "IAShotType",
      "IAShot",
      "IAKeywords",
      "IAReference",
    ]);
    expect([...project.schema.values()].map((c) => c.label)).toEqual([
      "IA Location",
      "IA Subject",
      "IA Action",
      "IA Shot Type",
      "IA Shot",
      "IA Keywords",
      "IA Reference",
    ]);
    const columns = new XMPMeta(clip.getProjectMetadata());
    expect(columns.getProperty(PROJECT_METADATA_NS, "IAShot")?.value).toBe("#3");
    expect(columns.getProperty(PROJECT_METADATA_NS, "IAReference")?.value).toBe("confirmed");
    expect((await host.call("readClipMetadata", clip.nodeId)).columns).toMatchObject({
      "IA Location": "kitchen",
      "IA Reference": "confirmed",
    });
  });
});
