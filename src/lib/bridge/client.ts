import {
  HOST_NAMESPACE,
  asciiJson,
  validateHostCall,
  type HostArgs,
  type HostFunctionName,
  type HostResult,
} from "../../shared/bridge/contract";
import type { HostEnvelope } from "../../shared/bridge/errors";
import {
  HOST_EVENT_TYPES,
  decodeHostEvent,
  type HostEventName,
  type HostEvents,
} from "../../shared/bridge/host-events";
import { HostError } from "./host-error";
import type { EvalTransport } from "./transport";

/** CEP answers this literal text when the evaluated script itself throws. */
const CEP_EVAL_ERROR = "EvalScript error.";

export interface HostClient {
  readonly transport: EvalTransport;
  call<F extends HostFunctionName>(fn: F, ...args: HostArgs<F>): Promise<HostResult<F>>;
  /** Listens for a host event; a payload that fails its check goes to onInvalid instead.
   * Returns a function that stops listening (a no-op where the transport has no events). */
  on<E extends HostEventName>(
    event: E,
    listener: (payload: HostEvents[E]) => void,
    onInvalid?: (problem: string) => void,
  ): () => void;
}

/** The ExtendScript source for one call: arguments travel as an ASCII-only JSON string literal. */
export function hostCallScript(fn: string, args: unknown[]): string {
  const argsLiteral = asciiJson(JSON.stringify(JSON.stringify(args)));
  return `${HOST_NAMESPACE}.dispatch(${asciiJson(JSON.stringify(fn))}, ${argsLiteral})`;
}

export function parseEnvelope<T>(fn: string, raw: string): T {
  if (raw === CEP_EVAL_ERROR) {
    throw new HostError({
      code: "EVAL_FAILED",
      fn,
      message:
        "Premiere could not run the panel's host script. Reopen the panel; if it persists, reinstall the extension.",
    });
  }
  let envelope: HostEnvelope<T>;
  try {
    envelope = JSON.parse(raw) as HostEnvelope<T>;
  } catch {
    throw new HostError({ code: "BAD_RESPONSE", fn, message: `host answered non-JSON text: ${raw.slice(0, 120)}` });
  }
  if (!envelope || typeof envelope !== "object" || typeof envelope.ok !== "boolean") {
    throw new HostError({
      code: "BAD_RESPONSE",
      fn,
      message: `host answered an unexpected shape: ${raw.slice(0, 120)}`,
    });
  }
  if (envelope.ok) return envelope.value;
  throw new HostError(envelope.error);
}

export function createHostClient(transport: EvalTransport): HostClient {
  return {
    transport,
    async call(fn, ...args) {
      const invalid = validateHostCall(fn, args);
      if (invalid) throw new HostError(invalid);
      let raw: string;
      try {
        raw = transport.call ? await transport.call(fn, args) : await transport.evalScript(hostCallScript(fn, args));
      } catch (e) {
        throw new HostError({ code: "TRANSPORT", fn, message: `could not reach the host: ${(e as Error).message}` });
      }
      return parseEnvelope(fn, raw);
    },
    on(event, listener, onInvalid) {
      if (!transport.onHostEvent) return () => undefined;
      return transport.onHostEvent(HOST_EVENT_TYPES[event], (data) => {
        const decoded = decodeHostEvent(event, data);
        if (decoded.ok) listener(decoded.payload);
        else onInvalid?.(decoded.problem);
      });
    },
  };
}
