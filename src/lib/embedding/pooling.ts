// Embeddings come out of transformers.js unnormalized (docs/facts/measured.md): normalize each, and pool a
// clip's frames as the renormalized mean.

export function l2normalize(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  const norm = Math.sqrt(sum) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] / norm;
  return out;
}

export function meanEmbedding(vectors: ArrayLike<number>[]): Float32Array {
  if (vectors.length === 0) throw new Error("cannot pool zero embeddings");
  const dims = vectors[0].length;
  const sum = new Float32Array(dims);
  for (const v of vectors) {
    if (v.length !== dims) throw new Error(`embedding sizes differ: ${v.length} vs ${dims}`);
    for (let i = 0; i < dims; i++) sum[i] += v[i];
  }
  return l2normalize(sum);
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}
