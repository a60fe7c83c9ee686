import type { CEP_Config } from "vite-cep-plugin";
import pkg from "./package.json" with { type: "json" };

// The single source of the CEP manifest. Premiere 2023 (23.x) runs CEP 11; 2025 (25.x) runs CEP 12.
// RequiredRuntime 11.0 lets CEP 12 hosts load the panel too. 26.x still loads CEP panels (public
// reports, unverified: docs/install.md); its admins run the self-check (docs/adr/0023).
const config: CEP_Config = {
  version: pkg.version,
  id: "com.eav.referencelookup",
  displayName: "Reference Lookup",
  symlink: "local",
  port: 3000,
  servePort: 5000,
  startingDebugPort: 8860,
  extensionManifestVersion: 6.0,
  requiredRuntimeVersion: 11.0,
  hosts: [{ name: "PPRO", version: "[23.0,26.9]" }],
  type: "Panel",
  iconDarkNormal: "./icons/icon-dark.png",
  iconNormal: "./icons/icon-light.png",
  iconDarkNormalRollOver: "./icons/icon-dark.png",
  iconNormalRollOver: "./icons/icon-light.png",
  // file access: the embedding worker, onnxruntime's WASM and an offline model load from file://
  parameters: ["--enable-nodejs", "--mixed-context", "--allow-file-access", "--allow-file-access-from-files"],
  scriptPath: "./jsx/index.js",
  width: 420,
  height: 640,
  minWidth: 320,
  minHeight: 400,
  panels: [
    {
      mainPath: "./main/index.html",
      name: "main",
      panelDisplayName: "Reference Lookup",
      autoVisible: true,
      width: 420,
      height: 640,
    },
  ],
  build: { jsxBin: "off", sourceMap: false },
  // Signing is done by our own signer (npm run zxp), never by ZXPSignCmd. The password never sits
  // here: ZXP_PASSWORD, or one generated into .cache/zxp/ (see scripts/zxp.ts).
  zxp: { country: "GB", province: "", org: "EAV Production", password: "", jsxBin: "off", sourceMap: false },
  installModules: [],
  copyAssets: [],
};

export default config;
