// The UXP plugin's manifest.json, written by `npm run ccx` (docs/adr/0033), and the rules it
// must follow from Adobe's Premiere docs (plugins/concepts/manifest, distribution/package):
// manifestVersion 5, one host object for production, the webview and network permissions.
import type { StudioConfig } from "../../lib/studio-config";

export const UXP_HOST = { app: "premierepro", minVersion: "25.6.0" } as const;
/** where the panel's page sits inside the plugin, and the URL the <webview> loads it from */
export const WEBVIEW_FOLDER = "webview";
export const WEBVIEW_PAGE = `plugin:/${WEBVIEW_FOLDER}/main/index.html`;
export const PANEL_ENTRYPOINT = "main";

export interface UxpManifest {
  manifestVersion: number;
  id: string;
  name: string;
  version: string;
  main: string;
  host: { app: string; minVersion: string } | { app: string; minVersion: string }[];
  entrypoints: {
    type: "panel" | "command";
    id: string;
    label: { default: string };
    minimumSize?: { width: number; height: number };
    maximumSize?: { width: number; height: number };
    preferredDockedSize?: { width: number; height: number };
    preferredFloatingSize?: { width: number; height: number };
    icons?: UxpIcon[];
  }[];
  icons?: UxpIcon[];
  requiredPermissions: {
    localFileSystem?: "plugin" | "request" | "fullAccess";
    network?: { domains: string[] | "all" };
    webview?: {
      allow: "yes" | "no";
      allowLocalRendering?: "yes" | "no";
      domains: string[] | "all";
      enableMessageBridge?: "no" | "localOnly" | "localAndRemote";
    };
  };
}

interface UxpIcon {
  width: number;
  height: number;
  path: string;
  scale?: number[];
  theme?: string[];
}

/** Where transformers.js fetches a hub model from (the hub, then its file CDNs). */
const HUB_DOMAINS = ["https://huggingface.co", "https://*.huggingface.co", "https://*.hf.co"];

/** The domains the panel talks to: the studio's catalog, and the model hub when the model comes
 * from there. A catalog an editor types into Settings later is reachable only if it is here. */
export function networkDomains(config: StudioConfig | null): string[] {
  const domains: string[] = [];
  if (config?.catalog?.url) domains.push(new URL(config.catalog.url).origin);
  if (config?.model?.source === "hub") domains.push(...HUB_DOMAINS);
  return domains;
}

const ICONS: UxpIcon[] = [
  { width: 23, height: 23, path: "icons/icon-dark.png", scale: [1, 2], theme: ["darkest", "dark", "medium"] },
  { width: 23, height: 23, path: "icons/icon-light.png", scale: [1, 2], theme: ["lightest", "light"] },
];

export function uxpManifest(options: {
  id: string;
  name: string;
  version: string;
  config: StudioConfig | null;
}): UxpManifest {
  const domains = networkDomains(options.config);
  return {
    manifestVersion: 5,
    id: options.id,
    name: options.name,
    version: options.version,
    main: "index.html",
    host: { ...UXP_HOST },
    entrypoints: [
      {
        type: "panel",
        id: PANEL_ENTRYPOINT,
        label: { default: options.name },
        minimumSize: { width: 320, height: 400 },
        maximumSize: { width: 2000, height: 2000 },
        preferredDockedSize: { width: 420, height: 640 },
        preferredFloatingSize: { width: 420, height: 640 },
        icons: ICONS,
      },
    ],
    icons: ICONS,
    requiredPermissions: {
      // frames in the temp folder, media anywhere, IA's corrections file beside the media
      localFileSystem: "fullAccess",
      network: { domains },
      webview: {
        allow: "yes",
        allowLocalRendering: "yes",
        domains,
        // the page is the plugin's own file: a remote page the webview might reach cannot talk
        enableMessageBridge: "localOnly",
      },
    },
  };
}

/** Every rule the manifest breaks (empty when it follows them), for the build and its test. */
export function manifestProblems(manifest: UxpManifest, config: StudioConfig | null): string[] {
  const problems: string[] = [];
  if (manifest.manifestVersion !== 5)
    problems.push(`manifestVersion is ${manifest.manifestVersion}: Premiere supports 5`);
  if (Array.isArray(manifest.host)) problems.push("host is an array: a package for production needs one host object");
  else if (manifest.host.app !== UXP_HOST.app || manifest.host.minVersion !== UXP_HOST.minVersion)
    problems.push(`host is ${JSON.stringify(manifest.host)}, not ${JSON.stringify(UXP_HOST)}`);
  if (!/^\d+\.\d+\.\d+$/.test(manifest.version)) problems.push(`version ${manifest.version} is not major.minor.patch`);
  if (!manifest.entrypoints.some((e) => e.type === "panel" && e.id === PANEL_ENTRYPOINT))
    problems.push(`no panel entrypoint "${PANEL_ENTRYPOINT}"`);
  const { webview, network } = manifest.requiredPermissions;
  if (webview?.allow !== "yes") problems.push('requiredPermissions.webview.allow is not "yes"');
  if (webview?.allowLocalRendering !== "yes")
    problems.push('requiredPermissions.webview.allowLocalRendering is not "yes": the page is a plugin file');
  if (webview?.enableMessageBridge !== "localOnly" && webview?.enableMessageBridge !== "localAndRemote")
    problems.push("requiredPermissions.webview.enableMessageBridge does not let the page talk to the plugin");
  for (const domain of networkDomains(config)) {
    if (network?.domains !== "all" && !network?.domains.includes(domain))
      problems.push(`requiredPermissions.network.domains lacks ${domain}`);
    if (webview?.domains !== "all" && !webview?.domains.includes(domain))
      problems.push(`requiredPermissions.webview.domains lacks ${domain}`);
  }
  return problems;
}
