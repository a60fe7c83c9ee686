// Values IA's writer refuses, and values no reader of IA's XMP could read back, caught before
// anything is written (ADR 0022). IA's metadataWriter.ts refuses any of ; | & $ ` < > { } ! or a
// line feed in a value, and values longer than 1,000 characters; it accepts ',', '=' and '\'.
// Raw values (xmp-contract.ts) add two limits of reading: a field value holding ", <key>=" would
// split there, and a keyword holding ',' would come back as two. ES3-safe: the host runs it.
import { LOG_COMMENT_KEYS, shotName, type XmpSource } from "./xmp-contract";

var IA_REFUSED = /[;|&$`\n<>{}!]/;
export var IA_MAX_CHARS = 1000;
var REFUSED_WORDS = "; | & $ ` < > { } ! and line breaks";

function valueProblem(label: string, value: string): string | null {
  var bad = IA_REFUSED.exec(value);
  if (bad) {
    var what = bad[0] === "\n" ? "a line break" : '"' + bad[0] + '"';
    return label + " holds " + what + ", which Ingest Assistant refuses (" + REFUSED_WORDS + "). Take it out.";
  }
  if (value.length > IA_MAX_CHARS)
    return label + " has " + value.length + " characters; Ingest Assistant takes at most " + IA_MAX_CHARS + ".";
  return null;
}

/** Null when IA would write these values and they read back as written; else what to change. */
export function iaWriteProblem(m: XmpSource & { cameraId?: string | null }): string | null {
  var fields = [
    ["Location", m.location],
    ["Subject", m.subject],
    ["Action", m.action],
    ["Shot type", m.shotType],
    ["Camera id", m.cameraId],
  ];
  for (var i = 0; i < fields.length; i++) {
    var value = fields[i][1];
    if (!value) continue;
    var problem = valueProblem(fields[i][0] as string, value);
    if (problem) return problem;
    if (i > 3) continue; // the camera id is not in the logComment
    for (var k = 0; k < LOG_COMMENT_KEYS.length; k++) {
      var separator = ", " + LOG_COMMENT_KEYS[k] + "=";
      if (value.indexOf(separator) >= 0)
        return (
          fields[i][0] +
          ' holds "' +
          separator +
          "\", which reads back as the start of another field in IA's logComment. Reword it."
        );
    }
  }
  var keywords = m.keywords || [];
  for (var j = 0; j < keywords.length; j++) {
    var shown = keywords[j].length > 40 ? keywords[j].substr(0, 40) + "..." : keywords[j];
    var label = 'The keyword "' + shown + '"';
    var kp = valueProblem(label, keywords[j]);
    if (kp) return kp;
    if (keywords[j].indexOf(",") >= 0)
      return (
        label +
        " holds a comma, and IA's description separates keywords with commas. Split it in two or take the comma out."
      );
  }
  var name = shotName({ location: m.location, subject: m.subject, action: m.action, shotType: m.shotType });
  return valueProblem("The shot name", name);
}
