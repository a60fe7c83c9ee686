import fs from "node:fs";
import path from "node:path";
import { builtinModules } from "node:module";
import { build, defineConfig, type PluginOption } from "vite";
import react from "@vitejs/plugin-react";
import cepConfig from "./cep.config.ts";
import { NATIVE_DIR, SHIPPED_NATIVE_PLATFORMS } from "./src/lib/embedding/node/native-files.ts";

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

/** The native encoder thread (docs/adr/0011): one CommonJS file for CEP's Node 15.9/17.7, with
 * onnxruntime-node and onnxruntime-common copied beside it as node_modules (the binary is loaded
 * by a computed require, which no bundler follows). The build machine's own platform is copied
 * too so that tests and benches can run it; the ZXP leaves it out (src/zxp/package-extension.ts). */
function buildNativeThread(): PluginOption {
  const modules = path.resolve(import.meta.dirname, "node_modules");
  const stubs = path.resolve(import.meta.dirname, "src/lib/embedding/node/stubs");
  const copy = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.cpSync(from, to, { recursive: true });
  };
  return {
    name: "build-native-encoder-thread",
    apply: "build",
    async writeBundle() {
      const out = path.join(outDir, NATIVE_DIR);
      await build({
        configFile: false,
        logLevel: "warn",
        resolve: {
          alias: { sharp: path.join(stubs, "sharp.ts"), "onnxruntime-web": path.join(stubs, "onnxruntime-web.ts") },
        },
        ssr: { noExternal: true, external: ["onnxruntime-node"] },
        build: {
          ssr: path.resolve(import.meta.dirname, "src/lib/embedding/node/encoder-thread.ts"),
          outDir: out,
          emptyOutDir: false,
          target: "node15",
          minify: true,
          rollupOptions: {
            // onnxruntime-node/dist/backend too: the thread count wraps its backend
            external: [/^onnxruntime-node(\/|$)/, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
            output: { format: "cjs" as const, entryFileNames: "encoder-thread.cjs" },
          },
        },
      });
      const ort = path.join(modules, "onnxruntime-node");
      const to = path.join(out, "node_modules");
      copy(path.join(ort, "package.json"), path.join(to, "onnxruntime-node/package.json"));
      for (const f of ["index.js", "backend.js", "binding.js"])
        copy(path.join(ort, "dist", f), path.join(to, "onnxruntime-node/dist", f));
      const here = `${process.platform}/${process.arch}`;
      for (const platform of new Set([...SHIPPED_NATIVE_PLATFORMS, here]))
        copy(path.join(ort, "bin/napi-v3", platform), path.join(to, "onnxruntime-node/bin/napi-v3", platform));
      const common = path.join(modules, "onnxruntime-common");
      copy(path.join(common, "package.json"), path.join(to, "onnxruntime-common/package.json"));
      copy(path.join(common, "dist/ort-common.node.js"), path.join(to, "onnxruntime-common/dist/ort-common.node.js"));
    },
  };
}

// Test projects by what they need built. The host project: the simulator runs the ExtendScript
// bundle (host, simulator, store and bridge-to-host tests). The catalog project: the catalog on
// PGlite, nothing built. The browser project: tests of the whole built extension (browser,
// preview server, native thread, package). Everything else is a unit test and needs no build.
const HOST = [
  "tests/host/**/*.test.ts",
  "tests/sim/**/*.test.ts",
  "tests/panel/**/*.test.ts",
  "tests/bridge/bridge-host*.test.ts",
];
const CATALOG = ["tests/catalog/**/*.test.ts"];
const BROWSER = [
  "tests/e2e/**/*.test.ts",
  "tests/build/**/*.test.ts",
  "tests/bridge/preview-*.test.ts",
  "tests/embedding/native-*.test.ts",
  "tests/zxp/our-package*.test.ts",
];

export default defineConfig(async () => ({
  root,
  clearScreen: false,
  // The cep() plugin breaks Vitest at start-up (ENOENT on index.html), so tests run without it.
  plugins: [react(), copyOnnxWasm(), buildNativeThread(), ...(isVitest ? [] : [await cepPlugin()])],
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
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll's own default (1 s) is a wall-time guess that fails on a busy machine: a
    // condition gets as long as tests/helpers/until.ts gives one (CONDITION_TIMEOUT)
    expect: { poll: { timeout: 20_000, interval: 50 } },
    pool: "forks",
    // Two files at once on CI's 2 cores: most of a browser or catalog test waits on another
    // process, and tests wait for conditions, not wall time. Vitest's default here is one.
    maxWorkers: 2,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    // One project per kind of setup, chosen by folder (and, in folders that mix them, by name),
    // so a new test file lands in its folder's project; each builds only what it needs, and a
    // build is made at most once per run (tests/setup/build-once.ts). `npm test` runs them all;
    // `npx vitest run tests/suggestion` runs only the unit project, with no build.
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: [...HOST, ...CATALOG, ...BROWSER] },
      },
      {
        extends: true,
        test: { name: "host", include: HOST, exclude: BROWSER, globalSetup: ["tests/setup/jsx-bundle.ts"] },
      },
      { extends: true, test: { name: "catalog", include: CATALOG } },
      {
        extends: true,
        // a browser test loads the model and a whole preview before its first step: with two
        // files at once that alone has taken 30 s here, so the net under it is wider
        test: { name: "browser", include: BROWSER, globalSetup: ["tests/setup/full-build.ts"], testTimeout: 120_000 },
      },
    ],
  },
}));
