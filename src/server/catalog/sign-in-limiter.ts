// Failed password sign-ins, counted per email and per client address over a sliding window, so
// guessing a local user's password is slow from one address and against one account.

export interface SignInLimits {
  perEmail: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perEmail: 5, perAddress: 20, windowMs: 15 * 60_000 };

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(email: string, address: string): number {
    const waits = [
      this.wait(`email:${email.toLowerCase()}`, this.limits.perEmail),
      this.wait(`address:${address}`, this.limits.perAddress),
    ];
    return Math.max(...waits);
  }

  recordFailure(email: string, address: string): void {
    for (const key of [`email:${email.toLowerCase()}`, `address:${address}`]) {
      this.failures.set(key, [...this.recent(key), this.now()]);
    }
  }

  /** A correct password clears that account's count (not the address's). */
  recordSuccess(email: string): void {
    this.failures.delete(`email:${email.toLowerCase()}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private wait(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - limit] + this.limits.windowMs - this.now()) / 1000));
  }
}
