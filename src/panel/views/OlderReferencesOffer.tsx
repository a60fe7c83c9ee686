import { ActionButton } from "@adobe/react-spectrum";
import { SUGGESTED_FIELDS, type Evidence, type SuggestedField } from "../../lib/suggestion";
import { usePanel } from "../use-panel";
import { correctionName } from "./correction-words";

const WORDS: Record<SuggestedField, string> = {
  location: "location",
  subject: "subject",
  action: "action",
  shotType: "shot type",
};

/** For staff: a correction that older references of its shot contradict can update them (ADR-0029). */
export function OlderReferencesOffer({ evidence }: { evidence: Evidence[] }) {
  const { account, state, update, undo } = usePanel((s) => ({
    account: s.account,
    state: s.olderReferences,
    update: s.updateOlderReferences,
    undo: s.undoOlderReferences,
  }));
  const correction = evidence
    .filter((e) => e.newestOfShot && e.correctedAt)
    .sort((a, b) => Date.parse(b.correctedAt!) - Date.parse(a.correctedAt!))[0];
  if (!account?.canSave || !correction) return null;
  const older = evidence.filter((e) => e.superseded?.length);
  const fields = SUGGESTED_FIELDS.filter((f) => older.some((e) => e.superseded.includes(f)));
  const mine = state?.correctionId === correction.referenceId ? state : null;
  const says = fields.map((f) => `${WORDS[f]} ${correction.values[f]}`).join(", ");
  const name = correctionName(!!correction.correctedByYou, correction.correctedAt!);
  if (mine?.state === "updated" || mine?.state === "undoing")
    return (
      <p className="older-references-offer" role="status" data-testid="older-references">
        <span>
          {mine.changed.length === 0
            ? "The catalog holds no older reference of this shot that says otherwise."
            : `${mine.changed.length} older reference${mine.changed.length === 1 ? "" : "s"} of this shot now say ${says}; each change is in the audit log.`}
        </span>
        {account.role === "admin" && mine.changed.length > 0 && (
          <ActionButton isQuiet isDisabled={mine.state === "undoing"} onPress={() => void undo()}>
            Undo (admin)
          </ActionButton>
        )}
      </p>
    );
  if (mine?.state === "undone")
    return (
      <p className="older-references-offer" role="status" data-testid="older-references">
        The older references say again what they said before.
      </p>
    );
  if (!fields.length) return null;
  return (
    <p className="older-references-offer" data-testid="older-references">
      <span>
        {name.charAt(0).toUpperCase() + name.slice(1)} says {says}; {older.length} older reference
        {older.length === 1 ? "" : "s"} of its shot say otherwise.
        {mine?.state === "failed" && ` Not updated: ${mine.detail}`}
      </span>
      <ActionButton
        isQuiet
        isDisabled={mine?.state === "updating"}
        onPress={() => void update(correction.referenceId, fields)}
      >
        Update the older references
      </ActionButton>
    </p>
  );
}
