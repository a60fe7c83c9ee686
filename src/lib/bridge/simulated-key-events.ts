// The preview's model of CEP's key routing (docs/adr/0027-panel-keys.md). In Premiere, a key
// pressed in a focused panel goes to Premiere unless the focused element takes text (a text
// input, a text area, a dropdown) or the panel registered the key with registerKeyEventsInterest.
// Here a key that would go to Premiere is stopped before the panel sees it and logged, so a test
// (and the simulator's tools) can tell which keys Premiere would have had.
import type { KeyEventInterest } from "./key-codes";

export interface PassedKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** what had the focus, for the log: "button 'Accept'", "body" */
  focus: string;
}

const MODIFIERS = new Set(["Control", "Shift", "Alt", "Meta", "AltGraph", "CapsLock"]);
const NOT_TEXT = new Set(["button", "checkbox", "radio", "submit", "reset", "image", "file", "color"]);

/** CEP keeps keys in the panel while a text field or a dropdown has the focus. */
function takesText(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NOT_TEXT.has(((el as HTMLInputElement).type || "text").toLowerCase());
  return (el as HTMLElement).isContentEditable === true;
}

function describe(el: Element | null): string {
  if (!el?.tagName || el.tagName === "BODY") return "body";
  const name = el.getAttribute?.("aria-label") || el.textContent?.trim().slice(0, 40) || "";
  return `${el.tagName.toLowerCase()}${name ? ` '${name}'` : ""}`;
}

const matches = (e: KeyboardEvent, i: KeyEventInterest) =>
  i.keyCode === e.keyCode &&
  !!i.ctrlKey === e.ctrlKey &&
  !!i.metaKey === e.metaKey &&
  !!i.altKey === e.altKey &&
  !!i.shiftKey === e.shiftKey;

export class SimulatedKeyEvents {
  /** what the panel registered last (an empty list: none) */
  registered: KeyEventInterest[] = [];
  /** every registration, in order, as the JSON CEP was given */
  readonly registrations: string[] = [];
  /** keys that went to "Premiere" instead of the panel, oldest first */
  readonly passedToHost: PassedKey[] = [];
  private readonly listeners = new Set<() => void>();

  /** Listens before anything in the page (window, capture phase), as CEP routes keys first. */
  constructor(target: Pick<Window, "addEventListener">) {
    target.addEventListener("keydown", (e) => this.route(e), true);
  }

  /** Same contract as window.__adobe_cep__.registerKeyEventsInterest: a JSON array, or "" for none. */
  registerKeyEventsInterest(json: string): void {
    this.registrations.push(json);
    try {
      const parsed: unknown = json ? JSON.parse(json) : [];
      this.registered = Array.isArray(parsed)
        ? parsed.filter((i): i is KeyEventInterest => !!i && typeof (i as KeyEventInterest).keyCode === "number")
        : [];
    } catch {
      this.registered = []; // CEP ignores what it cannot read; so does the model
    }
    this.changed();
  }

  /** Called on every registration and passed key; returns a function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  private route(e: KeyboardEvent) {
    if (MODIFIERS.has(e.key)) return;
    const focus = (e.target as Element | null) ?? null;
    if (takesText(focus) || this.registered.some((i) => matches(e, i))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const { key, ctrlKey, metaKey, altKey, shiftKey } = e;
    this.passedToHost.push({ key, ctrlKey, metaKey, altKey, shiftKey, focus: describe(focus) });
    this.changed();
  }
}

declare global {
  interface Window {
    /** the preview's simulated CEP key routing, for tests and the simulator's tools */
    __simulatedKeyEvents?: SimulatedKeyEvents;
  }
}
