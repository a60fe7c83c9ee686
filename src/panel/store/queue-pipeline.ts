// The queue's three stages and how many clips each may hold at once (issue #12 §4): frames are
// read ahead of the encoder but never more than FRAMES_AHEAD clips' worth (backpressure: a card
// of 300 clips never holds 300 clips' frames in flight), one clip is embedded at a time (the
// encoder's pool already spreads its frames over workers), and a few clips are matched at once
// (a match is a round trip to the catalog, mostly waiting). One clip's frames are read at a time:
// Premiere exports frames one after another, so two clips read at once both finish late and the
// first clip's suggestion waits for the second's frames (measured: 8.2 s instead of 2.7 s).
import type { GrabbedFrames } from "../frames/grab-frames";

export const PIPELINE_LIMITS = { grabbing: 1, framesAhead: 2, embedding: 1, matching: 3 } as const;

/** Which clips are in which stage now. */
export class PipelineStages {
  /** frames being read */
  readonly grabbing = new Set<string>();
  /** frames read, waiting for the encoder */
  readonly grabbed = new Map<string, GrabbedFrames>();
  readonly embedding = new Set<string>();
  readonly matching = new Set<string>();

  has(nodeId: string): boolean {
    return (
      this.grabbing.has(nodeId) || this.grabbed.has(nodeId) || this.embedding.has(nodeId) || this.matching.has(nodeId)
    );
  }
  get idle(): boolean {
    return !this.grabbing.size && !this.grabbed.size && !this.embedding.size && !this.matching.size;
  }
  /** clips whose frames are read or being read and not yet with the encoder */
  get framesAhead(): number {
    return this.grabbing.size + this.grabbed.size;
  }
}
