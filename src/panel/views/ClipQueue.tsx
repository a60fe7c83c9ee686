import { ActionButton } from "@adobe/react-spectrum";
import { memo, useEffect } from "react";
import type { QueuedClip } from "../store";
import { usePanel } from "../use-panel";
import { BatchBar } from "./BatchBar";
import { SimilarityBar } from "./SimilarityBar";
import { percent, statusWords } from "./status-words";

const optionId = (nodeId: string) => `clip-${nodeId.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/** How close the nearest reference is: what an editor glances at before opening the card. */
const nearest = (q: QueuedClip): number | null =>
  q.suggestion?.evidence.length ? Math.max(...q.suggestion.evidence.map((e) => e.similarity)) : null;

/** One row; memoised: a batch changes one clip at a time, and a card of hundreds of rows must
 * not re-render whole on every step (the store keeps unchanged clips' objects). */
const ClipRow = memo(function ClipRow(props: { q: QueuedClip; selected: boolean; select: (nodeId: string) => void }) {
  const { q, selected, select } = props;
  const near = nearest(q);
  return (
    <li
      id={optionId(q.clip.nodeId)}
      role="option"
      aria-selected={selected}
      data-node-id={q.clip.nodeId}
      data-status={q.refining ? "refining" : q.status}
      className={selected ? "selected" : undefined}
      onClick={() => select(q.clip.nodeId)}
    >
      {q.frameUrls?.[0] ? (
        <img className="clip-thumb" src={q.frameUrls[0]} alt="" />
      ) : (
        <span className="clip-thumb" aria-hidden="true" />
      )}
      <span className="clip-text">
        {/* rtl + bdi: a long name is cut at its start, so its end (take, extension) stays visible */}
        <span className="clip-name" title={q.clip.name}>
          <bdi>{q.clip.name}</bdi>
        </span>
        <span className={`clip-status status-${q.status}`}>{statusWords(q)}</span>
        {near !== null && (
          <span className="clip-nearest">
            <SimilarityBar value={near} />
            <span className="muted">nearest {percent(near)}</span>
          </span>
        )}
      </span>
    </li>
  );
});

/** The clips waiting for, or done with, a suggestion. Up/down moves between them (App). */
export function ClipQueue() {
  const { queue, selectedId, importMode, select, saveFrameAtPlayhead, timelineBusy, timelineError } = usePanel((s) => ({
    queue: s.queue,
    selectedId: s.selectedId,
    importMode: s.importMode,
    select: s.select,
    saveFrameAtPlayhead: s.saveFrameAtPlayhead,
    timelineBusy: s.timelineBusy,
    timelineError: s.timelineError,
  }));
  const open = queue.filter((q) => q.status === "suggested").length;
  // the selected clip stays in view as ↑↓ move through a long list
  useEffect(() => {
    if (selectedId) document.getElementById(optionId(selectedId))?.scrollIntoView?.({ block: "nearest" });
  }, [selectedId]);
  return (
    // "Clips", not "New clips": a batch on a bin or a selection lists clips imported long ago too
    <section className="queue" aria-label="Clips">
      <h2>
        Clips <span className="muted">({queue.length})</span>
        {open > 0 && <span className="muted"> · {open} to review</span>}
      </h2>
      <BatchBar />
      <div className="timeline-save">
        <ActionButton onPress={() => void saveFrameAtPlayhead()} isDisabled={timelineBusy}>
          {timelineBusy ? "Reading the frame at the playhead…" : "Save frame at playhead"}
        </ActionButton>
        {timelineError && (
          <p className="notice" role="status" data-testid="timeline-error">
            {timelineError}
          </p>
        )}
      </div>
      {queue.length === 0 ? (
        <p className="muted">
          {importMode ? "Import clips into the project: they appear here with suggestions." : "Opening the project…"}
        </p>
      ) : (
        <ul
          data-testid="clip-queue"
          role="listbox"
          aria-label="Clips"
          tabIndex={0}
          aria-activedescendant={selectedId ? optionId(selectedId) : undefined}
        >
          {queue.map((q) => (
            <ClipRow key={q.clip.nodeId} q={q} selected={q.clip.nodeId === selectedId} select={select} />
          ))}
        </ul>
      )}
    </section>
  );
}
