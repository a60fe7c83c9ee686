// The store's name for its embedder until the store rewrite lands: any Embedder will do.
export type { Embedder as EmbeddingClient } from "./embedder";
