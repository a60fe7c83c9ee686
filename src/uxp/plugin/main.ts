// The UXP plugin's own entry (docs/adr/0033): Premiere runs it in the plugin's context, where
// there are no Web Workers or WebAssembly; it only hosts the panel's page in a <webview> and
// bridges the page's bridge calls to the UXP host adapter (src/uxp/host, ADR 0032).
import { createUxpHost } from "../host";
import { uxpServices } from "../host/uxp-services";
import { startPluginBridge } from "./bridge";
import { WEBVIEW_PAGE } from "./manifest";
import { uxpEnvironment, type UxpDocumentTheme } from "./theme";

/** UXP's module loader: premierepro, uxp, fs and os are built in, never bundled. */
declare const require: (id: "premierepro" | "uxp" | "fs" | "os") => never;

interface UxpModule {
  host: { version: string; uiLocale: string };
  versions: { uxp: string };
  xmp: Parameters<typeof uxpServices>[0]["xmp"];
  storage: {
    localFileSystem: {
      getTemporaryFolder(): Promise<{ nativePath: string }>;
      getPluginFolder(): Promise<{ nativePath: string }>;
    };
  };
}

interface WebviewElement extends HTMLElement {
  postMessage(message: unknown): void;
}

async function start(): Promise<void> {
  const uxp: UxpModule = require("uxp");
  const fs = require("fs");
  const files = uxp.storage.localFileSystem;
  const pluginFolder = (await files.getPluginFolder()).nativePath;
  const services = uxpServices({
    fs,
    os: require("os"),
    xmp: uxp.xmp,
    uxpVersion: uxp.versions.uxp,
    tempFolder: (await files.getTemporaryFolder()).nativePath,
    // the self-check's sample clip ships with the panel's page
    sampleFile: `${pluginFolder}/webview/self-check/sample.mp4`,
  });
  const host = createUxpHost(require("premierepro"), services);
  const theme = (document as unknown as { theme: UxpDocumentTheme }).theme;
  const webview = document.createElement("webview") as WebviewElement;
  webview.setAttribute("src", WEBVIEW_PAGE);
  document.body.appendChild(webview);
  startPluginBridge({
    page: webview,
    pluginWindow: window,
    host,
    environment: async () => JSON.stringify(uxpEnvironment(theme.getCurrent(), uxp.host)),
    onThemeChanged(listener) {
      theme.onUpdated.addListener(listener);
      return () => theme.onUpdated.removeListener?.(listener);
    },
    readFile: (path) => services.files.read(path),
  });
}

start().catch((e: Error) => {
  // nothing else can show it: the page never loaded
  document.body.textContent = `Reference Lookup could not start: ${e.message}`;
});
