// npm start: builds the extension and opens it in a browser preview with the simulated Premiere
// (sample clips and library made with ffmpeg, the system's or npm's: ADR 0031) and the embedded
// local reference catalog. src/server/preview/start-preview.ts starts the stack.
import fs from "node:fs";
import path from "node:path";
import { buildExtension } from "./build";
import { startPreview } from "../src/server/preview/start-preview";
import { resolveMediaTool } from "../src/sim/media-tools";
import { localUsersFile } from "../src/server/catalog/local-users";

const root = path.resolve(import.meta.dirname, "..");

await buildExtension();
// The real CLIP when an admin put it in .cache/models/clip-vit-base-patch32 (no download here);
// otherwise the tiny random test model, so that the whole flow runs (its suggestions mean nothing).
const realModel = path.join(root, ".cache/models/clip-vit-base-patch32");
const model = fs.existsSync(path.join(realModel, "config.json"))
  ? { dir: path.dirname(realModel), name: "clip-vit-base-patch32" }
  : { dir: path.join(root, "tests/fixtures"), name: "tiny-random-clip" };
if (model.name === "tiny-random-clip")
  console.warn(
    "Using the tiny random test model: put a real CLIP folder in .cache/models/clip-vit-base-patch32 for real suggestions.",
  );
const catalogDir = path.join(root, ".cache/catalog-db");
const preview = await startPreview({
  extensionDir: path.join(root, "dist/cep"),
  mediaRoot: path.join(root, ".cache/sample-media"),
  libraryRoot: path.join(root, ".cache/sample-library"),
  catalogDataDir: catalogDir,
  model,
  port: Number(process.env.PORT ?? 5173),
  catalogPort: Number(process.env.CATALOG_PORT ?? 54321),
  uxpPreviewDir: path.join(root, "dist/uxp/preview"),
});
const ffmpeg = resolveMediaTool("ffmpeg");
if (ffmpeg)
  console.log(`Sample media:       made with ${ffmpeg.source === "npm" ? "ffmpeg from npm" : "the system's ffmpeg"}`);
console.log(`Sample library:     ${preview.references} references for ${preview.modelVersion ?? "no model"}`);
console.log(
  `Reference catalog:  ${preview.catalog.url}  (local users; passwords kept in ${localUsersFile(catalogDir)}):`,
);
for (const u of preview.catalog.catalog.localUsers) console.log(`  ${u.email.padEnd(18)} ${u.password}  (${u.role})`);
console.log(`Reference Lookup:   ${preview.server.url}/main/index.html  (simulated Premiere; Ctrl+C to stop)`);
console.log(`  as a UXP plugin:  ${preview.server.url}/uxp/index.html  (or the Host picker in the simulator's tools)`);
