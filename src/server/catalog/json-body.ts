// JSON request bodies, bounded in depth: Node's JSON.stringify (used again to pass a value to
// Postgres) overflows the stack somewhere past a few thousand levels, which used to surface as a
// 500 "Maximum call stack size exceeded". Nothing the panel or the CLI sends is deeper than a few.

/** The deepest nesting of arrays and objects a body may have. */
export const MAX_JSON_DEPTH = 100;

/** A body that is not JSON, or nested too deep; each server answers it in its own error shape. */
export class JsonBodyError extends Error {
  constructor(
    message: string,
    readonly details: string | null,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** How deep the arrays and objects of a JSON text nest, counted without parsing (strings skipped);
 * stops counting once past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** The value of a JSON text (undefined for an empty one), or a JsonBodyError saying what is wrong. */
export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (!text) return undefined;
  if (nestingDepth(text, maxDepth) > maxDepth) {
    throw new JsonBodyError(
      `JSON nested more than ${maxDepth} levels deep`,
      null,
      `Send arrays and objects nested at most ${maxDepth} levels deep.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    // PostgREST's message for a body it cannot parse, with the parser's reason as details
    throw new JsonBodyError("Empty or invalid json", (e as Error).message, "Send the body as valid JSON.");
  }
}
