// The one way tests (and the benches that drive the store) wait: for a condition, never for a
// stretch of wall time. A condition is polled until it holds; on a busy machine it simply holds
// later. The bound only decides when a wait that will never end gives up, and stays under a
// test's own timeout (vite.config.ts), so that the failure names what was awaited.

/** How long a condition may take: far beyond what any takes on a quiet machine. */
export const CONDITION_TIMEOUT = 20_000;

export interface UntilOptions {
  /** give up after this long; heavy setup in a hook may pass its hook's longer bound */
  timeout?: number;
  /** between two checks */
  interval?: number;
}

// the real clock even when a test has installed fake timers
const { setTimeout: realSetTimeout } = globalThis;

/** Resolves with the check's first truthy value. A check may be async, and may throw until its
 * condition holds: the last error is quoted when the wait gives up. */
export async function until<T>(
  check: () => T | Promise<T>,
  what: string,
  { timeout = CONDITION_TIMEOUT, interval = 10 }: UntilOptions = {},
): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (e) {
      lastError = e;
    }
    if (performance.now() >= deadline) {
      const last = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last}`, { cause: lastError });
    }
    await new Promise((r) => realSetTimeout(r, interval));
  }
}
