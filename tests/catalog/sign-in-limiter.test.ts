// Failed sign-ins slow guessing without locking anyone out (issue 20 §6): failures against other
// accounts never hold back a correct password; an account's wait grows with its own failures; an
// address guessing across accounts is still slowed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter } from "../../src/server/catalog/sign-in-limiter";

const randomEmail = () => `${crypto.randomUUID()}@spray.example`;

describe("SignInLimiter", () => {
  function limiter(limits = {}) {
    let now = 1_000_000;
    const l = new SignInLimiter(
      { perEmail: 5, perAddress: 20, baseDelayMs: 1000, maxDelayMs: 60_000, ...limits },
      () => now,
    );
    return { l, advance: (ms: number) => (now += ms) };
  }

  it("lets an account fail perEmail times, then doubles its wait with each further failure, up to the cap", () => {
    const { l, advance } = limiter();
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      l.recordFailure("editor@eav.local", `10.0.0.${i}`); // from many addresses: the account's own count
      waits.push(l.retryAfter("EDITOR@eav.local"));
      advance(waits[i] * 1000); // wait as told
    }
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]);
    expect(l.retryAfter("admin@eav.local")).toBe(0);
  });

  it("forgets an account's failures after windowMs without one, and on a correct password", () => {
    const { l, advance } = limiter({ windowMs: 10 * 60_000 });
    for (let i = 0; i < 6; i++) l.recordFailure("editor@eav.local", "10.0.0.1");
    expect(l.retryAfter("editor@eav.local")).toBe(2);
    advance(10 * 60_000);
    expect(l.retryAfter("editor@eav.local")).toBe(0);
    for (let i = 0; i < 6; i++) l.recordFailure("editor@eav.local", "10.0.0.1");
    l.recordSuccess("editor@eav.local");
    expect(l.retryAfter("editor@eav.local")).toBe(0);
  });

  it("never delays an account for failures against other accounts from the same address", () => {
    const { l } = limiter();
    for (let i = 0; i < 500; i++) l.recordFailure(randomEmail(), "127.0.0.1");
    expect(l.retryAfter("editor@eav.local")).toBe(0);
  });

  it("slows an address over its limit: each account it fails waits after one failure, and it is told to wait", () => {
    const { l } = limiter();
    for (let i = 0; i < 20; i++) expect(l.recordFailure(randomEmail(), "10.6.6.6").addressSlowed).toBe(false);
    const sprayed = l.recordFailure("admin@eav.local", "10.6.6.6");
    expect(sprayed).toEqual({ addressSlowed: true, retryAfter: 1 });
    expect(l.retryAfter("admin@eav.local")).toBe(1);
    // from a quiet address the same failure costs nothing yet
    l.recordFailure("client@eav.local", "10.1.1.1");
    expect(l.retryAfter("client@eav.local")).toBe(0);
  });

  it("keeps the documented defaults", () => {
    expect(DEFAULT_SIGN_IN_LIMITS).toMatchObject({ perEmail: 5, perAddress: 20 });
  });
});

describe("sign-in over HTTP, everyone on 127.0.0.1", () => {
  let catalog: RunningCatalog;
  beforeAll(async () => {
    // the default limits, with a first wait long enough that no test outruns it
    catalog = await startCatalogServer({
      localPassword: "right-password",
      signInLimits: { ...DEFAULT_SIGN_IN_LIMITS, baseDelayMs: 60_000 },
    });
  });
  afterAll(async () => catalog?.close());

  const signIn = (email: string, password: string) =>
    fetch(`${catalog.url}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: { "content-type": "application/json", apikey: catalog.anonKey },
      body: JSON.stringify({ email, password }),
    });

  it("lets the editor in at once after 25 failures with random e-mails, then still slows the spray", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await signIn(randomEmail(), "guess")).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
    // past the address's limit (20) every failure is answered 429, with when to try again
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));

    expect((await signIn("editor@eav.local", "right-password")).status).toBe(200);

    // the spray goes on: each account it fails now waits after that one failure, not after five
    const failed = await signIn("client@eav.local", "guess");
    expect(failed.status).toBe(429);
    expect(Number(failed.headers.get("retry-after"))).toBeGreaterThanOrEqual(60);
    const retried = await signIn("client@eav.local", "right-password");
    expect(retried.status).toBe(429);
    expect(await retried.json()).toMatchObject({
      error_code: "over_request_rate_limit",
      msg: expect.stringMatching(/for this account; try again in \d+ s/),
    });
    // the editor, whom nobody failed on, is still let in
    expect((await signIn("editor@eav.local", "right-password")).status).toBe(200);
  });
});
