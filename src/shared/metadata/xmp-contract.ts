// IA's XMP contract (docs/facts/ia-contract.md and §5), as pure functions shared by the host bundle and the panel:
//   xmpDM:shotName   {location}-{subject}[-{action}]-{shotType}[-#N]
//   xmpDM:logComment location=…, subject=…, action=…, shotType=…, shotNumber=#N, byte for byte as
//                    IA's metadataWriter.ts: location, subject and shotType only when set,
//                    action= always (empty for images), shotNumber=#N only when set
//   dc:description   the keywords joined by ", "
//   xmpDM:tapeName   camera id, written only when blank
// Values are written raw, as IA writes them: a ',', '=' or '\' inside a value is not escaped
// (ADR 0022). So a logComment is split only at ", " followed by one of IA's keys and '=', and the
// description at every ',' (IA's reader). Values that could not be read back that way are refused
// before writing (ia-values.ts). Compiled into the ES3 host bundle: ES3-safe code only.
import type { IaMetadata, IaShotType } from "./ia-metadata";

export var NS_DM = "http://ns.adobe.com/xmp/1.0/DynamicMedia/";
export var NS_DC = "http://purl.org/dc/elements/1.1/";

/** The keys IA writes in a logComment, in its order. */
export var LOG_COMMENT_KEYS = ["location", "subject", "action", "shotType", "shotNumber"];

/** What the contract writes. IA's own files may hold an empty shotType (FileMetadata: ShotType | ""). */
export type XmpSource = Pick<IaMetadata, "action" | "shotNumber" | "keywords"> & {
  location?: string;
  subject?: string;
  shotType?: IaShotType | "";
};

export interface XmpFields {
  shotName: string;
  logComment: string;
  description: string;
}

export function shotName(m: XmpSource): string {
  var parts: string[] = [];
  var pieces = [m.location, m.subject, m.action, m.shotType];
  for (var i = 0; i < pieces.length; i++) if (pieces[i]) parts.push(pieces[i] as string);
  var name = parts.join("-");
  return m.shotNumber ? name + "-#" + m.shotNumber : name;
}

export function toXmpFields(m: XmpSource): XmpFields {
  var pairs: string[] = [];
  if (m.location) pairs.push("location=" + m.location);
  if (m.subject) pairs.push("subject=" + m.subject);
  pairs.push("action=" + (m.action || ""));
  if (m.shotType) pairs.push("shotType=" + m.shotType);
  if (m.shotNumber) pairs.push("shotNumber=#" + m.shotNumber);
  return { shotName: shotName(m), logComment: pairs.join(", "), description: (m.keywords || []).join(", ") };
}

/** The key at `at` when the text there is one of IA's keys followed by '=', else null. */
function keyAt(text: string, at: number): string | null {
  for (var k = 0; k < LOG_COMMENT_KEYS.length; k++) {
    var key = LOG_COMMENT_KEYS[k];
    if (text.substr(at, key.length + 1) === key + "=") return key;
  }
  return null;
}

/** "location=hall, east, subject=oven" → [["location", "hall, east"], ["subject", "oven"]]. */
export function logCommentPairs(text: string): string[][] {
  var pairs: string[][] = [];
  var key = keyAt(text, 0);
  if (key === null) return pairs;
  var start = key.length + 1;
  var i = start;
  while (i < text.length) {
    var next = text.charAt(i) === "," && text.charAt(i + 1) === " " ? keyAt(text, i + 2) : null;
    if (next === null) {
      i++;
      continue;
    }
    pairs.push([key, text.substring(start, i)]);
    key = next;
    start = i + 2 + next.length + 1;
    i = start;
  }
  pairs.push([key, text.substring(start)]);
  return pairs;
}

/** IA's reader of dc:description: split at every ',', trimmed, empty parts dropped. */
export function descriptionKeywords(description: string): string[] {
  var out: string[] = [];
  var parts = description ? description.split(",") : [];
  for (var i = 0; i < parts.length; i++) {
    var k = parts[i].replace(/^\s+|\s+$/g, "");
    if (k) out.push(k);
  }
  return out;
}

/** What a clip's XMP says, as far as the contract goes. */
export function fromXmpFields(logComment: string, description: string): Partial<IaMetadata> {
  var out: { [key: string]: unknown } = {};
  var pairs = logCommentPairs(logComment || "");
  for (var i = 0; i < pairs.length; i++) {
    var key = pairs[i][0];
    var value = pairs[i][1];
    if (key === "shotNumber") {
      var n = parseInt(value.replace(/^#/, ""), 10);
      if (n > 0) out.shotNumber = n;
    } else if (value) {
      // IA writes "action=" for every image: an empty value means the field is not set
      out[key] = value;
    }
  }
  out.keywords = descriptionKeywords(description);
  return out as Partial<IaMetadata>;
}
