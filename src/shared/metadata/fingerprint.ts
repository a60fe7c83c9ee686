// A short fingerprint of a text (its length and a 32-bit FNV-1a hash of its UTF-16 code units), so
// that an undo can tell whether a clip was changed after the batch without keeping a second copy.
// Compiled into the ES3 host bundle: bit operations and charCodeAt only.

export function fingerprint(text: string): string {
  var hash = 0x811c9dc5;
  for (var i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    // hash × 16777619 (the FNV prime) in 32 bits, without leaving the exact range of a double
    hash = (hash + (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24)) >>> 0;
  }
  return text.length + ":" + hash.toString(16);
}
