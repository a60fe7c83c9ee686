// How a script reaches a host: CEP's evalScript inside Premiere, or HTTP to the simulator
// when the same panel build runs in a plain browser.

export interface EvalTransport {
  readonly kind: "cep" | "simulator";
  /** Evaluates ExtendScript source and resolves with the host's string result. */
  evalScript(script: string): Promise<string>;
  /** Listens for CSXS events the host dispatches; returns a function that stops listening. */
  onHostEvent?(type: string, listener: (data: string) => void): () => void;
}

interface AdobeCep {
  evalScript(script: string, callback?: (result: string) => void): void;
  addEventListener?(type: string, listener: (event: { data?: unknown }) => void): void;
  removeEventListener?(type: string, listener: (event: { data?: unknown }) => void): void;
}

declare global {
  interface Window {
    __adobe_cep__?: AdobeCep;
  }
}

export function cepTransport(cep: AdobeCep): EvalTransport {
  return {
    kind: "cep",
    evalScript: (script) => new Promise((resolve) => cep.evalScript(script, (result) => resolve(result))),
    onHostEvent(type, listener) {
      const handler = (event: { data?: unknown }) =>
        listener(typeof event.data === "string" ? event.data : JSON.stringify(event.data));
      cep.addEventListener?.(type, handler);
      return () => cep.removeEventListener?.(type, handler);
    },
  };
}

/** The simulator's endpoint takes the script as the request body and answers the result text;
 * its CSXS events arrive as server-sent events on /__host/events. */
export function simulatorTransport(url: string, fetchImpl: typeof fetch = fetch): EvalTransport {
  return {
    kind: "simulator",
    onHostEvent(type, listener) {
      if (typeof EventSource === "undefined") return () => undefined;
      const source = new EventSource(new URL("/__host/events", url).toString());
      source.onmessage = (message) => {
        const event = JSON.parse(message.data) as { type: string; data: string };
        if (event.type === type) listener(event.data);
      };
      return () => source.close();
    },
    async evalScript(script) {
      const response = await fetchImpl(url, {
        method: "POST",
        headers: { "content-type": "text/plain; charset=utf-8" },
        body: script,
      });
      if (!response.ok) throw new Error(`simulator answered HTTP ${response.status}`);
      return response.text();
    },
  };
}

/** Picks the transport for this page: Premiere when CEP is present, else the simulator. */
export function detectTransport(win: Window = window): EvalTransport {
  if (win.__adobe_cep__) return cepTransport(win.__adobe_cep__);
  return simulatorTransport(new URL("/__host/eval", win.location.href).toString());
}
