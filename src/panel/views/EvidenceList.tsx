import { useState } from "react";
import type { Evidence } from "../../lib/suggestion";
import { SimilarityBar } from "./SimilarityBar";
import { percent } from "./status-words";

/** A reference's picture: its thumbnail, else the clip's own frame it matched, else a placeholder. */
function EvidenceImage({ evidence, frameUrls }: { evidence: Evidence; frameUrls: string[] }) {
  const [broken, setBroken] = useState(false);
  const src = evidence.thumbnailUrl || frameUrls[evidence.frames[0]] || null;
  if (!src || broken) {
    return (
      <div className="evidence-placeholder" role="img" aria-label="No picture for this reference">
        no picture
      </div>
    );
  }
  return <img src={src} alt="" onError={() => setBroken(true)} className={evidence.thumbnailUrl ? "" : "own-frame"} />;
}

export function EvidenceList({ evidence, frameUrls }: { evidence: Evidence[]; frameUrls: string[] }) {
  if (!evidence.length) return <p className="muted">No similar shots in the catalog yet.</p>;
  return (
    <ul className="evidence" aria-label="Similar shots in the catalog" data-testid="evidence">
      {evidence.slice(0, 8).map((e) => (
        <li key={e.referenceId} data-reference-id={e.referenceId}>
          <EvidenceImage evidence={e} frameUrls={frameUrls} />
          <span className="evidence-similarity">
            <SimilarityBar value={e.similarity} />
            <strong>{percent(e.similarity)} similar</strong>
          </span>
          <span className="muted evidence-name" title={e.filePath}>
            <bdi>{e.filePath?.split(/[\\/]/).pop() ?? e.referenceId}</bdi>
          </span>
          {e.backs.length > 0 && <span className="evidence-backs">{e.backs.join(" · ")}</span>}
        </li>
      ))}
    </ul>
  );
}
