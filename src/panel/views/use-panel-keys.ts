// The panel's keys in the page (docs/adr/0027-panel-keys.md): while the panel has the focus it
// takes exactly its keys from Premiere (the transport's registerKeys: CEP's
// registerKeyEventsInterest), and gives them all back when it loses the focus or closes. The
// keys themselves are declared once in ../keys/panel-keys.ts; the store decides what they do.
import { useEffect } from "react";
import { PANEL_KEY_CHORDS, isChord, panelKey, panelKeyOf } from "../keys/panel-keys";
import type { PanelStore } from "../store";

/** Keys that type text stay with the field; the rest drive the queue and the card. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.isContentEditable);
}

/** Takes the panel's keys from the host while the page has the focus. */
function useKeyInterest(store: PanelStore): void {
  useEffect(() => {
    const transport = store.services.host.transport;
    if (!transport.registerKeys) return;
    let taken = false;
    const take = () => {
      if (!taken) transport.registerKeys?.(PANEL_KEY_CHORDS);
      taken = true;
    };
    const release = () => {
      transport.registerKeys?.([]);
      taken = false;
    };
    if (document.hasFocus()) take();
    window.addEventListener("focus", take);
    window.addEventListener("blur", release);
    document.addEventListener("focusin", take);
    return () => {
      window.removeEventListener("focus", take);
      window.removeEventListener("blur", release);
      document.removeEventListener("focusin", take);
      release();
    };
  }, [store]);
}

/** Puts the focus in the card's first field, its text selected (typing replaces it; Esc puts it back). */
function editFirstField(): void {
  const first = document.querySelector<HTMLElement>(
    "#review-card .field-row :is(input:not([readonly]):not([type=hidden]), button, [role=button])",
  );
  first?.focus();
  if (first instanceof HTMLInputElement) first.select();
}

export function usePanelKeys(store: PanelStore): void {
  useKeyInterest(store);
  useEffect(() => {
    // Ctrl/Cmd+Enter accepts from anywhere, a field or a picker included: listened to before
    // the controls, which keep the keys they handle to themselves
    const onAcceptKey = (e: KeyboardEvent) => {
      if (!isChord(e, panelKey("acceptFromField").chord) || store.getState().settingsOpen) return;
      void store.getState().pressKey("acceptFromField");
      e.preventDefault();
      e.stopPropagation();
    };
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (e.defaultPrevented || isTyping(e.target) || s.settingsOpen) return; // settings keep their own keys
      const key = panelKeyOf(e);
      if (!key) return;
      // Enter on a button presses that button; elsewhere (the queue, the card, the page) it accepts
      const onButton = (e.target as HTMLElement | null)?.closest?.("button, [role=button], a");
      if (key.id === "accept" && onButton) return;
      if (["next", "previous", "accept", "save", "undoAccept"].includes(key.id)) {
        void s.pressKey(key.id);
        e.preventDefault();
      } else if (key.id === "edit") {
        if (!s.keysHeld()) editFirstField();
        e.preventDefault();
      }
    };
    document.addEventListener("keydown", onAcceptKey, true);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onAcceptKey, true);
      document.removeEventListener("keydown", onKey);
    };
  }, [store]);
}
