import { useEffect } from "react";
import type { PanelStore } from "./store";
import { HostThemeProvider } from "./theme/HostThemeProvider";
import { PanelStoreContext } from "./use-panel";
import { BatchAccept } from "./views/BatchAccept";
import { ClipQueue } from "./views/ClipQueue";
import { ErrorBanner } from "./views/ErrorBanner";
import { PanelHeader } from "./views/PanelHeader";
import { ReviewCard } from "./views/ReviewCard";
import { SimulatorTools } from "./views/SimulatorTools";
import { TextSearchBox } from "./views/TextSearchBox";
import { SettingsView } from "./views/settings/SettingsView";

/** Keys that type text stay with the field; the rest drive the queue and the card. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.isContentEditable);
}

function useReviewKeys(store: PanelStore): void {
  useEffect(() => {
    // Ctrl/Cmd+Enter accepts from anywhere, a field or a picker included: listened to before
    // the controls, which keep the keys they handle to themselves
    const onAcceptKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || store.getState().settingsOpen) return;
      void store.getState().accept();
      e.preventDefault();
      e.stopPropagation();
    };
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (s.settingsOpen) return; // the settings view's keys are its own
      // Enter on a button presses that button; elsewhere (the queue, the card, the page) it accepts
      const onButton = (e.target as HTMLElement | null)?.closest?.("button, [role=button], a");
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        s.move(e.key === "ArrowDown" ? 1 : -1);
        e.preventDefault();
      } else if (e.key === "Enter" && !onButton) {
        void s.accept();
        e.preventDefault();
      } else if (e.key === "s" || e.key === "S") {
        void s.saveAsReference();
        e.preventDefault();
      } else if (e.key === "e" || e.key === "E") {
        // narrow screens get Spectrum's touch combobox: a button (opening a tray) and a hidden input
        const first = document.querySelector<HTMLElement>(
          "#review-card .field-row :is(input:not([readonly]):not([type=hidden]), button, [role=button])",
        );
        first?.focus();
        if (first instanceof HTMLInputElement) first.select(); // typing replaces the value; Esc puts it back
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

export function App({ store }: { store: PanelStore }) {
  useReviewKeys(store);
  return (
    <PanelStoreContext.Provider value={store}>
      <HostThemeProvider transport={store.services.host.transport}>
        <main className="panel">
          <PanelHeader />
          <ErrorBanner />
          <BatchAccept />
          {/* above the card: in a docked panel the card runs long, and search would sink below it */}
          <TextSearchBox />
          <div className="workspace">
            <ClipQueue />
            <ReviewCard />
          </div>
          {store.services.host.transport.kind === "simulator" && <SimulatorTools />}
          <SettingsView />
        </main>
      </HostThemeProvider>
    </PanelStoreContext.Provider>
  );
}
