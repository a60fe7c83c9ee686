import { ActionButton } from "@adobe/react-spectrum";
import { keyLabel } from "../keys/panel-keys";
import type { QueuedClip } from "../store";
import { usePanel } from "../use-panel";

/** On the card of a clip: "Written" with Undo while its Accept can be put back, and what the
 * last Undo did to it (docs/adr/0027-panel-keys.md). */
export function AcceptUndo({ q }: { q: QueuedClip }) {
  const { canUndo, note, undoAccept, accepting } = usePanel((s) => ({
    canUndo: s.acceptUndo.some((c) => c.nodeId === q.clip.nodeId && c.written),
    note: s.acceptUndoNote?.nodeId === q.clip.nodeId ? s.acceptUndoNote : null,
    undoAccept: s.undoAccept,
    accepting: s.accepting,
  }));
  const written = q.status === "applied";
  if (!written && !note) return null;
  return (
    <div className="actions accept-undo" data-testid="accept-undo">
      {written && (
        <span className="written-mark" data-testid="written-mark">
          ✓ Written to the clip
        </span>
      )}
      {written && canUndo && (
        <ActionButton
          onPress={() => void undoAccept(q.clip.nodeId)}
          isDisabled={accepting}
          aria-keyshortcuts="Control+Z Meta+Z"
        >
          Undo Accept
        </ActionButton>
      )}
      {written && <span className="muted keys">↓ moves on · {keyLabel("undoAccept")} puts back the last Accept</span>}
      {note?.text && (
        <p className={note.problem ? "notice" : "muted"} role="status" data-testid="accept-undo-note">
          {note.text}
        </p>
      )}
    </div>
  );
}
