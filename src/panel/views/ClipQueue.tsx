import type { GrabMethod } from "../../lib/frames/grab-plan";
import type { QueuedClip } from "../store";

const METHOD_LABEL: Record<GrabMethod, string> = {
  "still-file": "still",
  "image-sequence-files": "image sequence",
  "browser-video": "video (in panel)",
  "host-export": "Premiere export",
};

function statusText(q: QueuedClip): string {
  switch (q.status) {
    case "waiting":
      return `waiting · frames via ${METHOD_LABEL[q.plan.methods[0]]}`;
    case "grabbing":
      return "grabbing frames…";
    case "embedding":
      return `embedding frames from ${METHOD_LABEL[q.method!]}…`;
    case "embedded":
      return `${q.detail} · via ${METHOD_LABEL[q.method!]}`;
    case "failed":
      return q.detail ?? "failed";
  }
}

export function ClipQueue({ queue, importMode }: { queue: QueuedClip[]; importMode: "events" | "polling" | null }) {
  return (
    <section className="queue" aria-label="New clips">
      <h2>
        New clips <span className="muted">({queue.length})</span>
        {importMode && <span className="muted"> · watching imports by {importMode}</span>}
      </h2>
      {queue.length === 0 ? (
        <p className="muted">Import clips into the project: they appear here for suggestions.</p>
      ) : (
        <ul data-testid="clip-queue">
          {queue.map((q) => (
            <li key={q.clip.nodeId} data-node-id={q.clip.nodeId} data-status={q.status}>
              <span className="clip-name">{q.clip.name}</span>
              <span className="muted clip-path" title={q.clip.mediaPath ?? ""}>
                {q.clip.treePath}
              </span>
              <span className={q.status === "failed" ? "clip-blocked" : "muted"}>{statusText(q)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
