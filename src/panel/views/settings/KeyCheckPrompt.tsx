import { ActionButton } from "@adobe/react-spectrum";
import { usePanel } from "../../use-panel";

/** The self-check's key step: which key to press now, and the admin's way out (ADR 0027). */
export function KeyCheckPrompt() {
  const { ask, answer } = usePanel((s) => ({ ask: s.keyCheck, answer: s.answerKeyCheck }));
  if (!ask) return null;
  return (
    <div className="notice key-check" data-testid="key-check" data-key={ask.label}>
      <p>
        Press <kbd>{ask.label}</kbd> now ({ask.does}; key {ask.index + 1} of {ask.total}). If nothing happens here,
        Premiere took it.
      </p>
      <div className="self-check-actions">
        <ActionButton onPress={() => answer("missed")}>Nothing happened here</ActionButton>
        <ActionButton onPress={() => answer("stop")}>Skip the key check</ActionButton>
      </div>
    </div>
  );
}
