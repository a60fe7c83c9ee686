import type { HostErrorCode, HostErrorPayload } from "../../shared/bridge/errors";

/** A failed bridge call, as the panel sees it. Never swallowed: callers show it or rethrow. */
export class HostError extends Error implements HostErrorPayload {
  readonly code: HostErrorCode;
  readonly fn: string;
  readonly line?: number;
  readonly file?: string;

  constructor(payload: HostErrorPayload) {
    super(payload.message);
    this.name = "HostError";
    this.code = payload.code;
    this.fn = payload.fn;
    this.line = payload.line;
    this.file = payload.file;
  }

  /** One line for the UI: what failed, where, and why. */
  describe(): string {
    const where = this.line !== undefined ? ` (line ${this.line})` : "";
    return `${this.fn}${where}: ${this.message}`;
  }
}

export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError;
}
