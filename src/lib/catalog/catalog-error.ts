// Catalog failures, classified so the panel can say what was wrong and what to do, and the
// outbox can tell "retry later" from "will never succeed as sent".

export type CatalogErrorCode =
  | "INVALID_EMBEDDING"
  | "UNKNOWN_MODEL"
  | "INVALID_METADATA"
  | "LIMIT_EXCEEDED" // the reference carries more than the catalog keeps (reference-limits.ts)
  | "UNKNOWN_SHOT"
  | "NOT_ALLOWED" // signed out, or not staff
  | "AUTH" // token expired or not trusted
  | "UNREACHABLE" // network down, server stopped
  | "SERVER"; // anything else the server reported

export class CatalogError extends Error {
  constructor(
    readonly code: CatalogErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CatalogError";
  }

  /** Worth retrying unchanged later: the request never got a definite answer. */
  get retryable(): boolean {
    return this.code === "UNREACHABLE" || this.code === "SERVER" || this.code === "AUTH";
  }
}

const BY_DETAIL: Record<string, CatalogErrorCode> = {
  invalid_embedding: "INVALID_EMBEDDING",
  unknown_model_version: "UNKNOWN_MODEL",
  invalid_metadata: "INVALID_METADATA",
  limit_exceeded: "LIMIT_EXCEEDED",
  unknown_shot: "UNKNOWN_SHOT",
  not_staff: "NOT_ALLOWED",
  invalid_match_count: "INVALID_EMBEDDING",
};

export interface PostgrestLikeError {
  code?: string;
  message?: string;
  details?: string | null;
  hint?: string | null;
}

/** From supabase-js's { error, status } to a CatalogError. */
export function classify(error: PostgrestLikeError, status: number): CatalogError {
  const message = error.message ?? "catalog request failed";
  const hint = error.hint ?? undefined;
  const byDetail = error.details ? BY_DETAIL[error.details] : undefined;
  if (byDetail) return new CatalogError(byDetail, message, hint);
  if (status === 0 || /fetch failed|Failed to fetch|ECONNREFUSED|NetworkError/i.test(message)) {
    return new CatalogError(
      "UNREACHABLE",
      `The reference catalog cannot be reached: ${message}`,
      "Check the network or the catalog URL; saves are kept and retried.",
    );
  }
  if (error.code?.startsWith("PGRST30")) return new CatalogError("AUTH", message, "Sign in again.");
  if (error.code === "42501") return new CatalogError("NOT_ALLOWED", message, hint ?? "Sign in with a staff account.");
  if (error.code === "23503") return new CatalogError("UNKNOWN_SHOT", message, hint);
  if (error.code === "22000" || error.code === "22P02") return new CatalogError("INVALID_EMBEDDING", message, hint);
  return new CatalogError("SERVER", message, hint);
}
