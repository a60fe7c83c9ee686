// What one reference may carry (issue 13 §2). The same numbers and messages as the database's
// media_references_private.reference_problem (migration 20251124102000_reference_limits); a test
// compares the two on the same inputs.

export const REFERENCE_LIMITS = {
  filePathChars: 4096,
  textChars: 200,
  keywords: 50,
  keywordChars: 100,
  originalCatalogBytes: 16384,
} as const;

const TEXT_FIELDS = ["location", "subject", "action", "cameraId", "reviewedBy", "reviewedAt", "source"];

/** Characters as Postgres counts them (code points), not UTF-16 units. */
export function chars(text: string): number {
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** JSON as Postgres prints a jsonb value (", " and ": " separators); only its length matters. */
function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => jsonbText(v === undefined ? null : v)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonbText(v)}`).join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** UTF-8 bytes of `value::jsonb::text`, the size the database limits. */
export function jsonbTextBytes(value: unknown): number {
  return new TextEncoder().encode(jsonbText(value)).length;
}

/** Null when the reference is within the limits, else what is too large (the database's words). */
export function referenceProblem(
  filePath: string,
  correctedMetadata: unknown,
  originalCatalog?: unknown,
): string | null {
  const L = REFERENCE_LIMITS;
  const pathChars = typeof filePath === "string" ? chars(filePath) : 0;
  if (pathChars < 1 || pathChars > L.filePathChars) {
    return `"file_path" must be 1 to ${L.filePathChars} characters, got ${pathChars}`;
  }
  if (correctedMetadata !== null && typeof correctedMetadata === "object" && !Array.isArray(correctedMetadata)) {
    const m = correctedMetadata as Record<string, unknown>;
    for (const field of TEXT_FIELDS) {
      const value = m[field];
      if (typeof value === "string" && chars(value) > L.textChars) {
        return `"${field}" is ${chars(value)} characters; at most ${L.textChars} are allowed`;
      }
    }
    if (Array.isArray(m.keywords)) {
      if (m.keywords.length > L.keywords) {
        return `"keywords" has ${m.keywords.length} entries; at most ${L.keywords} are allowed`;
      }
      for (let i = 0; i < m.keywords.length; i++) {
        const keyword: unknown = m.keywords[i];
        if (typeof keyword === "string" && chars(keyword) > L.keywordChars) {
          return `keyword ${i + 1} is ${chars(keyword)} characters; at most ${L.keywordChars} are allowed`;
        }
      }
    }
  }
  if (originalCatalog !== undefined && originalCatalog !== null) {
    const bytes = jsonbTextBytes(originalCatalog);
    if (bytes > L.originalCatalogBytes) {
      return `"original_catalog" is ${bytes} bytes as JSON; at most ${L.originalCatalogBytes} are allowed`;
    }
  }
  return null;
}
