// Clustered synthetic 512-d unit vectors: uniform random vectors have no neighbours, so recall
// on them means nothing (docs/facts/measured.md). Deterministic for a given seed.

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
}

function normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

export interface ClusteredSet {
  dims: number;
  centres: Float32Array[];
  /** flat row-major vectors, n × dims */
  data: Float32Array;
  clusterOf: Uint32Array;
  point(i: number): Float32Array;
  /** a fresh point near a random centre */
  query(rand: () => number): Float32Array;
  /** a fresh point near centre c */
  near(c: number, rand: () => number): Float32Array;
}

export function clusteredSet(n: number, clusters: number, noise = 0.6, dims = 512, seed = 42): ClusteredSet {
  const rand = rng(seed);
  const centres = Array.from({ length: clusters }, () =>
    normalize(Float32Array.from({ length: dims }, () => gaussian(rand))),
  );
  const sample = (c: number, r: () => number) => {
    const v = new Float32Array(dims);
    const centre = centres[c];
    const scale = noise / Math.sqrt(dims);
    for (let d = 0; d < dims; d++) v[d] = centre[d] + scale * gaussian(r);
    return normalize(v);
  };
  const data = new Float32Array(n * dims);
  const clusterOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * clusters);
    clusterOf[i] = c;
    data.set(sample(c, rand), i * dims);
  }
  return {
    dims,
    centres,
    data,
    clusterOf,
    point: (i) => data.subarray(i * dims, (i + 1) * dims),
    query: (r) => sample(Math.floor(r() * clusters), r),
    near: (c, r) => sample(c, r),
  };
}

/** Exact top-k by cosine (vectors are unit length, so dot product). */
export function exactTopK(set: ClusteredSet, q: Float32Array, k: number): number[] {
  const n = set.data.length / set.dims;
  const best: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    let dot = 0;
    const off = i * set.dims;
    for (let d = 0; d < set.dims; d++) dot += set.data[off + d] * q[d];
    if (best.length < k || dot > best[best.length - 1][1]) {
      best.push([i, dot]);
      best.sort((a, b) => b[1] - a[1]);
      if (best.length > k) best.pop();
    }
  }
  return best.map(([i]) => i);
}
