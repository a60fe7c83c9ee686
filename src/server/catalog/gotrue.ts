// The GoTrue (/auth/v1) subset supabase-js's auth uses, answered as GoTrue answers it: password and
// refresh_token grants (refresh tokens rotate; a reused one ends its session), GET /user and
// POST /logout. Sessions and refresh tokens are rows of auth.sessions / auth.refresh_tokens, so
// they survive a restart of the local catalog like the panel's persisted session does.
import crypto from "node:crypto";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { signToken, verifyToken } from "./jwt";
import { verifyPassword } from "./local-users";
import type { JwtClaims } from "./request";
import { SignInLimiter } from "./sign-in-limiter";

export interface AuthAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface AuthRequest {
  method: string;
  /** below /auth/v1, e.g. "/token" */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
  address: string;
}

interface UserRow {
  id: string;
  email: string;
  encrypted_password: string | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  last_sign_in_at: Date | null;
}

/** GoTrue's error JSON (without an API-version header): HTTP status, error_code and msg. */
const authError = (status: number, errorCode: string, msg: string, headers?: Record<string, string>): AuthAnswer => ({
  status,
  body: { code: status, error_code: errorCode, msg },
  headers,
});

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export class GoTrue {
  constructor(
    private readonly db: PGlite,
    private readonly jwtSecret: string,
    private readonly limiter: SignInLimiter,
    private readonly accessTokenSeconds: number,
  ) {}

  async handle(req: AuthRequest): Promise<AuthAnswer> {
    const route = `${req.method} ${req.path}`;
    if (route === "POST /token") {
      const grant = req.query.get("grant_type");
      if (grant === "password") return this.passwordGrant(req);
      if (grant === "refresh_token") return this.refreshGrant(req);
      return authError(400, "validation_failed", `unsupported grant_type "${grant}"`);
    }
    if (route === "GET /user") return this.user(req);
    if (route === "POST /logout") return this.logout(req);
    return authError(404, "not_found", `${route} is not served by the local catalog`);
  }

  private async passwordGrant(req: AuthRequest): Promise<AuthAnswer> {
    const { email, password } = (req.body ?? {}) as { email?: unknown; password?: unknown };
    if (typeof email !== "string" || typeof password !== "string") {
      return authError(400, "validation_failed", "email and password are required");
    }
    // only this account's own failures can hold a sign-in back before its password is checked
    const wait = this.limiter.retryAfter(email);
    if (wait > 0) {
      return authError(
        429,
        "over_request_rate_limit",
        `Too many failed sign-ins for this account; try again in ${wait} s`,
        { "retry-after": String(wait) },
      );
    }
    const user = (await this.db.query<UserRow>("select * from auth.users where lower(email) = lower($1)", [email]))
      .rows[0];
    if (!user || !(await verifyPassword(password, user.encrypted_password))) {
      const failure = this.limiter.recordFailure(email, req.address);
      if (failure.addressSlowed) {
        return authError(
          429,
          "over_request_rate_limit",
          `Invalid login credentials, and too many failed sign-ins from this address; try again in ${failure.retryAfter} s`,
          { "retry-after": String(failure.retryAfter) },
        );
      }
      return authError(400, "invalid_credentials", "Invalid login credentials");
    }
    this.limiter.recordSuccess(email);
    return this.db.transaction(async (tx) => {
      await tx.query("update auth.users set last_sign_in_at = now() where id = $1", [user.id]);
      const session = await tx.query<{ id: string }>("insert into auth.sessions (user_id) values ($1) returning id", [
        user.id,
      ]);
      return this.sessionAnswer(tx, user, session.rows[0].id, null);
    });
  }

  private async refreshGrant(req: AuthRequest): Promise<AuthAnswer> {
    const token = (req.body as { refresh_token?: unknown } | undefined)?.refresh_token;
    if (typeof token !== "string" || !token) return authError(400, "validation_failed", "refresh_token is required");
    return this.db.transaction(async (tx) => {
      const found = await tx.query<{ id: string; user_id: string; session_id: string; revoked: boolean }>(
        "select id, user_id, session_id, revoked from auth.refresh_tokens where token_hash = $1 for update",
        [hashToken(token)],
      );
      const row = found.rows[0];
      if (!row) return authError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      if (row.revoked) {
        // A rotated token used again: someone else may hold it. End the whole session.
        await tx.query("delete from auth.sessions where id = $1", [row.session_id]);
        return authError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
      }
      await tx.query("update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1", [row.id]);
      await tx.query("update auth.sessions set updated_at = now() where id = $1", [row.session_id]);
      const user = (await tx.query<UserRow>("select * from auth.users where id = $1", [row.user_id])).rows[0];
      return this.sessionAnswer(tx, user, row.session_id, row.id);
    });
  }

  private async user(req: AuthRequest): Promise<AuthAnswer> {
    const session = await this.sessionClaims(req);
    if (!session.ok) return session.answer;
    const claims = session.claims;
    const user = (await this.db.query<UserRow>("select * from auth.users where id = $1", [claims.sub])).rows[0];
    if (!user) return authError(404, "user_not_found", "User from sub claim in JWT does not exist");
    return { status: 200, body: this.userJson(user) };
  }

  private async logout(req: AuthRequest): Promise<AuthAnswer> {
    const session = await this.sessionClaims(req);
    if (!session.ok) return session.answer;
    const claims = session.claims;
    const scope = req.query.get("scope") ?? "global";
    const sessionId = claims.session_id as string;
    if (scope === "local") await this.db.query("delete from auth.sessions where id = $1", [sessionId]);
    else if (scope === "others") {
      await this.db.query("delete from auth.sessions where user_id = $1 and id <> $2", [claims.sub, sessionId]);
    } else if (scope === "global") await this.db.query("delete from auth.sessions where user_id = $1", [claims.sub]);
    else return authError(400, "validation_failed", `unknown logout scope "${scope}"`);
    return { status: 204, body: undefined };
  }

  /** The caller's user token, checked as GoTrue does: valid, a user's, of a session still open. */
  private async sessionClaims(
    req: AuthRequest,
  ): Promise<{ ok: true; claims: JwtClaims } | { ok: false; answer: AuthAnswer }> {
    const refuse = (status: number, code: string, msg: string) => ({
      ok: false as const,
      answer: authError(status, code, msg),
    });
    const bearer = /^Bearer (.+)$/i.exec(req.authorization ?? "")?.[1];
    if (!bearer) return refuse(401, "no_authorization", "This endpoint requires a Bearer token");
    const verified = await verifyToken(this.jwtSecret, bearer);
    if (!verified.ok) return refuse(403, "bad_jwt", `invalid JWT: ${verified.message}`);
    const claims = verified.claims;
    if (claims.role !== "authenticated" || !claims.sub || typeof claims.session_id !== "string") {
      return refuse(403, "bad_jwt", "invalid claim: not a user's session token");
    }
    const open = await this.db.query("select 1 from auth.sessions where id = $1 and user_id = $2", [
      claims.session_id,
      claims.sub,
    ]);
    if (!open.rows.length) {
      return refuse(403, "session_not_found", "Session from session_id claim in JWT does not exist");
    }
    return { ok: true, claims };
  }

  private async sessionAnswer(tx: Transaction, user: UserRow, sessionId: string, parentId: string | null) {
    const refreshToken = crypto.randomBytes(24).toString("base64url");
    await tx.query(
      "insert into auth.refresh_tokens (token_hash, user_id, session_id, parent_id) values ($1, $2, $3, $4)",
      [hashToken(refreshToken), user.id, sessionId, parentId],
    );
    const userJson = this.userJson(user);
    const claims: JwtClaims = {
      aud: "authenticated",
      sub: user.id,
      email: user.email,
      phone: "",
      role: "authenticated",
      app_metadata: userJson.app_metadata,
      user_metadata: userJson.user_metadata,
      aal: "aal1",
      amr: [{ method: parentId ? "token_refresh" : "password", timestamp: Math.floor(Date.now() / 1000) }],
      session_id: sessionId,
      is_anonymous: false,
    };
    const accessToken = await signToken(this.jwtSecret, claims, this.accessTokenSeconds);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: "bearer",
        expires_in: this.accessTokenSeconds,
        expires_at: Math.floor(Date.now() / 1000) + this.accessTokenSeconds,
        refresh_token: refreshToken,
        user: userJson,
      },
    };
  }

  private userJson(user: UserRow) {
    return {
      id: user.id,
      aud: "authenticated",
      role: "authenticated",
      email: user.email,
      email_confirmed_at: user.created_at,
      phone: "",
      confirmed_at: user.created_at,
      last_sign_in_at: user.last_sign_in_at,
      app_metadata: { provider: "email", providers: ["email"], ...user.raw_app_meta_data },
      user_metadata: user.raw_user_meta_data,
      identities: [],
      created_at: user.created_at,
      updated_at: user.updated_at,
      is_anonymous: false,
    };
  }
}
