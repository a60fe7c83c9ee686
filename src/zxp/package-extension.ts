// What goes into the ZXP: the built extension (dist/cep) without development files, optionally
// a bundled model for offline studios and the studio's defaults, then signed.
import fs from "node:fs";
import path from "node:path";
import { requiredModelFiles } from "../lib/embedding/model-source";
import { isUnshippedBinary } from "../lib/embedding/node/native-files";
import { studioConfigProblem } from "../lib/studio-config";
import type { SigningIdentity } from "./certificate";
import { signZxp } from "./sign-zxp";
import type { PackageFile } from "./zip";

export interface PackageOptions {
  extensionDir: string;
  identity: SigningIdentity;
  /** a CLIP model folder to bundle under model/ */
  modelDir?: string;
  /** studio defaults (catalog URL, anon key, model source) bundled as config/studio.json */
  studioConfigFile?: string;
  includeSourceMaps?: boolean;
  tsaUrl?: string;
}

export interface PackageResult {
  zxp: Buffer;
  files: string[];
}

/** Files that stay out: vite-cep-plugin's remote-debug ports file, source maps, and the native
 * binaries of the build machine when it is not a platform Premiere runs on (Linux). */
function isLeftOut(rel: string, includeSourceMaps: boolean): boolean {
  return rel === ".debug" || (!includeSourceMaps && rel.endsWith(".map")) || isUnshippedBinary(rel);
}

function walk(dir: string, prefix = ""): PackageFile[] {
  const out: PackageFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, rel));
    else if (entry.isFile()) out.push({ path: rel, data: fs.readFileSync(full) });
  }
  return out;
}

export async function packageExtension(options: PackageOptions): Promise<PackageResult> {
  if (!fs.existsSync(path.join(options.extensionDir, "CSXS/manifest.xml"))) {
    throw new Error(`${options.extensionDir} has no CSXS/manifest.xml: run npm run build first`);
  }
  const files = walk(options.extensionDir).filter((f) => !isLeftOut(f.path, options.includeSourceMaps ?? false));
  if (options.modelDir) {
    const quantized = fs.existsSync(path.join(options.modelDir, "onnx/vision_model_quantized.onnx"));
    const missing = requiredModelFiles(quantized).filter((f) => !fs.existsSync(path.join(options.modelDir!, f)));
    if (missing.length) throw new Error(`--with-model ${options.modelDir} is missing ${missing.join(", ")}`);
    files.push(...walk(options.modelDir, "model"));
  }
  if (options.studioConfigFile) {
    let config: unknown;
    try {
      config = JSON.parse(fs.readFileSync(options.studioConfigFile, "utf8"));
    } catch (e) {
      throw new Error(`--config ${options.studioConfigFile} is not readable JSON: ${(e as Error).message}`, {
        cause: e,
      });
    }
    const problem = studioConfigProblem(config);
    if (problem) throw new Error(`--config ${options.studioConfigFile}: ${problem}`);
    files.push({ path: "config/studio.json", data: Buffer.from(JSON.stringify(config, null, 2)) });
  }
  const zxp = await signZxp(files, { identity: options.identity, tsaUrl: options.tsaUrl });
  return { zxp, files: files.map((f) => f.path) };
}
