// The browser preview's stand-in for the UXP plugin (docs/adr/0033): this page plays the
// plugin's context and its iframe plays the <webview>. It runs the plugin's real bridge
// (../bridge.ts); only what UXP would give it comes from the preview server instead: the host
// adapter's calls and events (the UXP simulator running src/uxp/host), the theme, the files.
import { HOST_TOKEN_HEADER, HOST_TOKEN_META, HOST_TOKEN_QUERY } from "../../../lib/bridge/transport";
import { THEME_COLOR_CHANGED_EVENT } from "../../../lib/theme/host-skin";
import { startPluginBridge, type MessageTarget } from "../bridge";

const token = document.querySelector(`meta[name="${HOST_TOKEN_META}"]`)?.getAttribute("content") ?? "";
const iframe = document.getElementById("webview") as HTMLIFrameElement;

/** A message crosses UXP's bridge as JSON: so it does here. */
const viaJson = (m: unknown): unknown => JSON.parse(JSON.stringify(m));

type Listener = (event: { data: unknown }) => void;
const wrapped = new Map<Listener, (e: MessageEvent) => void>();
/** The plugin's window hears only its webview (the iframe), as in UXP. */
const pluginWindow: MessageTarget = {
  addEventListener(_, listener) {
    const only = (e: MessageEvent) => e.source === iframe.contentWindow && listener({ data: e.data });
    wrapped.set(listener, only);
    window.addEventListener("message", only);
  },
  removeEventListener(_, listener) {
    const only = wrapped.get(listener);
    if (only) window.removeEventListener("message", only);
  },
};

const eventListeners = new Map<string, Set<(data: string) => void>>();
const events = new EventSource(`/__host/events?host=uxp&${HOST_TOKEN_QUERY}=${encodeURIComponent(token)}`);
events.onmessage = (message) => {
  const event = JSON.parse(message.data) as { type: string; data: string };
  for (const listener of eventListeners.get(event.type) ?? []) listener(event.data);
};
const onEvent = (type: string, listener: (data: string) => void) => {
  if (!eventListeners.has(type)) eventListeners.set(type, new Set());
  eventListeners.get(type)!.add(listener);
  return () => void eventListeners.get(type)!.delete(listener);
};

async function text(response: Response): Promise<string> {
  // 400 carries the host's own refusal envelope (INVALID_ARGUMENTS, UNKNOWN_FUNCTION)
  if (!response.ok && response.status !== 400)
    throw new Error(`the simulated UXP host answered HTTP ${response.status}`);
  return response.text();
}

startPluginBridge({
  page: { postMessage: (m) => iframe.contentWindow?.postMessage(viaJson(m), location.origin) },
  pluginWindow,
  host: {
    call: async (fn, args) =>
      text(
        await fetch("/__host/uxp", {
          method: "POST",
          headers: { "content-type": "application/json", [HOST_TOKEN_HEADER]: token },
          body: JSON.stringify({ fn, args }),
        }),
      ),
    onHostEvent: onEvent,
  },
  environment: async () => text(await fetch("/__host/environment?host=uxp")),
  onThemeChanged: (listener) => onEvent(THEME_COLOR_CHANGED_EVENT, () => listener()),
  async readFile(path) {
    const response = await fetch(`/__media?path=${encodeURIComponent(path)}`);
    if (!response.ok) throw new Error(`cannot read ${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  },
});
