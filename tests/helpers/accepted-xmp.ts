// What the editor's-loop browser tests check after Accept on the sample oven clip: exactly the
// accepted values in IA's XMP contract and the project columns, and another tool's XMP intact.
import { expect } from "vitest";
import { PROJECT_METADATA_NS, type SimProjectItem } from "../../src/sim/premiere-dom";
import { XMPConst, XMPMeta } from "../../src/sim/xmp-meta";

/** Another tool's properties, written before the editor accepts. */
export function writeForeignXmp(item: SimProjectItem): void {
  const xmp = new XMPMeta(item.getXMPMetadata() || undefined);
  xmp.setProperty(XMPConst.NS_XMP, "Rating", "4");
  xmp.setProperty(XMPConst.NS_DM, "scene", "Scene 12");
  item.setXMPMetadata(xmp.serialize());
}

/** The sample oven clip has no IA shot number: a planned shot the card links is the catalog's,
 * never written as the clip's -#N (ADR 0022). */
export function expectAcceptedOvenXmp(item: SimProjectItem, keywords: string[]): void {
  const xmp = new XMPMeta(item.getXMPMetadata());
  expect(xmp.getProperty(XMPConst.NS_DM, "logComment")?.value).toBe(
    "location=kitchen, subject=oven, action=cleaning, shotType=MID",
  );
  expect(xmp.getProperty(XMPConst.NS_DM, "shotName")?.value).toBe("kitchen-oven-cleaning-MID");
  expect(xmp.getLocalizedText(XMPConst.NS_DC, "description", null, "x-default")).toBe(keywords.join(", "));
  expect(xmp.getProperty(XMPConst.NS_XMP, "Rating")?.value).toBe("4");
  expect(xmp.getProperty(XMPConst.NS_DM, "scene")?.value).toBe("Scene 12");
  const columns = new XMPMeta(item.getProjectMetadata());
  expect(columns.getProperty(PROJECT_METADATA_NS, "IASubject")?.value).toBe("oven");
  expect(columns.getProperty(PROJECT_METADATA_NS, "IAReference")?.value).toBe("confirmed");
}
