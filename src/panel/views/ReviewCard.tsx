import { Button, Meter } from "@adobe/react-spectrum";
import { useEffect } from "react";
import { SUGGESTED_FIELDS, type ShotSuggestion } from "../../lib/suggestion";
import type { QueuedClip } from "../store";
import { usePanel } from "../use-panel";
import { reviewKeyHints } from "../keys/panel-keys";
import { AcceptUndo } from "./AcceptUndo";
import { DesktopComboBox } from "./DesktopComboBox";
import { EvidenceList } from "./EvidenceList";
import { FieldRow } from "./FieldRow";
import { KeywordsField } from "./KeywordsField";
import { SaveControls } from "./SaveControls";
import { failureWords, percent, statusWords } from "./status-words";

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
          ? `Planned as ${shot.iaShotType}`
          : "This planned shot's type is not one of the card's shot types: choose one above."}
      </span>
    </div>
  );
}

/** How the suggestion was made, for whoever supports the editor: one click away, not in the way. */
function TechnicalDetails({ q }: { q: QueuedClip }) {
  const s = q.suggestion;
  if (!s) return null;
  return (
    <details className="details muted" data-testid="technical-details">
      <summary>How this was suggested</summary>
      {[
        q.technical,
        `${s.framesUsed} frame${s.framesUsed === 1 ? "" : "s"} compared`,
        s.modelVersion,
        s.calibrated ? "confidence calibrated on the catalog" : "too few references to calibrate",
        s.ignoredOtherModel ? `${s.ignoredOtherModel} matches of another model left out` : null,
      ]
        .filter(Boolean)
        .join(" · ")}
    </details>
  );
}

/** A clip without a suggestion: what happened, what to do, Retry; the methods' messages one click away. */
function FailedClip({ q, skip }: { q: QueuedClip; skip: () => void }) {
  const retryClip = usePanel((s) => s.retryClip);
  const { todo } = failureWords(q.detail);
  return (
    <>
      <p className="notice" data-testid="failed-clip">
        {todo}
      </p>
      {q.detail && (
        <details className="details muted">
          <summary>What the panel tried</summary>
          {q.detail}
        </details>
      )}
      <div className="card-actions">
        <div className="actions">
          <Button variant="accent" onPress={() => retryClip(q.clip.nodeId)}>
            Retry
          </Button>
          <Button variant="secondary" onPress={skip}>
            Skip
          </Button>
        </div>
      </div>
    </>
  );
}

/** Staff choose the planned shot from EAV's list; the suggested one is preselected. */
function ShotPicker({ readOnly }: { readOnly: boolean }) {
  const { shots, draft, setShot } = usePanel((s) => ({ shots: s.plannedShots, draft: s.draft, setShot: s.setShot }));
  if (!shots.length || !draft) return null;
  const label = (s: (typeof shots)[number]) =>
    `#${s.shotNumber ?? "?"} · ${[s.shotType, s.movementType].filter(Boolean).join(", ")} · ${s.subject ?? ""}`;
  return (
    <div className="field-row" data-field="plannedShot">
      <DesktopComboBox
        label="Planned shot"
        isReadOnly={readOnly}
        value={draft.shot?.id ?? "none"}
        allowsCustomValue={false}
        options={[{ id: "none", name: "No planned shot" }, ...shots.map((s) => ({ id: s.id, name: label(s) }))]}
        onChange={(key) => {
          const shot = shots.find((s) => s.id === key);
          setShot(shot ? { id: shot.id, shotNumber: shot.shotNumber } : null);
        }}
      />
    </div>
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
  const status = q?.status;
  // a new clip's card, or a clip just written (Ctrl+Enter from a field), takes the focus from the
  // fields: a list left open closes, and typed keys never land in the next clip's fields
  useEffect(() => {
    if (!nodeId) return;
    const card = document.getElementById("review-card");
    const active = document.activeElement as HTMLElement | null;
    if (active && card?.contains(active) && active.closest(".field-row")) active.blur();
    if (document.activeElement === document.body || !document.activeElement) card?.focus();
  }, [nodeId, status]);
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
          {!readOnly && <p className="muted keys">{reviewKeyHints()}</p>}
          {q.applied?.correction?.written && (
            <p className="muted">Also recorded for Ingest Assistant in .ingest-metadata-pp.json beside the media.</p>
          )}
          {q.applied?.correction?.problem && (
            <p className="notice" role="status" data-testid="correction-problem">
              Written to the clip, but not recorded for Ingest Assistant: {q.applied.correction.problem}
            </p>
          )}
          <h3>Similar shots</h3>
          <EvidenceList evidence={s.evidence} frameUrls={q.frameUrls ?? []} />
          <TechnicalDetails q={q} />
          {/* last in the card and sticky: Accept and what became of it stay in view at any height */}
          <div className="card-actions" data-testid="card-actions">
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
              </div>
            )}
            <AcceptUndo q={q} />
            {q.status === "applied" && <SaveControls q={q} />}
          </div>
        </>
      ) : (
        q.status === "failed" && <FailedClip q={q} skip={skip} />
      )}
    </section>
  );
}
