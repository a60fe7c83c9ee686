// Test embeddings, made one way: unit vectors near an axis or a seeded random centre, with seeded
// noise, so that neighbours exist where a test wants them and every run sees the same numbers.

/** A seeded generator of numbers in [-1, 1) (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

export interface VectorSpec {
  /** 512: CLIP ViT-B/32's */
  dims?: number;
  /** where the vector points: an axis, or a centre (e.g. randomCentre's) */
  axis?: number;
  centre?: ArrayLike<number>;
  /** a little of other axes too */
  extra?: Array<{ axis: number; weight: number }>;
  /** each dimension moves by up to ±noise, seeded by `seed` */
  noise?: number;
  seed?: number;
}

/** A unit vector as specified. */
export function unitVector({ dims = 512, axis, centre, extra = [], noise = 0, seed = 1 }: VectorSpec): Float32Array {
  const v = new Float32Array(dims);
  const rand = seededRandom(seed);
  for (let i = 0; i < dims; i++) v[i] = (centre?.[i] ?? 0) + noise * rand();
  if (axis !== undefined) v[axis] += 1;
  for (const e of extra) v[e.axis] += e.weight;
  return normalised(v);
}

/** A seeded random point, each component in [-1, 1): the centre of a cluster of references
 * (noise is measured against those components). */
export function randomCentre(seed: number, dims = 512): Float32Array {
  return Float32Array.from({ length: dims }, seededRandom(seed ^ 0x5bd1e995));
}

function normalised(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const n = Math.sqrt(sum);
  return v.map((x) => x / n);
}
