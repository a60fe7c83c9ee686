import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../../src/lib/encoding/base64";

describe("base64", () => {
  it("round-trips every byte value and a frame-sized buffer, as Node's own encoder does", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256); // several chunks
    for (const bytes of [all, big, new Uint8Array(0)]) {
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64"));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });
});
