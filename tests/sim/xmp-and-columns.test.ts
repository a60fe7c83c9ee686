// Metadata as Premiere keeps it, driven by ExtendScript in the simulator: XMPScript's arrays,
// qualifiers, dumpObject and serialize options; the built-in Project panel columns; the panel
// layout; and the packet an item never written already has.
import { describe, expect, it } from "vitest";
import { PROJECT_METADATA_NS } from "../../src/sim/premiere-dom";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { XMPConst, XMPMeta } from "../../src/sim/xmp-meta";

function run(body: string): string {
  const simulator = new PremiereSimulator({ project: createSampleProject() });
  return String(
    simulator.realm.run(`(function () { new ExternalObject("lib:AdobeXMPScript"); ${body} })()`, "test.jsx"),
  );
}

describe("XMPMeta arrays", () => {
  it("appends, counts, reads, inserts, replaces and deletes items of dc:subject", () => {
    const out = run(`
      var x = new XMPMeta();
      x.appendArrayItem(XMPConst.NS_DC, "subject", "oven", 0, XMPConst.ARRAY_IS_ORDERED);
      x.appendArrayItem(XMPConst.NS_DC, "subject", "hob");
      x.insertArrayItem(XMPConst.NS_DC, "subject", 1, "kitchen");
      x.setArrayItem(XMPConst.NS_DC, "subject", 3, "hob (gas)");
      var listed = [];
      for (var i = 1; i <= x.countArrayItems(XMPConst.NS_DC, "subject"); i++) listed.push(x.getArrayItem(XMPConst.NS_DC, "subject", i).value);
      x.deleteArrayItem(XMPConst.NS_DC, "subject", 2);
      var back = new XMPMeta(x.serialize());
      return [listed.join(","), back.countArrayItems(XMPConst.NS_DC, "subject"), back.getProperty(XMPConst.NS_DC, "subject[last()]"),
        back.getProperty(XMPConst.NS_DC, "subject").options & XMPConst.ARRAY_IS_ORDERED ? "Seq" : "Bag"].join("|");`);
    expect(out).toBe("kitchen,oven,hob (gas)|2|hob (gas)|Seq");
  });

  it("takes types-for-adobe's argument order too (arrayOptions first)", () => {
    const x = new XMPMeta();
    x.appendArrayItem(XMPConst.NS_DC, "subject", XMPConst.PROP_IS_ARRAY, "tap", 0);
    expect(x.getArrayItem(XMPConst.NS_DC, "subject", 1)?.value).toBe("tap");
  });

  it("empties and deletes: doesPropertyExist follows", () => {
    const x = new XMPMeta();
    x.setProperty(XMPConst.NS_DC, "subject", undefined, XMPConst.PROP_IS_ARRAY);
    expect([x.doesPropertyExist(XMPConst.NS_DC, "subject"), x.countArrayItems(XMPConst.NS_DC, "subject")]).toEqual([
      true,
      0,
    ]);
    expect(x.deleteProperty(XMPConst.NS_DC, "subject")).toBe(true);
    expect(x.doesPropertyExist(XMPConst.NS_DC, "subject")).toBe(false);
  });
});

describe("XMPMeta qualifiers, dump and serialize", () => {
  it("sets, reads and deletes a qualifier, keeping the value", () => {
    const x = new XMPMeta();
    x.setProperty(XMPConst.NS_XMP, "Label", "Green");
    x.setQualifier(XMPConst.NS_XMP, "Label", XMPConst.NS_DC, "source", "IA");
    const back = new XMPMeta(x.serialize());
    expect(back.getProperty(XMPConst.NS_XMP, "Label")?.value).toBe("Green");
    expect(back.getQualifier(XMPConst.NS_XMP, "Label", XMPConst.NS_DC, "source")?.value).toBe("IA");
    expect(back.getProperty(XMPConst.NS_XMP, "Label")!.options & XMPConst.PROP_HAS_QUALIFIERS).toBeTruthy();
    expect(back.deleteQualifier(XMPConst.NS_XMP, "Label", XMPConst.NS_DC, "source")).toBe(true);
    expect(back.doesQualifierExist(XMPConst.NS_XMP, "Label", XMPConst.NS_DC, "source")).toBe(false);
  });

  it("wraps the packet with 2 KB padding by default, and honours OMIT_PACKET_WRAPPER and READ_ONLY", () => {
    const x = new XMPMeta();
    x.setProperty(XMPConst.NS_DM, "tapeName", "A001");
    const full = x.serialize();
    expect(full).toMatch(/^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?><x:xmpmeta/);
    expect(full).toMatch(/ {2048}<\?xpacket end="w"\?>$/);
    expect(x.serialize(XMPConst.SERIALIZE_OMIT_PACKET_WRAPPER)).toMatch(/^<x:xmpmeta.*<\/x:xmpmeta>$/);
    expect(x.serialize(XMPConst.SERIALIZE_READ_ONLY_PACKET)).toMatch(/<\/x:xmpmeta><\?xpacket end="r"\?>$/);
    expect(x.dumpObject()).toContain('xmpDM:tapeName = "A001"');
  });
});

describe("project metadata as Premiere keeps it", () => {
  it("has the built-in columns without registration, and setProjectMetadata writes them", () => {
    const out = run(`
      var clip = app.project.rootItem.children[0].children[0].children[0];
      var NS = "${PROJECT_METADATA_NS}";
      var x = new XMPMeta(clip.getProjectMetadata());
      x.setProperty(NS, "Column.Intrinsic.TapeName", "A001");
      x.setProperty(NS, "Column.Intrinsic.LogNote", "good take");
      x.setProperty(NS, "Column.PropertyText.Description", "oven door");
      x.setProperty(NS, "Column.Intrinsic.FilePath", "/elsewhere.mp4");
      x.setProperty(NS, "Column.Unregistered.Thing", "dropped");
      clip.setProjectMetadata(x.serialize(), ["Column.Intrinsic.TapeName", "Column.Intrinsic.LogNote",
        "Column.PropertyText.Description", "Column.Intrinsic.FilePath", "Column.Unregistered.Thing"]);
      var back = new XMPMeta(clip.getProjectMetadata());
      function v(n) { var p = back.getProperty(NS, n); return p ? p.value : "-"; }
      return [v("Column.Intrinsic.Name"), v("Column.Intrinsic.TapeName"), v("Column.Intrinsic.LogNote"),
        v("Column.PropertyText.Description"), v("Column.Intrinsic.FilePath"), v("Column.Unregistered.Thing"),
        v("Column.Intrinsic.MediaDuration")].join("|");`);
    expect(out).toBe(
      "kitchen-oven-cleaning-MID.mp4|A001|good take|oven door|/Volumes/EAV Media/Day 1/kitchen-oven-cleaning-MID.mp4|-|00:00:12:00",
    );
  });

  it("keeps the Project panel layout a script sets, and lists built-in and registered columns before", () => {
    const out = run(`
      app.project.addPropertyToProjectMetadataSchema("ReferenceLookup.Status", "IA Reference", 2);
      var before = app.project.getProjectPanelMetadata();
      app.project.setProjectPanelMetadata("<layout/>");
      return [before.indexOf('ID="Column.Intrinsic.TapeName"') > 0, before.indexOf('Label="IA Reference"') > 0,
        app.project.getProjectPanelMetadata()].join("|");`);
    expect(out).toBe("true|true|<layout/>");
  });

  it("gives an item never written the packet Premiere creates, not an empty string", () => {
    const out = run(`
      var clip = app.project.rootItem.children[0].children[0].children[0];
      var x = new XMPMeta(clip.getXMPMetadata());
      return [x.doesPropertyExist(XMPConst.NS_XMP_MM, "DocumentID"), x.getProperty(XMPConst.NS_DC, "format").value].join("|");`);
    expect(out).toBe("true|video/mp4");
  });
});
