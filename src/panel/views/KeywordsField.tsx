import { ActionButton, TextField } from "@adobe/react-spectrum";
import { useState } from "react";
import type { KeywordSuggestion } from "../../lib/suggestion";
import { percent } from "./status-words";

interface Props {
  keywords: string[];
  suggested: KeywordSuggestion[];
  readOnly: boolean;
  onChange: (keywords: string[]) => void;
}

/** The clip's keywords: what it had, plus the suggested ones (each removable). */
export function KeywordsField({ keywords, suggested, readOnly, onChange }: Props) {
  const [adding, setAdding] = useState("");
  const confidence = new Map(suggested.map((k) => [k.value, k.confidence]));
  // IA's description separates keywords with commas: "salt, pepper" is two keywords
  const add = () => {
    const next = [...keywords];
    for (const part of adding.split(",")) {
      const k = part.trim();
      if (k && !next.includes(k)) next.push(k);
    }
    if (next.length !== keywords.length) onChange(next);
    setAdding("");
  };
  return (
    <div className="field-row keywords" data-field="keywords">
      <span className="field-label">Keywords</span>
      <ul className="chips" aria-label="Keywords">
        {keywords.length === 0 && <li className="muted">none</li>}
        {keywords.map((k) => (
          <li key={k} className={confidence.has(k) ? "chip suggested" : "chip"}>
            {k}
            {confidence.has(k) && <span className="muted"> {percent(confidence.get(k)!)}</span>}
            {!readOnly && (
              <ActionButton
                isQuiet
                aria-label={`Remove keyword ${k}`}
                onPress={() => onChange(keywords.filter((x) => x !== k))}
              >
                ×
              </ActionButton>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <TextField
          label="Add keyword"
          labelPosition="side"
          value={adding}
          onChange={setAdding}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              add();
              (e as unknown as { stopPropagation(): void }).stopPropagation();
            } else e.continuePropagation();
          }}
          width="100%"
        />
      )}
    </div>
  );
}
