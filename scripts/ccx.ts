// npm run ccx [-- --config studio.json] [--with-model <dir>] [--no-build]
// Builds the UXP plugin for Premiere 25.6 and later and writes dist/ccx/<id>-<version>.ccx, a
// plain ZIP (no signing: Adobe's "Package a UXP plugin"). The studio config's catalog goes into
// the manifest's network and webview domains: without --config the plugin reaches no catalog.
// docs/adr/0033-the-panel-page-in-uxp.md; install it as docs/install.md says.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import cepConfig from "../cep.config.ts";
import { buildExtension } from "./build";
import { UXP_DIST, buildUxpPlugin } from "./build-uxp";
import { packagePlugin } from "../src/ccx/package-plugin";
import { UXP_HOST } from "../src/uxp/plugin/manifest";

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const { values } = parseArgs({
    options: {
      config: { type: "string" },
      "with-model": { type: "string" },
      "no-build": { type: "boolean", default: false },
    },
  });
  if (!values["no-build"]) {
    await buildExtension();
    await buildUxpPlugin();
  }
  const { ccx, files, manifest } = await packagePlugin({
    pluginDir: path.join(UXP_DIST, "plugin"),
    panelDir: path.join(root, "dist/cep"),
    id: cepConfig.id,
    name: cepConfig.displayName,
    version: cepConfig.version,
    studioConfigFile: values.config,
    modelDir: values["with-model"],
  });
  const out = path.join(root, "dist/ccx", `${cepConfig.id}-${cepConfig.version}.ccx`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, ccx);
  const domains = manifest.requiredPermissions.network?.domains;
  console.log(`${path.relative(root, out)}: ${(ccx.length / 1e6).toFixed(2)} MB, ${files.length} files`);
  console.log(`for Premiere ${UXP_HOST.minVersion} and later (UXP), manifestVersion ${manifest.manifestVersion}`);
  console.log(
    Array.isArray(domains) && domains.length
      ? `network: ${domains.join(", ")}`
      : "network: none (no --config: the panel says Catalog: not set up)",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`ccx: ${(e as Error).message}`);
    process.exit(1);
  });
}
