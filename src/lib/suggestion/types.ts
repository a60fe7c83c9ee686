// The words of the suggestion step (docs/glossary.md): a clip's frames each have neighbours —
// references the catalog found similar — and the vote over them is the clip's suggestion.
import type { IaMetadata, IaShotType, LockableField } from "../../shared/metadata/ia-metadata";

/** A planned shot of EAV's public.shots, as the catalog exposes it. */
export interface Shot {
  id: string;
  shotNumber: number | null;
  shotType: string | null;
  subject: string | null;
  action: string | null;
  shotStatus: string | null;
  movementType: string | null;
}

/** One reference the catalog found near one embedding (a frame's, or a text's), with its
 * corrected metadata: what every match of the catalog and of its offline copy answers. */
export interface Neighbour {
  referenceId: string;
  similarity: number;
  metadata: IaMetadata;
  shot: Shot | null;
  filePath?: string;
  thumbnailUrl?: string | null;
  /** when known: neighbours of another model version are never compared */
  modelVersion?: string;
  /** when a person last corrected this reference (ISO 8601); orders corrections of one shot */
  correctedAt?: string;
  /** the signed-in person made that correction */
  correctedByYou?: boolean;
}

/** The fields the vote proposes one value for. Keywords and the shot are voted apart. */
export const SUGGESTED_FIELDS = ["location", "subject", "action", "shotType"] as const;
export type SuggestedField = (typeof SUGGESTED_FIELDS)[number];

/** How a reference backs a proposed value. */
export interface Support {
  referenceId: string;
  similarity: number;
  /** this reference's share of the value's vote, 0..1 */
  weight: number;
}

export interface FieldSuggestion {
  field: SuggestedField;
  /** the proposed value; null when the vote abstained (below the threshold) */
  value: string | null;
  /** calibrated probability that the value is right, 0..1 */
  confidence: number;
  /** what the clip holds now ("" when empty) */
  current: string;
  locked: boolean;
  /** true when Accept may write it without a click: nothing entered, not locked, not abstained */
  fillsEmpty: boolean;
  support: Support[];
  /** the runners-up, for the editor's dropdown */
  alternatives: Array<{ value: string; confidence: number }>;
  /** what the similar references say, when they do not all say the same (else null) */
  disagreement?: Disagreement | null;
}

/** The similar references' own values for one field, when they differ. */
export interface Disagreement {
  /** each value with how many references say it, most first */
  values: Array<{ value: string; references: number }>;
  /** the newest correction of a planned shot among them that differs from older ones */
  correction: { value: string; correctedAt: string; byYou: boolean; referenceId: string } | null;
}

export interface KeywordSuggestion {
  value: string;
  confidence: number;
  support: Support[];
}

export interface ShotSuggestion {
  shot: Shot;
  confidence: number;
  /** IA's shot type for this shot, through the explicit IA ↔ EAV mapping (docs/facts/eav-shots.md) */
  iaShotType: IaShotType | null;
  support: Support[];
}

/** A reference shown as evidence: its best similarity to any frame and what it backs. */
export interface Evidence {
  referenceId: string;
  similarity: number;
  filePath?: string;
  thumbnailUrl?: string | null;
  /** "subject: oven", "shot #3", … */
  backs: string[];
  /** its own value for every field, empty ones included ("" when it has none) */
  values: Record<SuggestedField, string>;
  /** the fields on which it says otherwise than the suggestion */
  disagrees: SuggestedField[];
  correctedAt?: string;
  correctedByYou?: boolean;
  /** the newest correction of its planned shot among the similar references */
  newestOfShot: boolean;
  /** fields on which a newer correction of its shot outweighs it (docs/adr/0012) */
  superseded: SuggestedField[];
  /** the frames (0-based) it was a neighbour of */
  frames: number[];
}

export interface Suggestion {
  modelVersion: string;
  fields: Record<SuggestedField, FieldSuggestion>;
  keywords: KeywordSuggestion[];
  /** keywords the clip already has */
  currentKeywords: string[];
  shot: ShotSuggestion | null;
  evidence: Evidence[];
  framesUsed: number;
  /** false when the catalog held too few references of this model version to calibrate */
  calibrated: boolean;
  /** neighbours left out because they came from another model version */
  ignoredOtherModel: number;
}

/** What the clip holds now, as read from its XMP. */
export interface CurrentMetadata extends Partial<IaMetadata> {
  lockedFields?: LockableField[];
}
