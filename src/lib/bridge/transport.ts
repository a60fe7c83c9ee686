// How a call reaches a host: CEP's evalScript inside Premiere, messages to the UXP plugin when
// the page runs in its <webview> (docs/adr/0033), or HTTP to the simulator when the same panel
// build runs in a plain browser (a bridge call with the page's token).
import { base64ToBytes } from "../encoding/base64";
import { WINDOWS_KEY_CODES, keyEventsInterest, keyPlatformOf, type KeyChord } from "./key-codes";
import { SimulatedKeyEvents } from "./simulated-key-events";
import { WEBVIEW_PROTOCOL, readPluginMessage, type PageRequestBody } from "./uxp-webview-protocol";

/** The preview server puts the per-run host token in the page under this meta name. */
export const HOST_TOKEN_META = "reference-lookup-host-token";
/** ...and expects it back in this header on host calls (lower case: Node's header names). */
export const HOST_TOKEN_HEADER = "x-reference-lookup-token";
/** ...or in this query parameter where no header can be set (EventSource). */
export const HOST_TOKEN_QUERY = "token";

export interface EvalTransport {
  readonly kind: "cep" | "simulator" | "uxp";
  /** the browser preview plays this host (its simulator tools show) */
  readonly simulated?: boolean;
  /** Evaluates ExtendScript source and resolves with the host's string result. */
  evalScript(script: string): Promise<string>;
  /** Sends one bridge call as data; resolves with the host's envelope text. Transports that
   * have it are used through it (the preview's endpoint evaluates no script text). */
  call?(fn: string, args: unknown[]): Promise<string>;
  /** Listens for CSXS events the host dispatches; returns a function that stops listening. */
  onHostEvent?(type: string, listener: (data: string) => void): () => void;
  /** CSInterface.getHostEnvironment()'s JSON: app, version, locale and appSkinInfo (the theme). */
  hostEnvironment?(): Promise<string>;
  /** A file's bytes, where the page itself cannot read local files (the UXP webview). */
  readFile?(path: string): Promise<Uint8Array>;
  /** Takes these keys from the host while the panel has the focus (CSInterface's
   * registerKeyEventsInterest in the OS's key codes); an empty list gives them all back. */
  registerKeys?(chords: readonly KeyChord[]): void;
}

interface AdobeCep {
  evalScript(script: string, callback?: (result: string) => void): void;
  addEventListener?(type: string, listener: (event: { data?: unknown }) => void): void;
  removeEventListener?(type: string, listener: (event: { data?: unknown }) => void): void;
  getHostEnvironment?(): string;
  registerKeyEventsInterest?(json: string): void;
}

declare global {
  interface Window {
    __adobe_cep__?: AdobeCep;
  }
}

/** The platform-specific part of the panel's keys: the chords as CEP's JSON, "" for none. */
function keyInterestJson(chords: readonly KeyChord[], platform: string | undefined, codes?: typeof WINDOWS_KEY_CODES) {
  return chords.length ? JSON.stringify(keyEventsInterest(chords, keyPlatformOf(platform), codes)) : "";
}

export function cepTransport(cep: AdobeCep, platform = globalThis.navigator?.platform): EvalTransport {
  return {
    kind: "cep",
    evalScript: (script) => new Promise((resolve) => cep.evalScript(script, (result) => resolve(result))),
    onHostEvent(type, listener) {
      const handler = (event: { data?: unknown }) =>
        listener(typeof event.data === "string" ? event.data : JSON.stringify(event.data));
      cep.addEventListener?.(type, handler);
      return () => cep.removeEventListener?.(type, handler);
    },
    hostEnvironment: async () => cep.getHostEnvironment?.() ?? "{}",
    registerKeys: (chords) => cep.registerKeyEventsInterest?.(keyInterestJson(chords, platform)),
  };
}

/** The preview's simulator takes bridge calls as JSON with the page's token, and answers the
 * host's envelope text; its CSXS events arrive as server-sent events on /__host/events. */
export function simulatorTransport(
  url: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
  keys?: SimulatedKeyEvents,
): EvalTransport {
  return {
    kind: "simulator",
    simulated: true,
    // the DOM's keyCode carries Windows' numbers on every OS; Cmd counts on a Mac browser
    registerKeys: (chords) =>
      keys?.registerKeyEventsInterest(keyInterestJson(chords, globalThis.navigator?.platform, WINDOWS_KEY_CODES)),
    onHostEvent(type, listener) {
      if (typeof EventSource === "undefined") return () => undefined;
      const events = new URL("/__host/events", url);
      events.searchParams.set(HOST_TOKEN_QUERY, token);
      const source = new EventSource(events.toString());
      source.onmessage = (message) => {
        const event = JSON.parse(message.data) as { type: string; data: string };
        if (event.type === type) listener(event.data);
      };
      return () => source.close();
    },
    async hostEnvironment() {
      const response = await fetchImpl(new URL("/__host/environment", url).toString());
      if (!response.ok) throw new Error(`simulator answered HTTP ${response.status}`);
      return response.text();
    },
    async evalScript() {
      throw new Error("the preview's simulated host takes bridge calls only, not script text");
    },
    async call(fn, args) {
      const response = await fetchImpl(url, {
        method: "POST",
        headers: { "content-type": "application/json", [HOST_TOKEN_HEADER]: token },
        body: JSON.stringify({ fn, args }),
      });
      // 400 carries the host's own refusal envelope (INVALID_ARGUMENTS, UNKNOWN_FUNCTION)
      if (!response.ok && response.status !== 400) throw new Error(`simulator answered HTTP ${response.status}`);
      return response.text();
    },
  };
}

/** What a UXP <webview> gives its page: `window.uxpHost` (Adobe's HTMLWebViewElement docs). */
export interface UxpHostChannel {
  postMessage(message: unknown): void;
  addEventListener?(type: "message", listener: (event: { data: unknown }) => void): void;
}

declare global {
  interface Window {
    uxpHost?: UxpHostChannel;
  }
}

/** The page inside the UXP plugin's <webview>: each call is a message to the plugin, which runs
 * it on the UXP host adapter and answers with the same envelope text the ExtendScript host gives.
 * Replies and events are listened for on both the window (Adobe's docs) and uxpHost (bolt-uxp
 * does so); a reply is taken once per id and an event once per sequence number. */
export function uxpWebviewTransport(
  channel: UxpHostChannel,
  win: { addEventListener(type: "message", listener: (event: { data: unknown }) => void): void },
  options: { simulated?: boolean } = {},
): EvalTransport {
  // ids differ across reloads of the page: the plugin answers each id once
  let nextId = Date.now() * 1024;
  const pending = new Map<number, { resolve(value: string): void; reject(e: Error): void }>();
  const listeners = new Map<string, Set<(data: string) => void>>();
  const seenEvents = new Set<number>();
  const onMessage = (event: { data: unknown }) => {
    const message = readPluginMessage(event.data);
    if (!message) return;
    if (message.kind === "reply") {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.message));
      return;
    }
    if (seenEvents.has(message.seq)) return;
    seenEvents.add(message.seq);
    if (seenEvents.size > 512) seenEvents.delete(seenEvents.values().next().value!);
    for (const listener of listeners.get(message.type) ?? []) listener(message.data);
  };
  win.addEventListener("message", onMessage);
  channel.addEventListener?.("message", onMessage);
  const ask = (body: PageRequestBody) =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      try {
        channel.postMessage({ rl: WEBVIEW_PROTOCOL, id, ...body });
      } catch (e) {
        pending.delete(id);
        reject(e as Error);
      }
    });
  return {
    kind: "uxp",
    simulated: options.simulated ?? false,
    async evalScript() {
      throw new Error("the UXP host takes bridge calls only, not ExtendScript");
    },
    call: (fn, args) => ask({ kind: "call", fn, args }),
    hostEnvironment: () => ask({ kind: "environment" }),
    readFile: async (path) => base64ToBytes(await ask({ kind: "readFile", path })),
    onHostEvent(type, listener) {
      let set = listeners.get(type);
      if (!set) {
        listeners.set(type, (set = new Set()));
        // the plugin subscribes once per type; a failed subscription only means no events
        ask({ kind: "listen", type }).catch((e: Error) => console.warn(`host events ${type}:`, e.message));
      }
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}

/** Picks the transport for this page: Premiere's CEP, the UXP plugin's webview, else the
 * preview's simulator. The preview's page carries a host token, so it is a simulated host. */
export function detectTransport(win: Window = window): EvalTransport {
  if (win.__adobe_cep__) return cepTransport(win.__adobe_cep__);
  const meta = win.document.querySelector(`meta[name="${HOST_TOKEN_META}"]`);
  if (win.uxpHost) return uxpWebviewTransport(win.uxpHost, win, { simulated: meta !== null });
  // the page's model of CEP's key routing, there before the panel listens to any key
  win.__simulatedKeyEvents ??= new SimulatedKeyEvents(win);
  return simulatorTransport(
    new URL("/__host/eval", win.location.href).toString(),
    meta?.getAttribute("content") ?? "",
    fetch,
    win.__simulatedKeyEvents,
  );
}

/** Whether the panel runs in the browser preview (its simulator tools show). */
export const isSimulated = (transport: EvalTransport): boolean =>
  transport.kind === "simulator" || transport.simulated === true;
