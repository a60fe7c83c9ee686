import { ActionButton } from "@adobe/react-spectrum";
import type { FieldSuggestion, SuggestedField } from "../../lib/suggestion";
import { disagreementWords } from "./correction-words";
import "./FieldDisagreement.css";

const WORDS: Record<SuggestedField, string> = {
  location: "location",
  subject: "subject",
  action: "action",
  shotType: "shot type",
};

/** When the similar references disagree on a field: who says what, and each other value one click away. */
export function FieldDisagreement({
  field,
  suggestion,
  value,
  readOnly,
  onChoose,
}: {
  field: SuggestedField;
  suggestion: FieldSuggestion | undefined;
  value: string;
  readOnly: boolean;
  onChoose: (value: string) => void;
}) {
  const d = suggestion?.disagreement;
  if (!d) return null;
  const choices = d.values.map((v) => v.value).filter((v) => v.trim().toLowerCase() !== value.trim().toLowerCase());
  return (
    <div className="field-disagreement" data-testid={`disagreement-${field}`}>
      <span>The similar shots disagree: {disagreementWords(d)}</span>
      {!readOnly && !suggestion.locked && choices.length > 0 && (
        <span className="field-disagreement-choices">
          {choices.map((v) => (
            <ActionButton key={v} isQuiet onPress={() => onChoose(v)} aria-label={`Use ${v} for the ${WORDS[field]}`}>
              Use “{v}”
            </ActionButton>
          ))}
        </span>
      )}
    </div>
  );
}
