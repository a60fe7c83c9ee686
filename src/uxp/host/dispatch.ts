// One entry point that validates, runs and wraps every call: the same envelope text as the
// ExtendScript dispatcher (src/jsx/dispatch.ts), so the panel reads both hosts alike.
import {
  asciiJson,
  validateHostCall,
  type HostArgs,
  type HostFunctionName,
  type HostResult,
} from "../../shared/bridge/contract";
import type { HostEnvelope, HostErrorPayload } from "../../shared/bridge/errors";
import { HostFailure } from "./failure";

export type UxpHandlers = { [F in HostFunctionName]: (...args: HostArgs<F>) => Promise<HostResult<F>> };

function toPayload(fn: string, e: unknown): HostErrorPayload {
  if (e instanceof HostFailure) return { code: e.code, message: e.message, fn };
  const message = e instanceof Error ? e.message : String(e);
  return { code: "HOST_EXCEPTION", message, fn };
}

function answer(envelope: HostEnvelope<unknown>): string {
  return asciiJson(JSON.stringify(envelope));
}

export function createUxpDispatcher(handlers: UxpHandlers) {
  return async function call(fn: string, args: unknown[]): Promise<string> {
    // a JSON round trip: the host sees data, never objects the caller still holds
    let copy: unknown;
    try {
      copy = JSON.parse(JSON.stringify(args ?? null));
    } catch {
      return answer({ ok: false, error: { code: "INVALID_ARGUMENTS", fn, message: "arguments are not JSON data" } });
    }
    const invalid = validateHostCall(fn, copy);
    if (invalid) return answer({ ok: false, error: invalid });
    try {
      const handler = handlers[fn as HostFunctionName] as (...a: unknown[]) => Promise<unknown>;
      const value = await handler(...(copy as unknown[]));
      return answer({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      return answer({ ok: false, error: toPayload(fn, e) });
    }
  };
}
