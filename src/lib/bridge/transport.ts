// How a call reaches a host: CEP's evalScript inside Premiere, or HTTP to the simulator
// when the same panel build runs in a plain browser (a bridge call with the page's token).
import { WINDOWS_KEY_CODES, keyEventsInterest, keyPlatformOf, type KeyChord } from "./key-codes";
import { SimulatedKeyEvents } from "./simulated-key-events";

/** The preview server puts the per-run host token in the page under this meta name. */
export const HOST_TOKEN_META = "reference-lookup-host-token";
/** ...and expects it back in this header on host calls (lower case: Node's header names). */
export const HOST_TOKEN_HEADER = "x-reference-lookup-token";
/** ...or in this query parameter where no header can be set (EventSource). */
export const HOST_TOKEN_QUERY = "token";

export interface EvalTransport {
  readonly kind: "cep" | "simulator";
  /** Evaluates ExtendScript source and resolves with the host's string result. */
  evalScript(script: string): Promise<string>;
  /** Sends one bridge call as data; resolves with the host's envelope text. Transports that
   * have it are used through it (the preview's endpoint evaluates no script text). */
  call?(fn: string, args: unknown[]): Promise<string>;
  /** Listens for CSXS events the host dispatches; returns a function that stops listening. */
  onHostEvent?(type: string, listener: (data: string) => void): () => void;
  /** CSInterface.getHostEnvironment()'s JSON: app, version, locale and appSkinInfo (the theme). */
  hostEnvironment?(): Promise<string>;
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

/** Picks the transport for this page: Premiere when CEP is present, else the simulator. */
export function detectTransport(win: Window = window): EvalTransport {
  if (win.__adobe_cep__) return cepTransport(win.__adobe_cep__);
  const meta = win.document.querySelector(`meta[name="${HOST_TOKEN_META}"]`);
  // the page's model of CEP's key routing, there before the panel listens to any key
  win.__simulatedKeyEvents ??= new SimulatedKeyEvents(win);
  return simulatorTransport(
    new URL("/__host/eval", win.location.href).toString(),
    meta?.getAttribute("content") ?? "",
    fetch,
    win.__simulatedKeyEvents,
  );
}
