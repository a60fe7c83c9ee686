// The host side of the bridge: one entry point that validates, runs and wraps every call.
import {
  asciiJson,
  validateHostCall,
  type HostArgs,
  type HostFunctionName,
  type HostResult,
} from "../shared/bridge/contract";
import type { HostEnvelope, HostErrorCode, HostErrorPayload } from "../shared/bridge/errors";

export type HostHandlers = { [F in HostFunctionName]: (...args: HostArgs<F>) => HostResult<F> };

/** What host code throws for an expected failure (an ExtendScript Error would lose the code). */
export interface HostFailure {
  hostFailure: true;
  code: HostErrorCode;
  message: string;
}

export function fail(code: HostErrorCode, message: string): HostFailure {
  return { hostFailure: true, code: code, message: message };
}

function lineOf(e: Error): number | undefined {
  if (typeof e.line === "number") return e.line;
  // Outside Premiere (the simulator's vm) the line is only in the stack text.
  var match = typeof e.stack === "string" ? /index\.js:(\d+)/.exec(e.stack) : null;
  return match ? parseInt(match[1], 10) : undefined;
}

function toPayload(fn: string, e: unknown): HostErrorPayload {
  if (e && typeof e === "object" && (e as HostFailure).hostFailure === true) {
    var failure = e as HostFailure;
    return { code: failure.code, message: failure.message, fn: fn };
  }
  if (e && typeof e === "object") {
    var err = e as Error;
    return {
      code: "HOST_EXCEPTION",
      message: String(err.message !== undefined ? err.message : err),
      fn: fn,
      line: lineOf(err),
      file: err.fileName ? String(err.fileName) : undefined,
    };
  }
  return { code: "HOST_EXCEPTION", message: String(e), fn: fn };
}

function answer(envelope: HostEnvelope<unknown>): string {
  return asciiJson(JSON.stringify(envelope));
}

export function createDispatcher(handlers: HostHandlers) {
  return function dispatch(fn: string, argsJson: string): string {
    var args: unknown;
    try {
      args = JSON.parse(argsJson);
    } catch (e) {
      return answer({
        ok: false,
        error: { code: "INVALID_ARGUMENTS", fn: fn, message: "arguments are not valid JSON" },
      });
    }
    var invalid = validateHostCall(fn, args);
    if (invalid) return answer({ ok: false, error: invalid });
    try {
      var handler = handlers[fn as HostFunctionName] as (...a: unknown[]) => unknown;
      var value = handler.apply(null, args as unknown[]);
      return answer({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      return answer({ ok: false, error: toPayload(fn, e) });
    }
  };
}
