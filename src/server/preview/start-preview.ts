// What `npm start` runs once the extension is built: the sample media and the sample library
// (made with ffmpeg from the system or from npm: src/sim/media-tools.ts, ADR 0031), the simulated
// Premiere running the built host bundle, the local catalog seeded with the library, and the
// preview server with the simulator tools. Tests start it with their own folders and port 0.
import path from "node:path";
import type { SimProject } from "../../sim/premiere-dom";
import { PremiereSimulator } from "../../sim/premiere-simulator";
import { UxpPremiereSimulator } from "../../sim/uxp/uxp-simulator";
import { resolveMediaTool } from "../../sim/media-tools";
import { makeSampleMedia, sampleFolders, type SampleMedia } from "../../sim/sample-media";
import { createSampleProject, importSampleClip } from "../../sim/sample-project";
import { startPreviewServer, type RunningPreview } from "../preview-server";
import { makeSampleLibrary, type SampleLibrary } from "./sample-library";
import { seedSampleLibrary } from "./seed-sample-library";
import { SwitchableCatalog } from "./switchable-catalog";

export interface PreviewOptions {
  /** the built extension, e.g. dist/cep */
  extensionDir: string;
  /** where the sample media and the sample library are made (once per folder) */
  mediaRoot: string;
  libraryRoot: string;
  /** the catalog's data dir; in memory when absent */
  catalogDataDir?: string;
  /** one password for every local user (tests, and needed in memory: a restart would renew them) */
  localPassword?: string;
  /** the folder that holds the model folder, and the model folder's name */
  model: { dir: string; name: string };
  port?: number;
  catalogPort?: number;
  /** the preview's stand-in for the UXP plugin (dist/uxp/preview): the Host picker's "UXP plugin" */
  uxpPreviewDir?: string;
  /** told what could not be made, in words for the person who ran npm start */
  warn?: (message: string) => void;
}

export interface RunningPreviewStack {
  server: RunningPreview;
  catalog: SwitchableCatalog;
  simulator: PremiereSimulator;
  project: SimProject;
  /** the UXP host (ADR 0032) on a project of its own with the same sample clips */
  uxpSimulator: UxpPremiereSimulator;
  uxpProject: SimProject;
  media: SampleMedia | undefined;
  library: SampleLibrary | undefined;
  /** references the sample library put into the catalog (0 without ffmpeg) */
  references: number;
  modelVersion: string | undefined;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreviewStack> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const ffmpeg = resolveMediaTool("ffmpeg");
  if (!ffmpeg)
    warn("ffmpeg not found (neither on PATH nor from npm): sample clips are offline and the library is empty.");
  const media = ffmpeg ? makeSampleMedia(options.mediaRoot) : undefined;
  const library = ffmpeg ? makeSampleLibrary(options.libraryRoot) : undefined;
  const project = createSampleProject(media);
  const selfCheck = path.join(options.extensionDir, "self-check");
  // Scripts reach only the sample project's folders and the self-check's shipped clip (the host
  // endpoint also takes only bridge calls from this run's page: src/server/host-call-guard.ts).
  const simulator = new PremiereSimulator({
    project,
    fileRoots: [...sampleFolders(options.mediaRoot), selfCheck],
  }).loadBundle(path.join(options.extensionDir, "jsx/index.js"));
  // The UXP host (the Host picker's "UXP plugin", ADR 0033): the real UXP host adapter over the
  // simulated premierepro module, on a project of its own with the same sample clips
  const uxpProject = createSampleProject(media);
  const uxpSimulator = new UxpPremiereSimulator({
    project: uxpProject,
    fileRoots: [...sampleFolders(options.mediaRoot), selfCheck],
  });
  const catalog = await SwitchableCatalog.start({
    dataDir: options.catalogDataDir,
    port: options.catalogPort ?? 0,
    localPassword: options.localPassword,
  });
  const imported = { cep: 0, uxp: 0 };
  let server: RunningPreview | undefined;
  try {
    server = await startPreviewServer({
      extensionDir: options.extensionDir,
      simulator,
      port: options.port ?? 0,
      staticDirs: { "/models/": options.model.dir, ...(library ? { "/library/": library.folder } : {}) },
      studioConfig: {
        catalog: { url: catalog.url, anonKey: catalog.catalog.anonKey },
        model: { source: "folder", path: `/models/${options.model.name}` },
      },
      uxpSimulator,
      uxpPreviewDir: options.uxpPreviewDir,
      // the UXP page reads Premiere's frame exports through the plugin, which reads them here
      mediaFolders: [...sampleFolders(options.mediaRoot), uxpSimulator.paths.temp],
      simulateImport: media
        ? (host) =>
            void (host === "uxp"
              ? importSampleClip(uxpProject, media, ++imported.uxp, (bin, item) => uxpSimulator.importItem(bin, item))
              : importSampleClip(project, media, ++imported.cep))
        : undefined,
      simulatorTools: { catalog, relinkTo: media?.h264.path },
    });
    catalog.allowOrigin(server.url); // CORS: the preview's page, wherever it listens
    const base = server.url;
    const seeded = library
      ? await seedSampleLibrary({
          catalog: catalog.catalog,
          library,
          modelFolder: path.join(options.model.dir, options.model.name),
          thumbnailUrl: (file) => `${base}/library/${encodeURIComponent(path.basename(file))}`,
        })
      : undefined;
    const running = server;
    return {
      server: running,
      catalog,
      simulator,
      project,
      uxpSimulator,
      uxpProject,
      media,
      library,
      references: seeded?.references ?? 0,
      modelVersion: seeded?.modelVersion,
      async close() {
        await running.close();
        await catalog.close();
      },
    };
  } catch (e) {
    await server?.close();
    await catalog.close();
    throw e;
  }
}
