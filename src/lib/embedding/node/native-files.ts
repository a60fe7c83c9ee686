// What of onnxruntime-node the extension carries: its JS, onnxruntime-common, and the N-API v3
// binaries of the platforms Premiere runs on. Linux is copied only into a local build (tests,
// benches on this machine) and never packaged.
export const SHIPPED_NATIVE_PLATFORMS = ["win32/x64", "darwin/x64", "darwin/arm64"] as const;

/** where the native files sit inside dist/cep */
export const NATIVE_DIR = "native";
export const NATIVE_BINARIES = "native/node_modules/onnxruntime-node/bin/napi-v3/";

/** A packaged path that belongs to a platform Premiere does not run on. */
export function isUnshippedBinary(relPath: string): boolean {
  if (!relPath.startsWith(NATIVE_BINARIES)) return false;
  const platform = relPath.slice(NATIVE_BINARIES.length).split("/").slice(0, 2).join("/");
  return !(SHIPPED_NATIVE_PLATFORMS as readonly string[]).includes(platform);
}
