// What goes into the CCX (a plain ZIP, no signature: Adobe's "Package a UXP plugin"): the
// plugin's own files (manifest.json, index.html, main.js, icons) at the root, and the panel's
// page as built for CEP under webview/, without what only CEP uses (CSXS, the ExtendScript
// bundle, the Node encoder thread). docs/adr/0033-the-panel-page-in-uxp.md.
import fs from "node:fs";
import path from "node:path";
import yazl from "yazl";
import { requiredModelFiles } from "../lib/embedding/model-source";
import { studioConfigProblem, type StudioConfig } from "../lib/studio-config";
import { WEBVIEW_FOLDER, manifestProblems, uxpManifest } from "../uxp/plugin/manifest";

export interface PluginPackageOptions {
  /** the plugin's build: index.html and main.js (dist/uxp/plugin) */
  pluginDir: string;
  /** the panel's build (dist/cep): its page, assets, WASM, icons and self-check clip */
  panelDir: string;
  id: string;
  name: string;
  version: string;
  /** studio defaults bundled as webview/config/studio.json; its catalog goes into the manifest */
  studioConfigFile?: string;
  /** a CLIP model folder to bundle under webview/model/ */
  modelDir?: string;
}

export interface PluginPackage {
  ccx: Buffer;
  files: string[];
  manifest: ReturnType<typeof uxpManifest>;
}

/** The panel's files the webview page needs; the rest of dist/cep is CEP's alone. */
const PANEL_PARTS = ["main", "assets", "ort", "icons", "self-check"];

function walk(dir: string, prefix: string): { path: string; data: Buffer }[] {
  const out: { path: string; data: Buffer }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}/${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, rel));
    else if (entry.isFile() && !entry.name.endsWith(".map")) out.push({ path: rel, data: fs.readFileSync(full) });
  }
  return out;
}

function readStudioConfig(file: string): StudioConfig {
  let config: unknown;
  try {
    config = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`--config ${file} is not readable JSON: ${(e as Error).message}`, { cause: e });
  }
  const problem = studioConfigProblem(config);
  if (problem) throw new Error(`--config ${file}: ${problem}`);
  return config as StudioConfig;
}

export async function packagePlugin(options: PluginPackageOptions): Promise<PluginPackage> {
  for (const [dir, file, hint] of [
    [options.pluginDir, "main.js", "npm run ccx builds it"],
    [options.panelDir, "main/index.html", "npm run build first"],
  ] as const) {
    if (!fs.existsSync(path.join(dir, file))) throw new Error(`${dir} has no ${file}: ${hint}`);
  }
  const config = options.studioConfigFile ? readStudioConfig(options.studioConfigFile) : null;
  const manifest = uxpManifest({ id: options.id, name: options.name, version: options.version, config });
  const problems = manifestProblems(manifest, config);
  if (problems.length) throw new Error(`the plugin's manifest breaks Adobe's rules: ${problems.join("; ")}`);
  const files = [
    { path: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    ...["index.html", "main.js"].map((f) => ({ path: f, data: fs.readFileSync(path.join(options.pluginDir, f)) })),
    ...walk(path.join(options.panelDir, "icons"), "icons"),
    ...PANEL_PARTS.filter((p) => fs.existsSync(path.join(options.panelDir, p))).flatMap((p) =>
      walk(path.join(options.panelDir, p), `${WEBVIEW_FOLDER}/${p}`),
    ),
  ];
  if (config)
    files.push({ path: `${WEBVIEW_FOLDER}/config/studio.json`, data: Buffer.from(JSON.stringify(config, null, 2)) });
  if (options.modelDir) {
    const quantized = fs.existsSync(path.join(options.modelDir, "onnx/vision_model_quantized.onnx"));
    const missing = requiredModelFiles(quantized).filter((f) => !fs.existsSync(path.join(options.modelDir!, f)));
    if (missing.length) throw new Error(`--with-model ${options.modelDir} is missing ${missing.join(", ")}`);
    files.push(...walk(options.modelDir, `${WEBVIEW_FOLDER}/model`));
  }
  return { ccx: await zip(files), files: files.map((f) => f.path), manifest };
}

function zip(files: { path: string; data: Buffer }[]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  const mtime = new Date("2026-01-01T00:00:00Z"); // reproducible packages
  for (const f of files) archive.addBuffer(f.data, f.path, { compress: true, mtime });
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on("data", (c: Buffer) => chunks.push(c));
    archive.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on("error", reject);
  });
}
