// An expected failure with its error code (errors.ts), thrown by host code and turned into the
// envelope's error by the dispatcher, as the ExtendScript host does.
import type { HostErrorCode } from "../../shared/bridge/errors";

export class HostFailure extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "HostFailure";
  }
}

export function fail(code: HostErrorCode, message: string): HostFailure {
  return new HostFailure(code, message);
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
