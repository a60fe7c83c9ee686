// Passwords of the seeded local users: generated once per data dir, kept (mode 0600) in
// <dataDir>/local-users.json so `npm start` can print them, and stored in auth.users as scrypt
// hashes. No shared default password: a web page cannot guess its way in.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { PGlite } from "@electric-sql/pglite";
import { LOCAL_USERS, type LocalUser } from "./seed";

// crypto.scrypt looked up per call, not captured: a test counts the hashes a sign-in makes
const scrypt = (password: string, salt: Buffer, keylen: number) =>
  (promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>)(
    password,
    salt,
    keylen,
  );
// What an unknown e-mail is checked against: the same scrypt work as a real account, so the
// answer's timing does not tell which accounts exist.
const NO_ACCOUNT = { salt: Buffer.alloc(16), keylen: 32 };

export interface LocalCredential {
  email: string;
  password: string;
  role: LocalUser["profileRole"];
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [kind, salt, hash] = (stored ?? "").split("$");
  if (kind !== "scrypt" || !salt || !hash) {
    await scrypt(password, NO_ACCOUNT.salt, NO_ACCOUNT.keylen);
    return false;
  }
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length);
  return crypto.timingSafeEqual(actual, expected);
}

export const localUsersFile = (dataDir: string) => path.join(dataDir, "local-users.json");

function readSaved(dataDir: string | undefined): Record<string, string> {
  if (!dataDir || !fs.existsSync(localUsersFile(dataDir))) return {};
  return JSON.parse(fs.readFileSync(localUsersFile(dataDir), "utf8")) as Record<string, string>;
}

/**
 * Gives every seeded user a password: `password` when given (tests), else the one saved in the
 * data dir, else a new random one (saved when there is a data dir). Returns them for printing.
 */
export async function ensureLocalPasswords(
  db: PGlite,
  options: { dataDir?: string; password?: string } = {},
): Promise<LocalCredential[]> {
  const saved = readSaved(options.dataDir);
  const credentials: LocalCredential[] = [];
  for (const user of Object.values(LOCAL_USERS)) {
    const row = await db.query<{ encrypted_password: string | null }>(
      "select encrypted_password from auth.users where id = $1",
      [user.id],
    );
    if (!row.rows.length) continue;
    const current = row.rows[0].encrypted_password;
    let password = options.password ?? saved[user.email];
    if (!password || !(await verifyPassword(password, current))) {
      password ??= crypto.randomBytes(12).toString("base64url");
      await db.query("update auth.users set encrypted_password = $2, updated_at = now() where id = $1", [
        user.id,
        await hashPassword(password),
      ]);
    }
    credentials.push({ email: user.email, password, role: user.profileRole });
  }
  if (options.dataDir && !options.password) {
    const file = localUsersFile(options.dataDir);
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries(credentials.map((c) => [c.email, c.password])), null, 2));
    fs.chmodSync(file, 0o600);
  }
  return credentials;
}
