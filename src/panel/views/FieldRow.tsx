import { ActionButton, Meter } from "@adobe/react-spectrum";
import { useRef } from "react";
import type { FieldSuggestion, SuggestedField } from "../../lib/suggestion";
import { IA_SHOT_TYPES } from "../../shared/metadata/ia-metadata";
import { DesktopComboBox } from "./DesktopComboBox";
import { FieldDisagreement } from "./FieldDisagreement";
import { percent } from "./status-words";

const LABEL: Record<SuggestedField, string> = {
  location: "Location",
  subject: "Subject",
  action: "Action",
  shotType: "Shot type",
};

function meterVariant(confidence: number): "positive" | "warning" | "critical" {
  return confidence >= 0.8 ? "positive" : confidence >= 0.5 ? "warning" : "critical";
}

interface Props {
  field: SuggestedField;
  value: string;
  suggestion: FieldSuggestion | undefined;
  /** values already in the catalog, for autocomplete */
  known: string[];
  readOnly: boolean;
  onChange: (value: string) => void;
}

/** One field of the card: the editable value, the suggestion's confidence, the clip's current value. */
export function FieldRow({ field, value, suggestion, known, readOnly, onChange }: Props) {
  const atFocus = useRef(value);
  const locked = !!suggestion?.locked;
  const proposed = suggestion?.value ?? null;
  // Escape while editing puts back the value the field had when the editor came in
  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    if (e.key !== "Escape") return;
    // an open list of suggestions closes first; the next Esc undoes the edit
    if ((e.target as HTMLElement).getAttribute("aria-expanded") === "true") return;
    onChange(atFocus.current);
    (document.activeElement as HTMLElement | null)?.blur();
    document.getElementById("review-card")?.focus();
  };
  const options = [
    ...new Set([...(proposed ? [proposed] : []), ...(suggestion?.alternatives.map((a) => a.value) ?? []), ...known]),
  ];
  return (
    <div
      className="field-row"
      data-field={field}
      onKeyDownCapture={onKeyDownCapture}
      onFocusCapture={() => (atFocus.current = value)}
    >
      {/* the same desktop field at every width; the shot type takes only IA's types, chosen from
          the list (typing filters it: a letter never picks a type by itself) */}
      <DesktopComboBox
        label={LABEL[field]}
        value={value}
        options={field === "shotType" ? [...IA_SHOT_TYPES] : options}
        allowsCustomValue={field !== "shotType"}
        isReadOnly={readOnly || locked}
        placeholder={field === "shotType" ? "Choose…" : undefined}
        onChange={onChange}
      />
      <div className="field-meta">
        {proposed ? (
          <Meter
            label={`Suggested: ${proposed}`}
            value={Math.round((suggestion?.confidence ?? 0) * 100)}
            valueLabel={percent(suggestion?.confidence ?? 0)}
            variant={meterVariant(suggestion?.confidence ?? 0)}
            size="S"
            width="100%"
          />
        ) : (
          <span className="muted">No suggestion: the similar shots disagree or are too far.</span>
        )}
        <FieldDisagreement
          field={field}
          suggestion={suggestion}
          value={value}
          readOnly={readOnly}
          onChoose={onChange}
        />
        {locked && <span className="muted">Locked in IA: kept as it is.</span>}
        {!locked && suggestion?.current && proposed && suggestion.current !== proposed && (
          <span className="current-value">
            Clip has “{suggestion.current}”.
            {value !== proposed && !readOnly && (
              <ActionButton
                isQuiet
                onPress={() => onChange(proposed)}
                aria-label={`Use ${proposed} for ${LABEL[field]}`}
              >
                Use “{proposed}”
              </ActionButton>
            )}
          </span>
        )}
      </div>
    </div>
  );
}
