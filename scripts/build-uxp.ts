// The UXP plugin's own files (docs/adr/0033): dist/uxp/plugin (index.html + main.js, which
// bundles the UXP host adapter) and the preview's stand-in for the plugin, dist/uxp/preview.
// The panel's page is dist/cep's, unchanged: `npm run ccx` packs both.
import fs from "node:fs";
import path from "node:path";
import { build } from "vite";

const root = path.resolve(import.meta.dirname, "..");
export const UXP_DIST = path.join(root, "dist/uxp");

async function bundle(entry: string, outDir: string, external: string[]): Promise<void> {
  await build({
    configFile: false,
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: true,
      // UXP 8.1 (Premiere 25.6) runs modern JS; the preview runs in today's browsers
      target: "es2020",
      minify: false,
      lib: {
        entry,
        formats: ["iife"],
        name: "referenceLookupPlugin",
        fileName: () => (path.basename(outDir) === "preview" ? "preview.js" : "main.js"),
      },
      rollupOptions: { external },
    },
  });
}

export async function buildUxpPlugin(): Promise<void> {
  const src = path.join(root, "src/uxp/plugin");
  // premierepro, uxp, fs and os are UXP's own modules, loaded by its require at run time
  await bundle(path.join(src, "main.ts"), path.join(UXP_DIST, "plugin"), ["premierepro", "uxp", "fs", "os"]);
  fs.copyFileSync(path.join(src, "index.html"), path.join(UXP_DIST, "plugin/index.html"));
  await bundle(path.join(src, "preview/preview.ts"), path.join(UXP_DIST, "preview"), []);
  fs.copyFileSync(path.join(src, "preview/index.html"), path.join(UXP_DIST, "preview/index.html"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildUxpPlugin();
  console.log("built dist/uxp");
}
