// The shared metadata code (json-text.ts, fingerprint.ts) works on byte strings, one character
// per byte, as ExtendScript's BINARY files give them; UXP's files give bytes.

export function bytesToBinary(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    out += String.fromCharCode(...Array.from(bytes.subarray(i, i + 0x8000)));
  return out;
}

export function binaryToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
