// Bytes as base64 text and back, where JSON has to carry them (localStorage, the save outbox).
// btoa/atob exist in the panel, its workers and Node alike.

export function bytesToBase64(bytes: Uint8Array): string {
  let text = "";
  // in chunks: spreading a whole frame into one call overflows the argument limit
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
