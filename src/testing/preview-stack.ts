// npm start's stack for browser tests: the local catalog seeded with the sample library, the
// simulated Premiere running the built host bundle, and the preview server with the test model.
import path from "node:path";
import { startCatalogServer, type RunningCatalog } from "../server/catalog/server";
import { startPreviewServer, type RunningServer } from "../server/preview-server";
import { makeSampleLibrary, type SampleLibrary } from "../server/preview/sample-library";
import { seedSampleLibrary } from "../server/preview/seed-sample-library";
import type { SimProject } from "../sim/premiere-dom";
import { PremiereSimulator } from "../sim/premiere-simulator";
import { createSampleProject, importSampleClip } from "../sim/sample-project";
import { UxpPremiereSimulator } from "../sim/uxp/uxp-simulator";
import { JSX_BUNDLE, DIST, ROOT } from "./paths";
import { sampleMedia, sampleMediaFolders } from "./sample-media";
import { TINY_CLIP_DIR } from "./tiny-clip";

export interface PreviewStack {
  catalog: RunningCatalog;
  server: RunningServer;
  simulator: PremiereSimulator;
  project: SimProject;
  /** the UXP host (the preview's /uxp/ page, docs/adr/0033): its own project, the same samples */
  uxp: { simulator: UxpPremiereSimulator; project: SimProject };
  library: SampleLibrary;
  close(): Promise<void>;
}

export async function startPreviewStack(): Promise<PreviewStack> {
  const project = createSampleProject(sampleMedia());
  const simulator = new PremiereSimulator({ project }).loadBundle(JSX_BUNDLE);
  const uxpProject = createSampleProject(sampleMedia());
  const uxp = { simulator: new UxpPremiereSimulator({ project: uxpProject }), project: uxpProject };
  const catalog = await startCatalogServer({ localPassword: "local-dev" });
  const library = makeSampleLibrary(path.join(ROOT, ".cache/sample-library"));
  const imported = { cep: 0, uxp: 0 };
  let thumbnailBase = "";
  const server = await startPreviewServer({
    extensionDir: DIST,
    simulator,
    staticDirs: { "/models/": path.dirname(TINY_CLIP_DIR), "/library/": library.folder },
    studioConfig: {
      catalog: { url: catalog.url, anonKey: catalog.anonKey },
      model: { source: "folder", path: "/models/tiny-random-clip" },
    },
    uxpSimulator: uxp.simulator,
    uxpPreviewDir: path.join(ROOT, "dist/uxp/preview"),
    simulateImport: (host) =>
      void (host === "uxp"
        ? importSampleClip(uxpProject, sampleMedia(), ++imported.uxp, (bin, item) =>
            uxp.simulator.importItem(bin, item),
          )
        : importSampleClip(project, sampleMedia(), ++imported.cep)),
    // the UXP page reads Premiere's frame exports through the plugin, which reads them here
    mediaFolders: [...sampleMediaFolders(), uxp.simulator.paths.temp],
  });
  catalog.allowOrigin(server.url); // CORS: the preview's page
  thumbnailBase = `${server.url}/library/`;
  await seedSampleLibrary({
    catalog,
    library,
    modelFolder: TINY_CLIP_DIR,
    thumbnailUrl: (file) => thumbnailBase + encodeURIComponent(path.basename(file)),
  });
  return {
    catalog,
    server,
    simulator,
    project,
    uxp,
    library,
    async close() {
      await server.close();
      await catalog.close();
    },
  };
}
