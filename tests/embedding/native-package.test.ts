// What the native path adds to the extension: a CommonJS thread that CEP 11's Node 15.9 can
// require, and onnxruntime-node's binaries for win32-x64, darwin-x64 and darwin-arm64 only.
import fs from "node:fs";
import path from "node:path";
import * as acorn from "acorn";
import { describe, expect, it } from "vitest";
import { NATIVE_BINARIES, SHIPPED_NATIVE_PLATFORMS } from "../../src/lib/embedding/node/native-files";
import { createSelfSigned } from "../../src/zxp/certificate";
import { packageExtension } from "../../src/zxp/package-extension";
import { readZip } from "../../src/zxp/zip";
import { DIST } from "../../src/testing/paths";

describe("native files in the build and the ZXP", () => {
  it("the encoder thread uses no syntax newer than Node 15.9's V8 8.6", () => {
    // ES2022 as acorn reads it, minus what V8 8.6 lacks: class fields it has (since 7.2/7.4);
    // static blocks, `#x in o` and the RegExp d flag it does not
    const code = fs.readFileSync(path.join(DIST, "native/encoder-thread.cjs"), "utf8");
    const tooNew: string[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      const n = node as { type?: string; left?: { type?: string }; regex?: { flags: string } };
      if (n.type === "StaticBlock") tooNew.push("class static block");
      if (n.type === "BinaryExpression" && n.left?.type === "PrivateIdentifier") tooNew.push("#x in o");
      if (n.regex?.flags.includes("d")) tooNew.push("RegExp d flag");
      for (const value of Object.values(node)) (Array.isArray(value) ? value : [value]).forEach(walk);
    };
    walk(acorn.parse(code, { ecmaVersion: 2022, sourceType: "script" }));
    expect(tooNew).toEqual([]);
  });

  it("the encoder thread requires only bare Node built-ins and onnxruntime-node's copied files (no node: scheme)", () => {
    const code = fs.readFileSync(path.join(DIST, "native/encoder-thread.cjs"), "utf8");
    const required = [...new Set([...code.matchAll(/require\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]))].sort();
    expect(required).toEqual([
      "fs",
      "onnxruntime-node",
      "onnxruntime-node/dist/backend",
      "os",
      "path",
      "perf_hooks",
      "url",
      "worker_threads",
    ]);
  });

  it("ships the three Premiere platforms' binaries, nothing for Linux, and no other node_modules", async () => {
    const identity = createSelfSigned({ country: "GB", organization: "EAV Test Studio" }).identity;
    const { zxp, files } = await packageExtension({ extensionDir: DIST, identity });
    const binaries = files.filter((f) => f.startsWith(NATIVE_BINARIES));
    const platforms = new Set(binaries.map((f) => f.slice(NATIVE_BINARIES.length).split("/").slice(0, 2).join("/")));
    expect([...platforms].sort()).toEqual([...SHIPPED_NATIVE_PLATFORMS].sort());
    expect(files).toContain(`${NATIVE_BINARIES}win32/x64/onnxruntime.dll`);
    expect(files).toContain(`${NATIVE_BINARIES}darwin/arm64/libonnxruntime.1.14.0.dylib`);
    const modules = files.filter((f) => f.includes("node_modules/") && !f.startsWith(NATIVE_BINARIES));
    expect(modules.sort()).toEqual([
      "native/node_modules/onnxruntime-common/dist/ort-common.node.js",
      "native/node_modules/onnxruntime-common/package.json",
      "native/node_modules/onnxruntime-node/dist/backend.js",
      "native/node_modules/onnxruntime-node/dist/binding.js",
      "native/node_modules/onnxruntime-node/dist/index.js",
      "native/node_modules/onnxruntime-node/package.json",
    ]);
    const entries = await readZip(zxp);
    expect(entries.some((e) => e.name.includes("/linux/"))).toBe(false);
    console.log(`ZXP without a model: ${(zxp.length / 1e6).toFixed(1)} MB, ${files.length} files`);
    expect(zxp.length).toBeLessThanOrEqual(60e6);
  });
});
