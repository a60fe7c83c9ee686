import { useState } from "react";
import { SUGGESTED_FIELDS, type Evidence, type SuggestedField } from "../../lib/suggestion";
import { correctionName } from "./correction-words";
import "./EvidenceList.css";
import { OlderReferencesOffer } from "./OlderReferencesOffer";
import { SimilarityBar } from "./SimilarityBar";
import { percent } from "./status-words";

const LABEL: Record<SuggestedField, string> = {
  location: "Location",
  subject: "Subject",
  action: "Action",
  shotType: "Shot type",
};

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

/** Every field of the reference, the empty and the disagreeing ones too (issue 22 §4). */
function EvidenceValues({ e }: { e: Evidence }) {
  return (
    <dl className="evidence-values">
      {SUGGESTED_FIELDS.map((f) => {
        const differs = e.disagrees?.includes(f);
        const older = e.superseded?.includes(f);
        return (
          <div key={f} className={differs ? "differs" : undefined} data-field={f}>
            <dt>{LABEL[f]}</dt>
            <dd>
              {e.values?.[f] || <span className="muted">none</span>}
              {differs && <span className="visually-hidden"> (differs from the suggestion)</span>}
              {older && (
                <span className="muted" title="A newer correction of its planned shot counts in its place">
                  {" "}
                  · older
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function EvidenceList({ evidence, frameUrls }: { evidence: Evidence[]; frameUrls: string[] }) {
  if (!evidence.length) return <p className="muted">No similar shots in the catalog yet.</p>;
  // what the vote says besides the four fields: keywords and the planned shot
  const others = (e: Evidence) => e.backs.filter((b) => b.startsWith("keywords:") || b.startsWith("shot #"));
  return (
    <>
      <OlderReferencesOffer evidence={evidence} />
      <ul className="evidence" aria-label="Similar shots in the catalog" data-testid="evidence">
        {evidence.slice(0, 8).map((e) => (
          <li
            key={e.referenceId}
            data-reference-id={e.referenceId}
            className={e.newestOfShot ? "newest-correction" : undefined}
          >
            <EvidenceImage evidence={e} frameUrls={frameUrls} />
            <span className="evidence-similarity">
              <SimilarityBar value={e.similarity} />
              <strong>{percent(e.similarity)} similar</strong>
            </span>
            {e.newestOfShot && e.correctedAt && (
              <span className="evidence-correction" data-testid="newest-correction">
                {capitalised(correctionName(!!e.correctedByYou, e.correctedAt))} · newest of its shot
              </span>
            )}
            <span className="muted evidence-name" title={e.filePath}>
              <bdi>{e.filePath?.split(/[\\/]/).pop() ?? e.referenceId}</bdi>
            </span>
            {e.values && <EvidenceValues e={e} />}
            {others(e).length > 0 && <span className="evidence-backs">{others(e).join(" · ")}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
