import fs from "node:fs";
import path from "node:path";
import { defineConfig, type PluginOption } from "vite";
import react from "@vitejs/plugin-react";
import cepConfig from "./cep.config.ts";

const root = path.resolve(import.meta.dirname, "src/panel");
const outDir = path.resolve(import.meta.dirname, "dist/cep");
const isVitest = Boolean(process.env.VITEST);

// vite-cep-plugin symlinks dist/cep into "$HOME/Library/Application Support/Adobe/CEP/extensions"
// on every build, even on Linux. Only a developer who asks for it (CEP_SYMLINK=1) gets that;
// builds and CI write into a project-local fake home instead.
async function cepPlugin(): Promise<PluginOption> {
  if (!process.env.CEP_SYMLINK) process.env.HOME = path.resolve(import.meta.dirname, ".cache/cep-home");
  const { cep } = await import("vite-cep-plugin");
  const dist = path.resolve(import.meta.dirname, "dist");
  return cep({
    cepConfig,
    dir: dist,
    cepDist: "cep",
    isProduction: true,
    isPackage: false,
    isMetaPackage: false,
    isServe: false,
    debugReact: false,
    zxpOutput: path.join(dist, "zxp", cepConfig.id),
    zipOutput: path.join(dist, "zip", cepConfig.id),
    packages: cepConfig.installModules ?? [],
  }) as PluginOption;
}

/** onnxruntime-web's WASM ships inside the extension (never a CDN). Plain and SIMD builds only:
 * the threaded ones need cross-origin isolation, which CEP panels do not have. */
function copyOnnxWasm(): PluginOption {
  return {
    name: "copy-onnxruntime-wasm",
    apply: "build",
    writeBundle() {
      const from = path.resolve(import.meta.dirname, "node_modules/onnxruntime-web/dist");
      const to = path.join(outDir, "ort");
      fs.mkdirSync(to, { recursive: true });
      for (const file of ["ort-wasm.wasm", "ort-wasm-simd.wasm"])
        fs.copyFileSync(path.join(from, file), path.join(to, file));
    },
  };
}

export default defineConfig(async () => ({
  root,
  clearScreen: false,
  // The cep() plugin breaks Vitest at start-up (ENOENT on index.html), so tests run without it.
  plugins: [react(), copyOnnxWasm(), ...(isVitest ? [] : [await cepPlugin()])],
  // a classic worker: CEP 11's Chromium 88 and file:// pages are safest without module workers
  worker: { format: "iife" as const },
  build: {
    outDir,
    emptyOutDir: false, // dist/cep/jsx is written by the ExtendScript build
    target: "chrome88", // CEP 11 = Chromium 88, the oldest CEF we support
    sourcemap: false,
    rollupOptions: {
      input: { main: path.resolve(root, "main/index.html") },
      // CEP loads the page from file:// and may need Node's require: plain CommonJS, one chunk.
      output: { format: "cjs" as const, preserveModules: false },
    },
  },
  test: {
    root: import.meta.dirname,
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/global-build.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
}));
