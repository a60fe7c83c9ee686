// npm run build: the panel (Vite + vite-cep-plugin: manifest, page, bundle) and the ES3 host bundle.
import fs from "node:fs";
import { build } from "vite";
import { buildJsx } from "./build-jsx";

export async function buildExtension(): Promise<void> {
  // a clean dist/cep: hashed assets of earlier builds must not ship or be tested
  fs.rmSync(new URL("../dist/cep", import.meta.url), { recursive: true, force: true });
  await build({ configFile: new URL("../vite.config.ts", import.meta.url).pathname, logLevel: "warn" });
  await buildJsx();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildExtension();
  console.log("built dist/cep");
}
