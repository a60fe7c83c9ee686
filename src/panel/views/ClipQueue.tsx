import type { GrabMethod } from "../../lib/frames/grab-plan";
import type { QueuedClip } from "../store";

const METHOD_LABEL: Record<GrabMethod, string> = {
  "still-file": "still",
  "image-sequence-files": "image sequence",
  "browser-video": "video (in panel)",
  "host-export": "Premiere export",
};

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
          {queue.map(({ clip, plan }) => (
            <li key={clip.nodeId} data-node-id={clip.nodeId}>
              <span className="clip-name">{clip.name}</span>
              <span className="muted clip-path" title={clip.mediaPath ?? ""}>{clip.treePath}</span>
              {plan.blocked ? (
                <span className="clip-blocked">{plan.blocked}</span>
              ) : (
                <span className="muted">frames via {METHOD_LABEL[plan.methods[0]]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
