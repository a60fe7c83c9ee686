// Whether onnxruntime-web 1.14 will pick its SIMD build here. It decides by validating a tiny
// module that uses a final-opcode SIMD instruction (i32x4.dot_i16x8_s on a splat and a v128
// constant); these are that module's bytes, so the answer matches the build that runs.
// Chromium 88 (CEP 11) fails it even with --experimental-wasm-simd (docs/facts/premiere-and-cep.md).
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 30, 1, 28, 0, 65, 0, 253, 15, 253, 12, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 186, 1, 26, 11,
]);

export function wasmSimdSupported(): boolean {
  try {
    return typeof WebAssembly !== "undefined" && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}
