// The one declaration of the host API, shared by the panel (src/lib/bridge/client.ts) and the
// ExtendScript side (src/jsx). Each function lists its argument checks; the result types below
// are what the host returns as JSON. Compiled into the ES3 bundle: no ES5+ runtime calls.
import type { HostErrorPayload } from "./errors";
import { checkArgs, str, type Check } from "./validate";

export interface ProjectInfo {
  /** project file name, e.g. "Ep 3 — Küche.prproj" */
  name: string;
  /** absolute path of the .prproj */
  path: string;
  /** Premiere's version string, e.g. "24.6.1" */
  hostVersion: string;
  /** top-level items in the project root */
  rootItemCount: number;
}

/** Every host function: its arguments as a tuple and its result. */
export interface HostApi {
  getProjectInfo: { args: []; result: ProjectInfo };
  /** Echo for wiring checks: returns its argument unchanged after a JSON round trip. */
  ping: { args: [message: string]; result: { message: string; receivedAt: string } };
}

export type HostFunctionName = keyof HostApi;
export type HostArgs<F extends HostFunctionName> = HostApi[F]["args"];
export type HostResult<F extends HostFunctionName> = HostApi[F]["result"];

/** Argument checks per host function. The keys are the list of functions that exist. */
export const hostArgChecks: { [F in HostFunctionName]: Check[] } = {
  getProjectInfo: [],
  ping: [str()],
};

export function isHostFunctionName(name: string): name is HostFunctionName {
  return Object.prototype.hasOwnProperty.call(hostArgChecks, name);
}

/** Null when the call is well-formed, otherwise the error to report, naming the function. */
export function validateHostCall(name: string, args: unknown): HostErrorPayload | null {
  if (!isHostFunctionName(name)) {
    return { code: "UNKNOWN_FUNCTION", fn: name, message: "'" + name + "' is not a host function" };
  }
  var problem = checkArgs(hostArgChecks[name], args);
  return problem ? { code: "INVALID_ARGUMENTS", fn: name, message: name + ": " + problem } : null;
}

/** The ExtendScript global under which the host bundle registers its dispatcher. */
export const HOST_NAMESPACE = "__referenceLookup";

/**
 * Escapes every non-ASCII character as \uXXXX. Evaluated scripts and results with raw
 * non-ASCII text have broken in ExtendScript; JSON keeps the meaning exactly.
 */
export function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, function (ch) {
    var hex = ch.charCodeAt(0).toString(16);
    while (hex.length < 4) hex = "0" + hex;
    return "\\u" + hex;
  });
}
