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
