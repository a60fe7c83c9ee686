// Reference ids: random ones for the panel's saves, stable ones (a hash) for imports that may run
// again. crypto.randomUUID needs Chromium 92; CEP 11 runs Chromium 88, which has
// crypto.getRandomValues (found by the Chromium 88 end-to-end test).

/** A version-4-shaped UUID from 32 or more hex digits. */
export function uuidFromHex(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A random version-4 UUID. */
export function newId(): string {
  return uuidFromHex(
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (x) => x.toString(16).padStart(2, "0")).join(""),
  );
}
