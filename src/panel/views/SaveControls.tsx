import { ActionButton, Button } from "@adobe/react-spectrum";
import type { QueuedClip } from "../store";
import { usePanel } from "../use-panel";
import { percent } from "./status-words";

/** After Accept: save the confirmed values as a new reference (S), with the near-duplicate question. */
export function SaveControls({ q }: { q: QueuedClip }) {
  const { canSave, signedIn, saveAsReference, cancelSave } = usePanel((s) => ({
    canSave: !!s.account?.canSave,
    signedIn: !!s.account,
    saveAsReference: s.saveAsReference,
    cancelSave: s.cancelSave,
  }));
  const saved = q.saved;
  if (saved?.state === "duplicate" && saved.duplicate) {
    return (
      <div className="notice save-question" role="alertdialog" aria-label="Save a near-duplicate?">
        <p>
          The catalog already has a reference {percent(saved.duplicate.similarity)} similar to this clip (
          <bdi>{saved.duplicate.filePath.split(/[\\/]/).pop()}</bdi>). Save another one anyway?
        </p>
        <div className="actions">
          <Button variant="primary" onPress={() => void saveAsReference(q.clip.nodeId, { confirmDuplicate: true })}>
            Save anyway
          </Button>
          <ActionButton onPress={() => cancelSave(q.clip.nodeId)}>Don't save</ActionButton>
        </div>
      </div>
    );
  }
  const words: Record<string, string> = {
    checking: "Checking the catalog…",
    saving: "Saving…",
    saved: "Saved as a reference: the next similar clip learns from it.",
  };
  return (
    <div className="actions" data-testid="save-controls" data-state={saved?.state ?? "none"}>
      {(!saved || saved.state === "refused") && (
        <Button variant="primary" onPress={() => void saveAsReference(q.clip.nodeId)} isDisabled={!canSave}>
          Save as reference
        </Button>
      )}
      {!canSave && !saved && (
        <span className="muted">
          {signedIn ? "Your account can search but not save references." : "Sign in with a staff account to save."}
        </span>
      )}
      {saved && words[saved.state] && <span className="muted">{words[saved.state]}</span>}
      {saved?.detail && <span className="notice">{saved.detail}</span>}
    </div>
  );
}
