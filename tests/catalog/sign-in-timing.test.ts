// Sign-in must not tell which accounts exist by how long it takes: an unknown e-mail costs the
// same scrypt work as a wrong password for a real account (issue 20's note).
import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "../../src/server/catalog/local-users";

afterEach(() => vi.restoreAllMocks());

describe("password checks", () => {
  it("hash once for a wrong password, and once for an account that does not exist", async () => {
    const stored = await hashPassword("right horse battery");
    const hashes = vi.spyOn(crypto, "scrypt");

    expect(await verifyPassword("wrong", stored)).toBe(false);
    expect(hashes).toHaveBeenCalledTimes(1);
    expect(await verifyPassword("wrong", null)).toBe(false);
    expect(await verifyPassword("wrong", "not-a-hash")).toBe(false);
    expect(hashes).toHaveBeenCalledTimes(3);
    // the same key length as a real account's hash: the same work
    expect(hashes.mock.calls.map((call) => call[2])).toEqual([32, 32, 32]);
    expect(await verifyPassword("right horse battery", stored)).toBe(true);
  });
});
