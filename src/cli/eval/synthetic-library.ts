// A corrected library of synthetic clustered embeddings, for the relabelling scenario where no
// real CLIP model can be downloaded: one cluster per planned shot (bench/lib's clustered vectors),
// several views of each, locations shared by several shots, and each view's frames drawn near its
// shot as a clip's frames would be. Deterministic for a given seed.
import { clusteredSet, rng } from "../../testing/clustered-embeddings";
import type { IaShotType } from "../../shared/metadata/ia-metadata";
import type { EvalItem } from "./evaluate";

const LOCATIONS = ["kitchen", "bathroom", "hallway", "garden", "boiler room", "living room", "bedroom", "garage"];
const SHOT_TYPES: IaShotType[] = ["WS", "MID", "CU", "UNDER", "FP", "TRACK", "ESTAB"];

export interface SyntheticOptions {
  shots?: number;
  views?: number;
  /** spread of a view around its shot (bench/lib's noise: larger means shots overlap more) */
  noise?: number;
  framesPerView?: number;
  seed?: number;
}

export const SYNTHETIC_MODEL = "synthetic/clustered-512";

export function syntheticLibrary(options: SyntheticOptions = {}): EvalItem[] {
  const { shots = 40, views = 6, noise = 2.5, framesPerView = 2, seed = 42 } = options;
  const set = clusteredSet(shots * views, shots, noise, 512, seed);
  const rand = rng(seed + 1);
  const items: EvalItem[] = [];
  for (let i = 0; i < shots * views; i++) {
    const c = set.clusterOf[i];
    items.push({
      id: `synthetic#${i}`,
      frames: Array.from({ length: framesPerView }, () => set.near(c, rand)),
      pooled: set.point(i),
      truth: {
        location: LOCATIONS[c % LOCATIONS.length],
        subject: `subject ${c}`,
        action: `action ${c % 5}`,
        shotType: SHOT_TYPES[c % SHOT_TYPES.length],
        shotNumber: c + 1,
      },
      shotKey: `synthetic#${c}`,
    });
  }
  return items;
}
