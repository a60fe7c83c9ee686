import { Button, Item, Meter, Picker } from "@adobe/react-spectrum";
import { useEffect } from "react";
import { SUGGESTED_FIELDS, type ShotSuggestion } from "../../lib/suggestion";
import { usePanel } from "../use-panel";
import { reviewKeyHints } from "../keys/panel-keys";
import { AcceptUndo } from "./AcceptUndo";
import { EvidenceList } from "./EvidenceList";
import { FieldRow } from "./FieldRow";
import { KeywordsField } from "./KeywordsField";
import { SaveControls } from "./SaveControls";
import { percent, statusWords } from "./status-words";

function ShotLine({ shot }: { shot: ShotSuggestion | null }) {
  if (!shot) return <p className="muted">No planned shot suggested.</p>;
  const s = shot.shot;
  // "Standard" is EAV's default movement: named only when it says something
  const eav = [s.shotType, s.movementType !== "Standard" ? s.movementType : null].filter(Boolean).join(", ");
  return (
    <div className="shot-line" data-testid="suggested-shot">
      <Meter
        label={`Planned shot #${s.shotNumber ?? "?"} · ${eav || "no type"}${s.subject ? ` · ${s.subject}` : ""}`}
        value={Math.round(shot.confidence * 100)}
        valueLabel={percent(shot.confidence)}
        variant={shot.confidence >= 0.8 ? "positive" : "warning"}
        size="S"
        width="100%"
      />
      <span className="muted">
        {shot.iaShotType
          ? `Its shot type in IA's words: ${shot.iaShotType}`
          : "This planned shot's type has no IA shot type: choose one."}
      </span>
    </div>
  );
}

/** Staff choose the planned shot from EAV's list; the suggested one is preselected. */
function ShotPicker({ readOnly }: { readOnly: boolean }) {
  const { shots, draft, setShot } = usePanel((s) => ({ shots: s.plannedShots, draft: s.draft, setShot: s.setShot }));
  if (!shots.length || !draft) return null;
  const label = (s: (typeof shots)[number]) =>
    `#${s.shotNumber ?? "?"} · ${[s.shotType, s.movementType].filter(Boolean).join(", ")} · ${s.subject ?? ""}`;
  return (
    <Picker
      label="Planned shot"
      width="100%"
      isDisabled={readOnly}
      selectedKey={draft.shot?.id ?? "none"}
      onSelectionChange={(key) => {
        const shot = shots.find((s) => s.id === key);
        setShot(shot ? { id: shot.id, shotNumber: shot.shotNumber } : null);
      }}
      items={[{ id: "none", text: "No planned shot" }, ...shots.map((s) => ({ id: s.id, text: label(s) }))]}
    >
      {(item) => <Item key={item.id}>{item.text}</Item>}
    </Picker>
  );
}

/** The selected clip's suggestion: fields, shot, evidence, Accept and Skip. */
export function ReviewCard() {
  const { q, draft, known, reviewError, accepting, setField, setKeywords, accept, skip, acceptAndSave } = usePanel(
    (s) => ({
      q: s.queue.find((x) => x.clip.nodeId === s.selectedId),
      draft: s.draft,
      known: s.knownValues,
      reviewError: s.reviewError,
      accepting: s.accepting,
      setField: s.setField,
      setKeywords: s.setKeywords,
      accept: s.accept,
      skip: s.skip,
      acceptAndSave: s.acceptAndSave,
    }),
  );
  const noClips = usePanel((s) => s.queue.length === 0);
  const nodeId = q?.clip.nodeId;
  // a new clip's card takes the focus that the last card's fields held, so typed keys never land
  // in the next clip's fields
  useEffect(() => {
    if (nodeId && (document.activeElement === document.body || !document.activeElement))
      document.getElementById("review-card")?.focus();
  }, [nodeId]);
  // with no clip yet, "select a clip" would send the editor looking for one
  if (!q)
    return (
      <section className="card empty muted" data-testid="review-empty">
        {noClips ? "No clip to review yet." : "Select a clip to review its suggestion."}
      </section>
    );
  const s = q.suggestion;
  const readOnly = q.status !== "suggested";
  return (
    <section
      id="review-card"
      className="card"
      tabIndex={-1}
      aria-label={`Review ${q.clip.name}`}
      data-testid="review-card"
    >
      <header>
        {q.frameUrls?.[0] && <img className="clip-frame" src={q.frameUrls[0]} alt={`A frame of ${q.clip.name}`} />}
        <h2 title={q.clip.name}>
          <bdi>{q.clip.name}</bdi>
        </h2>
        <p className="muted">{statusWords(q)}</p>
      </header>
      {q.currentProblem && (
        <p className="notice">Its metadata could not be read ({q.currentProblem}). Accept rewrites it.</p>
      )}
      {q.sidecarProblem && !q.applied?.correction?.problem && (
        <p className="notice" data-testid="sidecar-problem">
          {q.sidecarProblem}
        </p>
      )}
      {draft && s ? (
        <>
          <div className="fields">
            {SUGGESTED_FIELDS.map((f) => (
              <FieldRow
                key={f}
                field={f}
                value={draft.values[f]}
                suggestion={s.fields[f]}
                known={f === "shotType" ? [] : known[f]}
                readOnly={readOnly}
                onChange={(v) => setField(f, v)}
              />
            ))}
            <KeywordsField
              keywords={draft.keywords}
              suggested={s.keywords}
              readOnly={readOnly}
              onChange={setKeywords}
            />
          </div>
          <ShotLine shot={s.shot} />
          <ShotPicker readOnly={readOnly} />
          {reviewError && (
            <p className="notice" role="status" data-testid="review-error">
              {reviewError.title}: {reviewError.detail}
            </p>
          )}
          {!readOnly && (
            <div className="actions">
              {q.origin === "timeline" ? (
                <Button variant="accent" onPress={() => void acceptAndSave()} isPending={accepting}>
                  Save as reference
                </Button>
              ) : (
                <Button variant="accent" onPress={() => void accept()} isPending={accepting}>
                  Accept
                </Button>
              )}
              <Button variant="secondary" onPress={skip}>
                Skip
              </Button>
              <span className="muted keys">{reviewKeyHints()}</span>
            </div>
          )}
          {q.applied?.correction?.written && (
            <p className="muted">Also recorded for Ingest Assistant in .ingest-metadata-pp.json beside the media.</p>
          )}
          {q.applied?.correction?.problem && (
            <p className="notice" role="status" data-testid="correction-problem">
              Written to the clip, but not recorded for Ingest Assistant: {q.applied.correction.problem}
            </p>
          )}
          <AcceptUndo q={q} />
          {q.status === "applied" && <SaveControls q={q} />}
          <h3>Similar shots</h3>
          <EvidenceList evidence={s.evidence} frameUrls={q.frameUrls ?? []} />
          <p className="details muted">
            {[
              q.technical,
              `${s.framesUsed} frame${s.framesUsed === 1 ? "" : "s"} compared`,
              s.modelVersion,
              s.calibrated ? "confidence calibrated on the catalog" : "too few references to calibrate",
              s.ignoredOtherModel ? `${s.ignoredOtherModel} matches of another model left out` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </>
      ) : (
        q.status === "failed" && (
          <div className="actions">
            <Button variant="secondary" onPress={skip}>
              Skip
            </Button>
          </div>
        )
      )}
    </section>
  );
}
