// The messages between the panel's page inside a UXP <webview> and the plugin that hosts it
// (docs/adr/0033-the-panel-page-in-uxp.md). UXP passes each message through JSON, so they are
// plain data; every one carries the tag `rl` so that neither side mistakes a stranger's message
// for ours. The page asks (a request with an id); the plugin answers once per id and pushes
// host events with a sequence number (each side may see a message twice: see the ADR).

export const WEBVIEW_PROTOCOL = "reference-lookup/1";

/** What the page asks the plugin. */
export type PageRequest =
  | { rl: typeof WEBVIEW_PROTOCOL; id: number; kind: "call"; fn: string; args: unknown[] }
  | { rl: typeof WEBVIEW_PROTOCOL; id: number; kind: "environment" }
  | { rl: typeof WEBVIEW_PROTOCOL; id: number; kind: "readFile"; path: string }
  | { rl: typeof WEBVIEW_PROTOCOL; id: number; kind: "listen"; type: string };

/** A request before the transport gives it its tag and id. */
export type PageRequestBody =
  | { kind: "call"; fn: string; args: unknown[] }
  | { kind: "environment" }
  | { kind: "readFile"; path: string }
  | { kind: "listen"; type: string };

/** What the plugin sends the page: one reply per request, and host events. */
export type PluginMessage =
  | { rl: typeof WEBVIEW_PROTOCOL; kind: "reply"; id: number; ok: true; value: string }
  | { rl: typeof WEBVIEW_PROTOCOL; kind: "reply"; id: number; ok: false; message: string }
  | { rl: typeof WEBVIEW_PROTOCOL; kind: "event"; seq: number; type: string; data: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** UXP may hand a message over as the object or as its JSON text: both are read. */
function asRecord(data: unknown): Record<string, unknown> | null {
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  return isRecord(data) && data.rl === WEBVIEW_PROTOCOL ? data : null;
}

/** A page's request, checked field by field, or null for anything else. */
export function readPageRequest(data: unknown): PageRequest | null {
  const m = asRecord(data);
  if (!m || typeof m.id !== "number" || !Number.isSafeInteger(m.id)) return null;
  switch (m.kind) {
    case "call":
      return typeof m.fn === "string" && Array.isArray(m.args) ? (m as PageRequest) : null;
    case "environment":
      return m as PageRequest;
    case "readFile":
      return typeof m.path === "string" && m.path !== "" ? (m as PageRequest) : null;
    case "listen":
      return typeof m.type === "string" && m.type !== "" ? (m as PageRequest) : null;
    default:
      return null;
  }
}

/** A plugin's message, checked field by field, or null for anything else. */
export function readPluginMessage(data: unknown): PluginMessage | null {
  const m = asRecord(data);
  if (!m) return null;
  if (m.kind === "reply" && typeof m.id === "number") {
    if (m.ok === true && typeof m.value === "string") return m as PluginMessage;
    if (m.ok === false && typeof m.message === "string") return m as PluginMessage;
    return null;
  }
  if (m.kind === "event" && typeof m.seq === "number" && typeof m.type === "string" && typeof m.data === "string")
    return m as PluginMessage;
  return null;
}
