import { useSyncExternalStore } from "react";

const keys = () => window.__simulatedKeyEvents;
const subscribe = (listener: () => void) => keys()?.subscribe(listener) ?? (() => undefined);
// a new string only when something changed, so React re-renders only then
const snapshot = () => {
  const k = keys();
  return k ? `${k.registered.length}|${k.passedToHost.map(label).join(" ")}` : "";
};

function label(p: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): string {
  const mods = [p.ctrlKey && "Ctrl", p.metaKey && "⌘", p.altKey && "Alt", p.shiftKey && "Shift"].filter(Boolean);
  return [...mods, p.key === " " ? "Space" : p.key].join("+");
}

/** The preview's stand-in for Premiere's shortcuts: which keys the panel holds now, and which went
 * to "Premiere" instead of the panel (docs/adr/0027-panel-keys.md). */
export function SimulatorKeyLog() {
  const text = useSyncExternalStore(subscribe, snapshot);
  if (!text) return null;
  const [registered, passed] = text.split("|");
  const last = passed ? passed.split(" ").slice(-6).join(", ") : "none";
  return (
    <span className="muted" data-testid="simulator-key-log">
      Keys held by the panel: {registered === "0" ? "none" : registered} · went to Premiere: {last}
    </span>
  );
}
