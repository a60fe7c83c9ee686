// The plugin's half of the webview bridge (docs/adr/0033): it takes the page's requests, runs
// bridge calls on the UXP host adapter, reads the frame files the page cannot read, answers the
// environment (the theme), and pushes host events to the page. No UXP global is touched here:
// the plugin's main passes them in, and the preview passes an iframe instead of a <webview>.
import { bytesToBase64 } from "../../lib/encoding/base64";
import { THEME_COLOR_CHANGED_EVENT } from "../../lib/theme/host-skin";
import {
  WEBVIEW_PROTOCOL,
  readPageRequest,
  type PageRequest,
  type PluginMessage,
} from "../../lib/bridge/uxp-webview-protocol";

type MessageListener = (event: { data: unknown; source?: unknown }) => void;

/** Where the page's messages arrive and where the plugin's go: the <webview> element. */
export interface PageEndpoint {
  postMessage(message: unknown): void;
  addEventListener?(type: "message", listener: MessageListener): void;
  removeEventListener?(type: "message", listener: MessageListener): void;
}

export interface MessageTarget {
  addEventListener(type: "message", listener: MessageListener): void;
  removeEventListener(type: "message", listener: MessageListener): void;
}

/** The host adapter's surface (src/uxp/host, ADR 0032): envelope text and CSXS-typed events. */
export interface BridgedHost {
  call(fn: string, args: unknown[]): Promise<string>;
  onHostEvent(type: string, listener: (data: string) => void): () => void;
}

export interface PluginBridgeOptions {
  page: PageEndpoint;
  /** the plugin's window: Adobe's docs deliver the webview's messages there */
  pluginWindow: MessageTarget;
  host: BridgedHost;
  /** the environment JSON (app, version, appSkinInfo) the panel's theme reads */
  environment(): Promise<string>;
  /** calls the listener when Premiere's theme changes; returns a function that stops it */
  onThemeChanged(listener: () => void): () => void;
  readFile(path: string): Promise<Uint8Array>;
}

/** Only the images the panel reads (stills, image sequences, Premiere's frame exports) are read
 * for the page: a page that went wrong cannot make the plugin read anything else. */
const READABLE = /\.(png|jpe?g|tiff?|webp)$/i;

export function startPluginBridge(options: PluginBridgeOptions): () => void {
  const { page, host } = options;
  const handled = new Set<number>();
  const subscriptions = new Map<string, () => void>();
  let seq = 0;
  const post = (message: PluginMessage) => page.postMessage(message);

  const answer = async (request: PageRequest): Promise<string> => {
    switch (request.kind) {
      case "call":
        return host.call(request.fn, request.args);
      case "environment":
        return options.environment();
      case "readFile":
        if (!READABLE.test(request.path))
          throw new Error(`the plugin reads only image files for the panel, not ${request.path}`);
        return bytesToBase64(await options.readFile(request.path));
      case "listen": {
        const type = request.type;
        if (!subscriptions.has(type)) {
          const push = (data: string) => post({ rl: WEBVIEW_PROTOCOL, kind: "event", seq: ++seq, type, data });
          subscriptions.set(
            type,
            type === THEME_COLOR_CHANGED_EVENT ? options.onThemeChanged(() => push("")) : host.onHostEvent(type, push),
          );
        }
        return "";
      }
    }
  };

  // The same request may arrive on the window and on the element (see the ADR): answered once.
  const onMessage: MessageListener = (event) => {
    const request = readPageRequest(event.data);
    if (!request || handled.has(request.id)) return;
    handled.add(request.id);
    if (handled.size > 4096) handled.delete(handled.values().next().value!);
    answer(request).then(
      (value) => post({ rl: WEBVIEW_PROTOCOL, kind: "reply", id: request.id, ok: true, value }),
      (e: unknown) =>
        post({
          rl: WEBVIEW_PROTOCOL,
          kind: "reply",
          id: request.id,
          ok: false,
          message: e instanceof Error ? e.message : String(e),
        }),
    );
  };
  options.pluginWindow.addEventListener("message", onMessage);
  page.addEventListener?.("message", onMessage);
  return () => {
    options.pluginWindow.removeEventListener("message", onMessage);
    page.removeEventListener?.("message", onMessage);
    for (const stop of subscriptions.values()) stop();
    subscriptions.clear();
  };
}
