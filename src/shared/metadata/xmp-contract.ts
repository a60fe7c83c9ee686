// IA's XMP contract (FACTS.md §1), as pure functions shared by the host bundle and the panel:
//   xmpDM:shotName   {location}-{subject}[-{action}]-{shotType}[-#N]
//   xmpDM:logComment location=…, subject=…, action=…, shotType=…, shotNumber=#N, byte for byte as
//                    IA's metadataWriter.ts: location, subject and shotType only when set,
//                    action= always (empty for images), shotNumber=#N only when set
//   dc:description   the keywords
//   xmpDM:tapeName   camera id, written only when blank
// Values that contain the separators are backslash-escaped (\, \= \\ \n \r) so that quotes,
// commas, '=', newlines, emoji and non-Latin text all round-trip exactly; plain values are
// written exactly as IA writes them. Compiled into the ES3 host bundle: ES3-safe code only.
import type { IaMetadata, IaShotType } from "./ia-metadata";

export var NS_DM = "http://ns.adobe.com/xmp/1.0/DynamicMedia/";
export var NS_DC = "http://purl.org/dc/elements/1.1/";

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

export function escapeValue(value: string): string {
  return value.replace(/[\\,=\n\r]/g, function (ch) {
    return ch === "\n" ? "\\n" : ch === "\r" ? "\\r" : "\\" + ch;
  });
}

/** Splits on separators that are not escaped, then unescapes each part. */
function splitEscaped(text: string, separator: string): string[] {
  var parts: string[] = [];
  var current = "";
  for (var i = 0; i < text.length; i++) {
    var ch = text.charAt(i);
    if (ch === "\\" && i + 1 < text.length) {
      var next = text.charAt(i + 1);
      current += next === "n" ? "\n" : next === "r" ? "\r" : next;
      i++;
    } else if (text.substr(i, separator.length) === separator) {
      parts.push(current);
      current = "";
      i += separator.length - 1;
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** Finds the first unescaped '=' in an escaped "key=value" pair. */
function splitPair(pair: string): { key: string; value: string } | null {
  for (var i = 0; i < pair.length; i++) {
    var ch = pair.charAt(i);
    if (ch === "\\") {
      i++;
    } else if (ch === "=") {
      return { key: pair.substr(0, i), value: pair.substr(i + 1) };
    }
  }
  return null;
}

function unescapeValue(text: string): string {
  return text.replace(/\\([\s\S])/g, function (_m: string, ch: string) {
    return ch === "n" ? "\n" : ch === "r" ? "\r" : ch;
  });
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
  if (m.location) pairs.push("location=" + escapeValue(m.location));
  if (m.subject) pairs.push("subject=" + escapeValue(m.subject));
  pairs.push("action=" + escapeValue(m.action || ""));
  if (m.shotType) pairs.push("shotType=" + escapeValue(m.shotType));
  if (m.shotNumber) pairs.push("shotNumber=#" + m.shotNumber);
  var keywords: string[] = [];
  var list = m.keywords || [];
  for (var i = 0; i < list.length; i++) keywords.push(escapeValue(list[i]));
  return { shotName: shotName(m), logComment: pairs.join(", "), description: keywords.join(", ") };
}

/** What a clip's XMP says, as far as the contract goes. Unknown keys are ignored. */
export function fromXmpFields(logComment: string, description: string): Partial<IaMetadata> {
  var out: { [key: string]: unknown } = {};
  if (logComment) {
    var pairs = splitRaw(logComment);
    for (var i = 0; i < pairs.length; i++) {
      var kv = splitPair(pairs[i]);
      if (!kv) continue;
      var key = kv.key.replace(/^\s+|\s+$/g, "");
      var value = unescapeValue(kv.value);
      if (key === "shotNumber") {
        var n = parseInt(value.replace(/^#/, ""), 10);
        if (n > 0) out.shotNumber = n;
      } else if (value && (key === "location" || key === "subject" || key === "action" || key === "shotType")) {
        // IA writes "action=" for every image: an empty value means the field is not set
        out[key] = value;
      }
    }
  }
  if (description) out.keywords = splitEscaped(description, ", ");
  else out.keywords = [];
  return out as Partial<IaMetadata>;
}

/** Splits "a=1, b=2" on unescaped ", " keeping escapes (values are unescaped later). */
function splitRaw(text: string): string[] {
  var parts: string[] = [];
  var start = 0;
  for (var i = 0; i < text.length; i++) {
    var ch = text.charAt(i);
    if (ch === "\\") {
      i++;
    } else if (ch === "," && text.charAt(i + 1) === " ") {
      parts.push(text.substring(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(text.substring(start));
  return parts;
}
