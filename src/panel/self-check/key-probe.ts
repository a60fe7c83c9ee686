// The self-check's ear for the panel's keys (docs/adr/0027-panel-keys.md): asks for one key at a
// time and tells whether it reached the panel. A key Premiere takes never arrives, so the admin
// answers "Nothing happened here" (or the wait ends); keys pressed meanwhile act on nothing.
import { isChord, type PanelKey } from "../keys/panel-keys";

export type KeyAnswer = "reached" | "missed" | "unanswered" | "stop";

export interface KeyAsk {
  label: string;
  does: string;
  index: number;
  total: number;
}

export class KeyProbe {
  private pending: ((answer: KeyAnswer) => void) | null = null;

  constructor(
    private readonly target: Pick<EventTarget, "addEventListener" | "removeEventListener">,
    private readonly onAsk: (ask: KeyAsk | null) => void,
    /** how long one key is waited for */
    readonly waitMs = 15_000,
  ) {}

  /** Waits for this key in the page, the admin's answer, or the end of the wait. */
  ask(key: PanelKey, index: number, total: number): Promise<KeyAnswer> {
    return new Promise<KeyAnswer>((resolve) => {
      const listen = (event: Event) => {
        const e = event as KeyboardEvent;
        if (["Control", "Shift", "Alt", "Meta"].includes(e.key)) return;
        // while the check listens, no key acts on the panel
        e.preventDefault();
        e.stopImmediatePropagation();
        if (isChord(e, key.chord)) done("reached");
      };
      const timer = setTimeout(() => done("unanswered"), this.waitMs);
      const done = (answer: KeyAnswer) => {
        clearTimeout(timer);
        this.target.removeEventListener("keydown", listen, { capture: true });
        this.pending = null;
        this.onAsk(null);
        resolve(answer);
      };
      this.pending = done;
      this.target.addEventListener("keydown", listen, { capture: true });
      this.onAsk({ label: key.label, does: key.does, index, total });
    });
  }

  /** The admin's answer to the key asked now: it did nothing here, or stop asking. */
  answer(answer: "missed" | "stop"): void {
    this.pending?.(answer);
  }
}
