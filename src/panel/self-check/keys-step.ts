// "Press each of the panel's keys": which reach the panel and which Premiere keeps
// (docs/adr/0027-panel-keys.md). Skippable at any key; never waits more than one key's wait
// when nobody is there.
import type { SelfCheckStep, StepOutcome } from "../../lib/self-check";
import { PANEL_KEYS, type PanelKey } from "../keys/panel-keys";
import type { KeyProbe } from "./key-probe";

/** The order they are asked in: keys that usually arrive first, arrows (reported to leak) last. */
const ORDER = [
  "accept",
  "save",
  "edit",
  "undoAccept",
  "acceptFromField",
  "putBackEdit",
  "pressButton",
  "focusNext",
  "focusPrevious",
  "next",
  "previous",
];
export const KEYS_ASKED: PanelKey[] = ORDER.map((id) => PANEL_KEYS.find((k) => k.id === id)!).filter(Boolean);

export function keysStep(probe: KeyProbe | undefined): SelfCheckStep<unknown> {
  return {
    id: "keys",
    label: "The panel's keys",
    // every key's wait, and some room: the runner's timeout is the last guard against a hang
    timeoutMs: (KEYS_ASKED.length + 1) * (probe?.waitMs ?? 0) + 5_000,
    async run(): Promise<StepOutcome> {
      if (!probe) return { status: "skipped", says: "No keyboard here to press the keys on." };
      const reached: string[] = [];
      const missed: string[] = [];
      let answered = false;
      for (const [i, key] of KEYS_ASKED.entries()) {
        const answer = await probe.ask(key, i, KEYS_ASKED.length);
        if (answer === "stop" || (answer === "unanswered" && !answered)) break;
        answered = true;
        (answer === "reached" ? reached : missed).push(key.label);
      }
      const notAsked = KEYS_ASKED.length - reached.length - missed.length;
      const data = { reached: reached.join(" "), missed: missed.join(" "), notAsked };
      if (!answered) return { status: "skipped", says: "Skipped: no key was pressed.", data };
      const parts = [
        reached.length ? `Reached the panel: ${reached.join(", ")}.` : "",
        missed.length ? `Did not reach it (Premiere kept them, presumably): ${missed.join(", ")}.` : "",
        notAsked ? `${notAsked} not asked (skipped).` : "",
      ];
      return { status: missed.length ? "failed" : "ok", says: parts.filter(Boolean).join(" "), data };
    },
  };
}
