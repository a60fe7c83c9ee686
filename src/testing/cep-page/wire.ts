// Messages between the test and page.ts as JSON: the V8 serializer of Node 20 and Node 15 do not
// read each other's data, so float arrays travel as base64 of their bytes.
type Encoded = { f32: string };

export function toWire(value: unknown): unknown {
  if (value instanceof Float32Array)
    return { f32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  return value;
}

export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value && typeof value === "object") {
    if (typeof (value as Encoded).f32 === "string") {
      const bytes = Buffer.from((value as Encoded).f32, "base64");
      // copied into its own buffer: aligned, and transferable to the thread
      return new Float32Array(new Uint8Array(bytes).buffer);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v)]));
  }
  return value;
}
