// The panel's keys, declared once: what the panel takes from Premiere while it has the focus
// (registerKeyEventsInterest), what the hints on the card say, what the self-check asks the admin
// to press, and what ADR 0027 lists with Premiere's default for each and what a leak would do.
// A key whose leak would change the editor's cut in Premiere has no place here: E (Extend Edit)
// became F2, and "," (Insert) opens nothing; every action here also has a visible button.
import type { KeyChord } from "../../lib/bridge";

export type PanelKeyId =
  | "next"
  | "previous"
  | "accept"
  | "acceptFromField"
  | "save"
  | "edit"
  | "putBackEdit"
  | "undoAccept"
  | "pressButton"
  | "focusNext"
  | "focusPrevious";

export interface PanelKey {
  id: PanelKeyId;
  chord: KeyChord;
  /** the key as the hints and the self-check name it */
  label: string;
  /** what it does in the panel */
  does: string;
  /** a review action (not navigation): does nothing within 500 ms of an Accept or a change of clip */
  guarded: boolean;
}

const isMac = () => /^mac/i.test(globalThis.navigator?.platform ?? "");
const ctrlOrCmd = () => (isMac() ? "⌘" : "Ctrl+");

export const PANEL_KEYS: readonly PanelKey[] = [
  { id: "next", chord: { key: "ArrowDown" }, label: "↓", does: "moves to the next clip", guarded: false },
  { id: "previous", chord: { key: "ArrowUp" }, label: "↑", does: "moves to the previous clip", guarded: false },
  { id: "accept", chord: { key: "Enter" }, label: "Enter", does: "accepts the clip on the card", guarded: true },
  {
    id: "acceptFromField",
    chord: { key: "Enter", ctrlOrCmd: true },
    label: "Ctrl/⌘+Enter",
    does: "accepts from inside a field",
    guarded: true,
  },
  { id: "save", chord: { key: "S" }, label: "S", does: "saves the written clip as a reference", guarded: true },
  { id: "edit", chord: { key: "F2" }, label: "F2", does: "edits the first field", guarded: true },
  { id: "putBackEdit", chord: { key: "Escape" }, label: "Esc", does: "puts back a field's edit", guarded: false },
  {
    id: "undoAccept",
    chord: { key: "Z", ctrlOrCmd: true },
    label: "Ctrl/⌘+Z",
    does: "puts back the last Accept",
    guarded: true,
  },
  { id: "pressButton", chord: { key: "Space" }, label: "Space", does: "presses the focused button", guarded: false },
  { id: "focusNext", chord: { key: "Tab" }, label: "Tab", does: "moves the focus on", guarded: false },
  {
    id: "focusPrevious",
    chord: { key: "Tab", shift: true },
    label: "Shift+Tab",
    does: "moves the focus back",
    guarded: false,
  },
];

/** What the panel registers while it has the focus. */
export const PANEL_KEY_CHORDS: readonly KeyChord[] = PANEL_KEYS.map((k) => k.chord);

const KEY_OF_EVENT: Record<KeyChord["key"], (e: KeyboardEvent) => boolean> = {
  ArrowDown: (e) => e.key === "ArrowDown",
  ArrowUp: (e) => e.key === "ArrowUp",
  Enter: (e) => e.key === "Enter",
  Escape: (e) => e.key === "Escape",
  Tab: (e) => e.key === "Tab",
  Space: (e) => e.key === " " || e.key === "Spacebar",
  F2: (e) => e.key === "F2",
  S: (e) => e.key === "s" || e.key === "S",
  Z: (e) => e.key === "z" || e.key === "Z",
};

/** Whether this key event is this chord (no other modifier held). */
export function isChord(e: KeyboardEvent, chord: KeyChord): boolean {
  if (!KEY_OF_EVENT[chord.key](e) || e.altKey || e.shiftKey !== !!chord.shift) return false;
  return chord.ctrlOrCmd ? e.ctrlKey || e.metaKey : !e.ctrlKey && !e.metaKey;
}

/** The panel key this event is, if any. */
export function panelKeyOf(e: KeyboardEvent): PanelKey | undefined {
  return PANEL_KEYS.find((k) => isChord(e, k.chord));
}

export const panelKey = (id: PanelKeyId): PanelKey => PANEL_KEYS.find((k) => k.id === id)!;

/** The label with this platform's modifier: "Ctrl+Z" on Windows, "⌘Z" on macOS. */
export const keyLabel = (id: PanelKeyId): string => {
  const k = panelKey(id);
  return k.chord.ctrlOrCmd ? `${ctrlOrCmd()}${k.label.replace(/^Ctrl\/⌘\+/, "")}` : k.label;
};

/** The card's line of key hints, from the declaration. */
export function reviewKeyHints(): string {
  return [
    `${keyLabel("accept")} accepts (${keyLabel("acceptFromField")} in a field)`,
    `${keyLabel("save")} saves the written clip as a reference`,
    `${keyLabel("undoAccept")} puts back the last Accept`,
    `${keyLabel("edit")} edits`,
    `${keyLabel("putBackEdit")} undoes an edit`,
    `${keyLabel("previous")}${keyLabel("next")} moves`,
  ].join(" · ");
}
