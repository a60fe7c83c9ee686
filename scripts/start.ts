// npm start: builds the extension and opens it in a browser preview with the simulated Premiere
// (sample clips made by ffmpeg when it is installed) and the embedded local reference catalog.
import fs from "node:fs";
import path from "node:path";
import { buildExtension } from "./build";
import { PremiereSimulator } from "../src/sim/premiere-simulator";
import { UxpPremiereSimulator } from "../src/sim/uxp/uxp-simulator";
import { ffmpegAvailable, makeSampleMedia, sampleFolders } from "../src/sim/sample-media";
import { createSampleProject, importSampleClip } from "../src/sim/sample-project";
import { startPreviewServer } from "../src/server/preview-server";
import { startCatalogServer } from "../src/server/catalog/server";
import { makeSampleLibrary } from "../src/server/preview/sample-library";
import { seedSampleLibrary } from "../src/server/preview/seed-sample-library";
import { localUsersFile } from "../src/server/catalog/local-users";

const root = path.resolve(import.meta.dirname, "..");
const extensionDir = path.join(root, "dist/cep");
const port = Number(process.env.PORT ?? 5173);

await buildExtension();
const mediaRoot = path.join(root, ".cache/sample-media");
const media = ffmpegAvailable() ? makeSampleMedia(mediaRoot) : undefined;
if (!media) console.warn("ffmpeg not found: sample clips are shown as offline (install ffmpeg for real media).");
const catalogDir = path.join(root, ".cache/catalog-db");
const catalog = await startCatalogServer({
  dataDir: catalogDir,
  port: Number(process.env.CATALOG_PORT ?? 54321),
});
const project = createSampleProject(media);
// Scripts reach only the sample project's folders (the host endpoint also takes only bridge
// calls from this run's page: src/server/host-call-guard.ts).
// (and the self-check's sample clip, which ships in the extension)
const simulator = new PremiereSimulator({
  project,
  fileRoots: [...sampleFolders(mediaRoot), path.join(extensionDir, "self-check")],
}).loadBundle(path.join(extensionDir, "jsx/index.js"));
// The UXP host (the Host picker's "UXP plugin", docs/adr/0033): the real UXP host adapter over the
// simulated premierepro module, on a project of its own with the same sample clips
const uxpProject = createSampleProject(media);
const uxpSimulator = new UxpPremiereSimulator({
  project: uxpProject,
  fileRoots: [...sampleFolders(mediaRoot), path.join(extensionDir, "self-check")],
});
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
// A corrected sample library in the catalog, so that imported sample clips get real suggestions
const library = media ? makeSampleLibrary(path.join(root, ".cache/sample-library")) : undefined;
if (library) {
  const seeded = await seedSampleLibrary({
    catalog,
    library,
    modelFolder: path.join(model.dir, model.name),
    thumbnailUrl: (file) => `http://127.0.0.1:${port}/library/${encodeURIComponent(path.basename(file))}`,
  });
  console.log(`Sample library:     ${seeded.references} references for ${seeded.modelVersion}`);
}
const imported = { cep: 0, uxp: 0 };
const server = await startPreviewServer({
  extensionDir,
  simulator,
  port,
  staticDirs: { "/models/": model.dir, ...(library ? { "/library/": library.folder } : {}) },
  studioConfig: {
    catalog: { url: catalog.url, anonKey: catalog.anonKey },
    model: { source: "folder", path: `/models/${model.name}` },
  },
  uxpSimulator,
  uxpPreviewDir: path.join(root, "dist/uxp/preview"),
  // the UXP page reads Premiere's frame exports through the plugin, which reads them here
  mediaFolders: [...sampleFolders(mediaRoot), uxpSimulator.paths.temp],
  simulateImport: media
    ? (host) =>
        void (host === "uxp"
          ? importSampleClip(uxpProject, media, ++imported.uxp, (bin, item) => uxpSimulator.importItem(bin, item))
          : importSampleClip(project, media, ++imported.cep))
    : undefined,
});
catalog.allowOrigin(server.url); // CORS: the preview's page, wherever it listens
console.log(`Reference catalog:  ${catalog.url}  (local users; passwords kept in ${localUsersFile(catalogDir)}):`);
for (const u of catalog.localUsers) console.log(`  ${u.email.padEnd(18)} ${u.password}  (${u.role})`);
console.log(`Reference Lookup:   ${server.url}/main/index.html  (simulated Premiere; Ctrl+C to stop)`);
console.log(`  as a UXP plugin:  ${server.url}/uxp/index.html  (or the Host picker in the simulator's tools)`);
