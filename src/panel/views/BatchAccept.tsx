import { ActionButton, Button, ProgressBar, Slider } from "@adobe/react-spectrum";
import { panelKeyOf } from "../keys/panel-keys";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { groupWrites, planBatchAccept, selectBatchConfidence, type BatchOutcome, type BatchPlan } from "../store";
import { usePanel } from "../use-panel";
import { percent } from "./status-words";
import "./BatchAccept.css";

const FIELD_WORDS: Record<string, string> = {
  location: "Location",
  subject: "Subject",
  action: "Action",
  shotType: "Shot type",
  keywords: "Keywords",
};

/** A value as the summary shows it: nothing as "(empty)". */
const shown = (_field: string, value: string) => value || "(empty)";

/** The batch review mode: pick a confidence, read what will be written, confirm; undo after. */
export function BatchAccept() {
  const s = usePanel((s) => ({
    queue: s.queue,
    batchConfidence: selectBatchConfidence(s),
    setBatchConfidence: s.setBatchConfidence,
    progress: s.batchAcceptProgress,
    outcome: s.batchOutcome,
    undo: s.batchUndo,
    acceptBatch: s.acceptBatch,
    undoBatch: s.undoBatch,
    dismiss: s.dismissBatchOutcome,
  }));
  const [open, setOpen] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const suggested = s.queue.filter((q) => q.status === "suggested").length;
  const plan = useMemo(
    () => (open ? planBatchAccept(s.queue, s.batchConfidence) : null),
    [open, s.queue, s.batchConfidence],
  );
  useEffect(() => {
    if (open) summaryRef.current?.focus();
  }, [open]);

  // the panel's own keys (↑↓ move, Enter accepts one clip) must not act while the editor is here
  const keepKeys = (e: KeyboardEvent) => {
    if (e.key === "Escape" && open) setOpen(false);
    const key = panelKeyOf(e.nativeEvent);
    if (key && key.id !== "putBackEdit" && !key.id.startsWith("focus") && key.id !== "pressButton") e.stopPropagation();
  };

  if (!suggested && !s.undo && !s.progress && !s.outcome) return null;
  return (
    <section className="batch-accept" aria-label="Batch accept" onKeyDown={keepKeys} data-testid="batch-accept">
      {s.progress ? (
        <ProgressBar
          label={s.progress.action === "accept" ? "Writing the batch" : "Putting the clips back"}
          value={s.progress.done}
          maxValue={s.progress.total}
          valueLabel={`${s.progress.done} of ${s.progress.total} clips`}
          size="S"
          width="100%"
        />
      ) : (
        <div className="batch-bar">
          {!open && suggested > 0 && (
            <ActionButton onPress={() => setOpen(true)}>Batch accept… ({suggested} to review)</ActionButton>
          )}
          {s.undo && (
            <ActionButton onPress={() => void s.undoBatch()} data-testid="undo-batch">
              Undo batch accept ({s.undo.clips.length} clip{s.undo.clips.length === 1 ? "" : "s"})
            </ActionButton>
          )}
        </div>
      )}
      {s.outcome && !s.progress && <Outcome outcome={s.outcome} dismiss={s.dismiss} />}
      {open && plan && !s.progress && (
        <div className="batch-summary" ref={summaryRef} tabIndex={-1} data-testid="batch-summary">
          <Slider
            label="Accept suggestions at or above"
            minValue={50}
            maxValue={99}
            value={Math.round(s.batchConfidence * 100)}
            onChange={(v) => s.setBatchConfidence(v / 100)}
            getValueLabel={(v) => `${v} %`}
            width="100%"
          />
          <p>
            <strong>
              {plan.accept.length} clip{plan.accept.length === 1 ? "" : "s"} will be written
            </strong>
            {plan.left.length > 0 && <>; {plan.left.length} left for review</>}. Locked fields keep their values.
          </p>
          <NotWritten plan={plan} />
          {plan.accept.length > 0 && (
            <ul className="batch-groups" aria-label="What will be written" tabIndex={0}>
              {groupWrites(plan).map((g) => (
                <li key={`${g.field}:${g.value}`}>
                  <span className="field-label">{FIELD_WORDS[g.field]}</span> <bdi>{shown(g.field, g.value)}</bdi>{" "}
                  <span className="muted">
                    · {g.clips} clip{g.clips === 1 ? "" : "s"}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {plan.accept.length > 0 && (
            <details>
              <summary>Per clip</summary>
              <ul className="batch-clips" aria-label="Clips that will be written" tabIndex={0}>
                {plan.accept.map((c) => (
                  <li key={c.nodeId}>
                    <bdi className="clip-name">{c.name}</bdi> <span className="muted">{percent(c.confidence)}</span>
                    <div className="muted">
                      {c.writes.map((w) => `${FIELD_WORDS[w.field]}: ${shown(w.field, w.value)}`).join(" · ")}
                      {c.locked.length > 0 && ` · locked, kept: ${c.locked.map((f) => FIELD_WORDS[f] ?? f).join(", ")}`}
                      {c.leftOut.length > 0 && ` · not written: ${c.leftOut.join(", ")}`}
                    </div>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {plan.left.length > 0 && (
            <details>
              <summary>Left for review</summary>
              <ul className="batch-clips" aria-label="Clips left for review" tabIndex={0}>
                {plan.left.map((c) => (
                  <li key={c.nodeId}>
                    <bdi className="clip-name">{c.name}</bdi> <span className="muted">{c.reason}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {s.undo && (
            <p className="muted">
              This batch's undo replaces the undo of the previous batch ({s.undo.clips.length} clips).
            </p>
          )}
          <div className="actions">
            <Button
              variant="accent"
              isDisabled={!plan.accept.length}
              onPress={() => {
                setOpen(false);
                void s.acceptBatch(plan);
              }}
            >
              Write {plan.accept.length} clip{plan.accept.length === 1 ? "" : "s"}
            </Button>
            <ActionButton onPress={() => setOpen(false)}>Cancel</ActionButton>
          </div>
        </div>
      )}
    </section>
  );
}

/** What the clips' cards suggest that this batch leaves out, said before the editor writes. */
function NotWritten({ plan }: { plan: BatchPlan }) {
  const shots = plan.accept.filter((c) => c.leftOut.some((l) => l.startsWith("planned shot"))).length;
  const keywords = plan.accept.reduce((n, c) => n + c.leftOut.filter((l) => l.startsWith("keyword")).length, 0);
  if (!shots && !keywords) return null;
  return (
    <p className="muted" data-testid="batch-not-written">
      Not written:{" "}
      {[
        shots > 0 &&
          `the planned shot of ${shots} clip${shots === 1 ? "" : "s"} (a batch writes the clip's fields; a planned shot is linked when you save a clip as a reference)`,
        keywords > 0 && `${keywords} keyword${keywords === 1 ? "" : "s"} below ${percent(plan.threshold)}`,
      ]
        .filter(Boolean)
        .join("; ")}
      .
    </p>
  );
}

function Outcome({ outcome, dismiss }: { outcome: BatchOutcome; dismiss: () => void }) {
  const verb = outcome.action === "accept" ? "written" : "put back";
  return (
    <div className="batch-outcome" role="status" data-testid="batch-outcome">
      <p>
        {outcome.done} clip{outcome.done === 1 ? "" : "s"} {verb}.
        {outcome.failed.length > 0 && ` ${outcome.failed.length} failed.`}
        {outcome.kept.length > 0 && ` ${outcome.kept.length} left as they are.`}
        {!!outcome.notRecorded?.length && ` ${outcome.notRecorded.length} not recorded for Ingest Assistant.`}
        {outcome.undoNotStored && " The undo is kept only until the panel closes."}
      </p>
      {[...outcome.failed, ...outcome.kept, ...(outcome.notRecorded ?? [])].length > 0 && (
        <ul className="batch-clips" aria-label="Clips not done" tabIndex={0}>
          {[...outcome.failed, ...outcome.kept, ...(outcome.notRecorded ?? [])].map((c) => (
            <li key={c.nodeId}>
              <bdi className="clip-name">{c.name}</bdi> <span className="notice">{c.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <ActionButton isQuiet onPress={dismiss}>
        Dismiss
      </ActionButton>
    </div>
  );
}
