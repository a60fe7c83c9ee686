// npm run build: the panel (Vite + vite-cep-plugin: manifest, page, bundle), the ES3 host bundle,
// and the UXP plugin's own files with the preview's stand-in for it (dist/uxp, docs/adr/0033).
import fs from "node:fs";
import { build } from "vite";
import { buildJsx } from "./build-jsx";
import { buildUxpPlugin } from "./build-uxp";

export async function buildExtension(): Promise<void> {
  // a clean dist/cep: hashed assets of earlier builds must not ship or be tested
  fs.rmSync(new URL("../dist/cep", import.meta.url), { recursive: true, force: true });
  await build({ configFile: new URL("../vite.config.ts", import.meta.url).pathname, logLevel: "warn" });
  await buildJsx();
  await buildUxpPlugin();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildExtension();
  console.log("built dist/cep");
}
