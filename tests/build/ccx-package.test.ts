// The UXP plugin's package, built from the real dist/cep and dist/uxp as `npm run ccx` builds it,
// read back as an installer would, and its manifest checked against Adobe's Premiere rules
// (docs/adr/0033): manifestVersion 5, one host object {premierepro, 25.6.0}, the webview with its
// message bridge, and the studio's catalog among the network domains.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UXP_DIST } from "../../scripts/build-uxp";
import { packagePlugin } from "../../src/ccx/package-plugin";
import { DIST } from "../../src/testing/paths";
import { manifestProblems, uxpManifest, type UxpManifest } from "../../src/uxp/plugin/manifest";
import { readZipWithHeaders } from "../../src/zxp/zip";
import { packageNamesProblem } from "../../src/zxp/zip-names";

const CATALOG = "https://abcdefgh.supabase.co";
const ANON = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl";

async function build(config?: object) {
  let studioConfigFile: string | undefined;
  if (config) {
    studioConfigFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ccx-")), "studio.json");
    fs.writeFileSync(studioConfigFile, JSON.stringify(config));
  }
  const built = await packagePlugin({
    pluginDir: path.join(UXP_DIST, "plugin"),
    panelDir: DIST,
    id: "com.eav.referencelookup",
    name: "Reference Lookup",
    version: "0.1.0",
    studioConfigFile,
  });
  const zip = await readZipWithHeaders(built.ccx);
  const entry = (name: string) => zip.entries.find((e) => e.name === name);
  return { zip, entry, manifest: JSON.parse(entry("manifest.json")!.data.toString("utf8")) as UxpManifest };
}

// one package with a studio config (its catalog, the model from the hub), one without: each is
// a few seconds of zipping onnxruntime's WASM, so each is built once
let configured: ReturnType<typeof build> | undefined;
const withConfig = () =>
  (configured ??= build({ catalog: { url: `${CATALOG}/`, anonKey: ANON }, model: { source: "hub" } }));

describe("npm run ccx's package", () => {
  it("is a ZIP an installer can unpack, with the plugin at its root and the panel's page under webview/", async () => {
    const { zip, entry } = await withConfig();
    expect(packageNamesProblem(zip)).toBeNull();
    const names = zip.entries.map((e) => e.name);
    for (const name of [
      "manifest.json",
      "index.html",
      "main.js",
      "webview/main/index.html",
      "webview/config/studio.json",
    ])
      expect(names).toContain(name);
    expect(names.some((n) => /^webview\/ort\/ort-wasm-simd\.wasm$/.test(n))).toBe(true);
    // what only CEP uses stays out: its manifest, the ExtendScript bundle, the Node encoder thread
    expect(names.filter((n) => /^(webview\/)?(CSXS|jsx|native|node_modules)\//.test(n))).toEqual([]);
    // the page's scripts are where the page asks for them
    const page = entry("webview/main/index.html")!.data.toString("utf8");
    for (const [, src] of page.matchAll(/(?:src|href)="\.\.\/(assets\/[^"]+)"/g))
      expect(names).toContain(`webview/${src}`);
    // the plugin's main loads Premiere's and UXP's modules at run time, and bundles the rest
    const main = entry("main.js")!.data.toString("utf8");
    expect(main).toContain('require("premierepro")');
    expect(main).not.toMatch(/^\s*import\s/m);
  });

  it("writes a manifest Premiere takes for production: version 5, one host object, webview and network permissions", async () => {
    const { manifest, entry } = await withConfig();
    expect(manifest.manifestVersion).toBe(5);
    expect(manifest.host).toEqual({ app: "premierepro", minVersion: "25.6.0" });
    expect(manifest.main).toBe("index.html");
    expect(manifest.requiredPermissions.webview).toMatchObject({
      allow: "yes",
      allowLocalRendering: "yes",
      enableMessageBridge: "localOnly",
    });
    expect(manifest.requiredPermissions.network?.domains).toEqual([
      CATALOG,
      "https://huggingface.co",
      "https://*.huggingface.co",
      "https://*.hf.co",
    ]);
    expect(manifest.requiredPermissions.webview?.domains).toEqual(manifest.requiredPermissions.network?.domains);
    expect(manifestProblems(manifest, { catalog: { url: CATALOG, anonKey: ANON } })).toEqual([]);
    // every icon the manifest names is in the package
    for (const icon of manifest.icons ?? []) expect(entry(icon.path)).toBeDefined();
  });

  it("without a studio config the plugin reaches no network", async () => {
    const { manifest, entry } = await build();
    expect(manifest.requiredPermissions.network?.domains).toEqual([]);
    expect(entry("webview/config/studio.json")).toBeUndefined();
  });

  it("the rules name what is wrong: bolt-uxp's manifestVersion 6, a host array, a missing catalog domain", () => {
    const config = { catalog: { url: CATALOG, anonKey: ANON } };
    const good = uxpManifest({ id: "x", name: "x", version: "1.0.0", config });
    const bad: UxpManifest = {
      ...good,
      manifestVersion: 6,
      host: [{ app: "premierepro", minVersion: "25.6.0" }],
      requiredPermissions: { ...good.requiredPermissions, network: { domains: [] } },
    };
    expect(manifestProblems(bad, config)).toEqual([
      "manifestVersion is 6: Premiere supports 5",
      "host is an array: a package for production needs one host object",
      `requiredPermissions.network.domains lacks ${CATALOG}`,
    ]);
  });

  it("refuses a studio config that is not valid, saying why", async () => {
    await expect(build({ catalog: { url: "ftp://x", anonKey: ANON } })).rejects.toThrow(/catalog.url must be an http/);
  });
});
