import { ActionButton, ProgressBar } from "@adobe/react-spectrum";
import { useEffect, useState } from "react";
import { batchProgress } from "../store";
import { usePanel } from "../use-panel";
import { HintedButton } from "./HintedButton";
import { doneWords, etaWords, rateWords } from "./batch-words";
import "./BatchBar.css";

/** The time, renewed every second while a batch runs, for its pace and time left. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

/** Suggest for a bin or a selection; the batch's progress, Cancel and Resume. */
export function BatchBar() {
  const s = usePanel((s) => ({
    batch: s.batch,
    queue: s.queue,
    busy: s.batchBusy,
    error: s.batchError,
    suggestForBin: s.suggestForBin,
    suggestForSelection: s.suggestForSelection,
    cancelBatch: s.cancelBatch,
    resumeBatch: s.resumeBatch,
    dismissBatch: s.dismissBatch,
  }));
  // the clock ticks only while clips are in work: `finished` does not depend on it
  const running = !!s.batch && !s.batch.cancelled && !batchProgress(s.batch, s.queue, 0).finished;
  const now = useNow(running);
  const progress = s.batch && batchProgress(s.batch, s.queue, now);
  return (
    <div className="batch-bar" data-testid="batch-bar">
      <div className="batch-start" role="group" aria-label="Suggest for many clips">
        <span className="muted">Suggest for</span>
        <HintedButton
          isDisabled={s.busy}
          onPress={() => void s.suggestForBin()}
          hint="The bin selected in the Project panel, else the bin of the clip on the card"
        >
          This bin
        </HintedButton>
        <HintedButton
          isDisabled={s.busy}
          onPress={() => void s.suggestForSelection("project")}
          hint="The clips selected in the Project panel, bins included"
        >
          Selection
        </HintedButton>
        <HintedButton
          isDisabled={s.busy}
          onPress={() => void s.suggestForSelection("timeline")}
          hint="The clips selected in the timeline"
        >
          Timeline
        </HintedButton>
      </div>
      {s.error && (
        <p className="notice" role="status" data-testid="batch-error">
          {s.error}
        </p>
      )}
      {s.batch && progress && (
        <div
          data-testid="batch-progress"
          data-state={progress.finished ? "finished" : s.batch.cancelled ? "cancelled" : "running"}
        >
          <ProgressBar
            label={`Batch: ${s.batch.label}`}
            value={progress.done}
            maxValue={Math.max(1, progress.total)}
            valueLabel={`${progress.done} / ${progress.total}`}
            size="S"
            width="100%"
          />
          <div className="batch-progress-line">
            <span className="muted" aria-live="polite">
              {progress.finished
                ? doneWords(s.batch, s.queue)
                : s.batch.cancelled
                  ? `Cancelled · ${progress.cancelled} not started`
                  : [rateWords(progress), etaWords(progress.etaSeconds)].filter(Boolean).join(" · ")}
              {s.batch.alreadyDecided > 0 && ` · ${s.batch.alreadyDecided} already decided, left out`}
            </span>
            {progress.finished ? (
              <ActionButton onPress={s.dismissBatch}>Dismiss</ActionButton>
            ) : s.batch.cancelled ? (
              <ActionButton onPress={s.resumeBatch}>Resume</ActionButton>
            ) : (
              <ActionButton onPress={s.cancelBatch}>Cancel</ActionButton>
            )}
          </div>
          {s.batch.skipped.length > 0 && (
            <details>
              <summary className="muted">{s.batch.skipped.length} left out</summary>
              <ul>
                {s.batch.skipped.map((item) => (
                  <li key={item.nodeId} className="muted">
                    {item.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
