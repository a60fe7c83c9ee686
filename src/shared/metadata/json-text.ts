// JSON text handled as IA's files need it (ADR 0022): UTF-8 bytes as ExtendScript's BINARY
// encoding reads them (one character per byte), values written as Node's JSON.stringify writes
// them, and one member of a file's top-level object replaced or added in place, so that every
// other byte of the file (other entries, key order, indent, line ends, a BOM) stays as it was.
// The host's JSON is json2, which escapes characters Node leaves as they are; this module does
// not use it to write. ES3-safe: the host runs it.

function ch(code: number): string {
  return String.fromCharCode(code);
}

/** UTF-8 bytes → text; null when the bytes are not UTF-8. */
export function utf8Decode(bytes: string): string | null {
  if (!/[\u0080-\uffff]/.test(bytes)) return bytes; // ASCII: the bytes are the text
  // the engine's own UTF-8 decoder, checked by encoding back (ExtendScript loops slowly)
  try {
    var text = decodeURIComponent(escape(bytes));
    if (unescape(encodeURIComponent(text)) === bytes) return text;
  } catch (e) {
    // not UTF-8 to the engine: the check below says so, or decodes what the engine would not
  }
  return utf8DecodeSlowly(bytes);
}

/** The same, one byte at a time: for an engine whose own decoder disagrees. */
export function utf8DecodeSlowly(bytes: string): string | null {
  var out: string[] = [];
  var i = 0;
  var n = bytes.length;
  while (i < n) {
    var b = bytes.charCodeAt(i);
    var need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= n) return null;
    var code = need === 0 ? b : need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    for (var k = 1; k <= need; k++) {
      var c = bytes.charCodeAt(i + k);
      if ((c & 0xc0) !== 0x80) return null;
      code = code * 64 + (c & 0x3f);
    }
    // overlong forms, surrogates and code points past U+10FFFF are not UTF-8
    if (
      (need === 2 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) ||
      (need === 3 && (code < 0x10000 || code > 0x10ffff))
    )
      return null;
    if (code > 0xffff) {
      code -= 0x10000;
      out.push(ch(0xd800 + (code >> 10)), ch(0xdc00 + (code & 0x3ff)));
    } else {
      out.push(String.fromCharCode(code));
    }
    i += need + 1;
  }
  return out.join("");
}

/** Text → UTF-8 bytes; a lone surrogate becomes U+FFFD, as Node's Buffer writes it. */
export function utf8Encode(text: string): string {
  var out: string[] = [];
  for (var i = 0; i < text.length; i++) {
    var c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      var d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + (c - 0xd800) * 1024 + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(ch(c));
    else if (c < 0x800) out.push(ch(0xc0 | (c >> 6)), ch(0x80 | (c & 0x3f)));
    else if (c < 0x10000) out.push(ch(0xe0 | (c >> 12)), ch(0x80 | ((c >> 6) & 0x3f)), ch(0x80 | (c & 0x3f)));
    else
      out.push(
        ch(0xf0 | (c >> 18)),
        ch(0x80 | ((c >> 12) & 0x3f)),
        ch(0x80 | ((c >> 6) & 0x3f)),
        ch(0x80 | (c & 0x3f)),
      );
  }
  return out.join("");
}

var SHORT_ESCAPES: { [code: number]: string } = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };

function hex4(code: number): string {
  var h = code.toString(16);
  while (h.length < 4) h = "0" + h;
  return "\\u" + h;
}

/** A string literal as Node's (well-formed) JSON.stringify writes it. */
export function quoteJson(s: string): string {
  var out = '"';
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c < 0x20) out += SHORT_ESCAPES[c] || hex4(c);
    else if (c >= 0xd800 && c <= 0xdfff) {
      var d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        out += s.charAt(i) + s.charAt(i + 1);
        i++;
      } else out += hex4(c);
    } else out += s.charAt(i);
  }
  return out + '"';
}

function isList(value: unknown): boolean {
  return Object.prototype.toString.call(value) === "[object Array]";
}

function write(value: unknown, gap: string, eol: string, current: string): string | undefined {
  if (value === null) return "null";
  if (typeof value === "string") return quoteJson(value);
  if (typeof value === "number") return isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value !== "object") return undefined;
  var inner = current + gap;
  var parts: string[] = [];
  if (isList(value)) {
    var list = value as unknown[];
    for (var i = 0; i < list.length; i++) {
      var item = write(list[i], gap, eol, inner);
      parts.push(item === undefined ? "null" : item);
    }
    if (!parts.length) return "[]";
    return gap ? "[" + eol + inner + parts.join("," + eol + inner) + eol + current + "]" : "[" + parts.join(",") + "]";
  }
  var object = value as { [key: string]: unknown };
  for (var key in object) {
    if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
    var text = write(object[key], gap, eol, inner);
    if (text !== undefined) parts.push(quoteJson(key) + (gap ? ": " : ":") + text);
  }
  if (!parts.length) return "{}";
  return gap ? "{" + eol + inner + parts.join("," + eol + inner) + eol + current + "}" : "{" + parts.join(",") + "}";
}

/**
 * JSON.stringify(value, null, gap) as Node writes it, with `eol` between lines and `margin` in
 * front of every line after the first (where the value sits inside a larger text).
 */
export function stringifyJson(value: unknown, gap: string, eol: string, margin: string): string {
  var text = write(value, gap, eol || "\n", margin);
  return text === undefined ? "null" : text;
}

export interface JsonMember {
  key: string;
  /** where its key's literal starts and ends, and where its value starts and ends */
  start: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

function skipSpace(t: string, i: number): number {
  while (i < t.length && " \t\r\n".indexOf(t.charAt(i)) >= 0) i++;
  return i;
}

/** Where the next of each character that matters is, by native indexOf searches kept per
 * character: ExtendScript runs a loop over every character of a large IA file slowly. The
 * scan only moves forward, so each search starts where the last one of its character ended. */
function scanner(t: string): Scan {
  var marks = ['"', "\\", "{", "}", "[", "]"];
  var at = [-2, -2, -2, -2, -2, -2];
  return function next(k: number, from: number): number {
    if (at[k] !== -1 && at[k] < from) at[k] = t.indexOf(marks[k], from);
    return at[k];
  };
}
type Scan = (k: number, from: number) => number;

function skipString(scan: Scan, i: number): number {
  var from = i + 1;
  for (;;) {
    var quote = scan(0, from);
    var backslash = scan(1, from);
    if (quote === -1) return -1;
    if (backslash === -1 || quote < backslash) return quote + 1;
    from = backslash + 2; // the escaped character
  }
}

function skipValue(t: string, scan: Scan, i: number): number {
  var c = t.charAt(i);
  if (c === '"') return skipString(scan, i);
  if (c !== "{" && c !== "[") {
    while (i < t.length && ",}] \t\r\n".indexOf(t.charAt(i)) < 0) i++;
    return i;
  }
  var depth = 0;
  for (;;) {
    var best = -1;
    var which = -1;
    for (var k = 0; k < 6; k++) {
      if (k === 1) continue; // a backslash only matters inside a string
      var at = scan(k, i);
      if (at !== -1 && (best < 0 || at < best)) {
        best = at;
        which = k;
      }
    }
    if (best < 0) return -1;
    if (which === 0) {
      i = skipString(scan, best);
      if (i < 0) return -1;
      continue;
    }
    if (which === 2 || which === 4) depth++;
    else if (--depth === 0) return best + 1;
    i = best + 1;
  }
}

/**
 * The members of the top-level object of a JSON text (UTF-8 bytes or text), with their places;
 * null when the text is not an object. The text must be valid JSON (parse it first).
 */
export function objectMembers(t: string): { open: number; close: number; members: JsonMember[] } | null {
  var i = t.substr(0, 3) === "\u00ef\u00bb\u00bf" ? 3 : t.charAt(0) === "\ufeff" ? 1 : 0;
  i = skipSpace(t, i);
  if (t.charAt(i) !== "{") return null;
  var open = i;
  var scan = scanner(t);
  var members: JsonMember[] = [];
  i = skipSpace(t, i + 1);
  while (t.charAt(i) === '"') {
    var keyEnd = skipString(scan, i);
    if (keyEnd < 0) return null;
    var literal = utf8Decode(t.substring(i, keyEnd));
    var valueStart = skipSpace(t, skipSpace(t, keyEnd) + 1);
    var valueEnd = skipValue(t, scan, valueStart);
    if (literal === null || valueEnd < 0) return null;
    members.push({
      key: JSON.parse(literal) as string,
      start: i,
      keyEnd: keyEnd,
      valueStart: valueStart,
      valueEnd: valueEnd,
    });
    i = skipSpace(t, valueEnd);
    if (t.charAt(i) === ",") i = skipSpace(t, i + 1);
  }
  return t.charAt(i) === "}" ? { open: open, close: i, members: members } : null;
}

/**
 * The JSON file's UTF-8 bytes with its top-level member `key` set to `value`: replaced where it
 * is, else added after the last member, in the file's own layout. Every other byte stays.
 */
export function setMember(bytes: string, key: string, value: unknown): string {
  var found = objectMembers(bytes);
  if (!found) throw new Error("not a JSON object");
  var members = found.members;
  // the layout: what stands before the first member (its line end and indent), and after a key
  var before = members.length ? bytes.substring(found.open + 1, members[0].start) : "\n  ";
  var lineStart = before.lastIndexOf("\n");
  var eol = lineStart < 0 ? "" : before.charAt(lineStart - 1) === "\r" ? "\r\n" : "\n";
  var margin = lineStart < 0 ? "" : before.substr(lineStart + 1);
  var colon = members.length ? bytes.substring(members[0].keyEnd, members[0].valueStart) : ": ";
  var text = utf8Encode(stringifyJson(value, margin, eol, margin));
  for (var m = 0; m < members.length; m++) {
    if (members[m].key === key)
      return bytes.substring(0, members[m].valueStart) + text + bytes.substring(members[m].valueEnd);
  }
  var member = utf8Encode(quoteJson(key)) + colon + text;
  if (!members.length) {
    var close = eol ? eol : "";
    return bytes.substring(0, found.open + 1) + before + member + close + bytes.substring(found.open + 1);
  }
  var last = members[members.length - 1].valueEnd;
  return bytes.substring(0, last) + "," + eol + margin + member + bytes.substring(last);
}
