// Failed password sign-ins slow the guessing, never the person with the right password
// (ADR-0026). Each account has its own streak of failures: after `perEmail` of them, every further
// try waits, twice as long after each failure. An address that has failed `perAddress` times
// (against any accounts) is guessing across accounts: from then on each account it fails gets its
// wait at once (after one failure, not `perEmail`), and its failures are answered 429. What an
// address did never delays an account nobody failed on, so a correct password still signs in.

export interface SignInLimits {
  /** failures an account may have before each further try waits */
  perEmail: number;
  /** failures from one address, against any accounts, after which it is slowed (see above) */
  perAddress: number;
  /** the first wait; it doubles with each further failure, up to maxDelayMs */
  baseDelayMs: number;
  maxDelayMs: number;
  /** failures are forgotten after this long without a new one (accounts) or since each (addresses) */
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perEmail: 5,
  perAddress: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};

interface AccountFailures {
  count: number;
  last: number;
  /** failures before the wait starts: perEmail, or 1 once an address over its limit failed here */
  allowance: number;
}

export interface FailureOutcome {
  /** the address is over its limit: answer 429 with retryAfter, not a plain failure */
  addressSlowed: boolean;
  /** seconds until this account may try again (at least 1 when addressSlowed) */
  retryAfter: number;
}

/** Past this many accounts or addresses tracked, the forgotten ones are dropped. */
const PRUNE_AT = 10_000;

export class SignInLimiter {
  private readonly accounts = new Map<string, AccountFailures>();
  private readonly addresses = new Map<string, number[]>();

  private readonly limits: SignInLimits;

  constructor(
    limits: Partial<SignInLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
  }

  /** Seconds until this account may try again, or 0: it depends on the account's own failures only. */
  retryAfter(email: string): number {
    const account = this.account(email);
    if (!account || account.count < account.allowance) return 0;
    const delay = Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** (account.count - account.allowance));
    return Math.max(0, Math.ceil((account.last + delay - this.now()) / 1000));
  }

  recordFailure(email: string, address: string): FailureOutcome {
    const now = this.now();
    const since = now - this.limits.windowMs;
    const fromAddress = [...(this.addresses.get(address) ?? []).filter((t) => t > since), now];
    // only the latest perAddress failures matter to the limit
    this.addresses.set(address, fromAddress.slice(-this.limits.perAddress));
    const addressSlowed = fromAddress.length > this.limits.perAddress;

    const key = email.toLowerCase();
    const account = this.account(email) ?? { count: 0, last: now, allowance: this.limits.perEmail };
    account.count++;
    account.last = now;
    if (addressSlowed) account.allowance = 1;
    this.accounts.set(key, account);
    this.prune();
    return { addressSlowed, retryAfter: addressSlowed ? Math.max(1, this.retryAfter(email)) : this.retryAfter(email) };
  }

  /** A correct password ends the account's streak (not the address's count). */
  recordSuccess(email: string): void {
    this.accounts.delete(email.toLowerCase());
  }

  /** The account's failures, unless forgotten (none for windowMs). */
  private account(email: string): AccountFailures | undefined {
    const account = this.accounts.get(email.toLowerCase());
    if (account && this.now() - account.last >= this.limits.windowMs) {
      this.accounts.delete(email.toLowerCase());
      return undefined;
    }
    return account;
  }

  private prune(): void {
    const since = this.now() - this.limits.windowMs;
    if (this.accounts.size > PRUNE_AT) {
      for (const [key, a] of this.accounts) if (a.last <= since) this.accounts.delete(key);
    }
    if (this.addresses.size > PRUNE_AT) {
      for (const [key, times] of this.addresses) if (times[times.length - 1] <= since) this.addresses.delete(key);
    }
  }
}
