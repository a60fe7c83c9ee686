// HS256 JWTs as Supabase issues them (anon key, service key, user sessions), with a local secret.
import { SignJWT, errors, jwtVerify } from "jose";
import type { JwtClaims } from "./request";

const encoder = new TextEncoder();

export async function signToken(secret: string, claims: JwtClaims, expiresInSeconds = 3600): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setIssuer("reference-lookup-local")
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(encoder.encode(secret));
}

export type VerifyResult = { ok: true; claims: JwtClaims } | { ok: false; code: string; message: string };

/** PostgREST's answers: PGRST303 for an expired token, PGRST301 for one it cannot trust. A token
 * without `exp` would be valid forever, so it is refused. */
export async function verifyToken(secret: string, token: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), {
      algorithms: ["HS256"],
      requiredClaims: ["exp"],
    });
    if (typeof payload.role !== "string") return { ok: false, code: "PGRST301", message: "JWT has no role claim" };
    return { ok: true, claims: payload as unknown as JwtClaims };
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { ok: false, code: "PGRST303", message: "JWT expired" };
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      return {
        ok: false,
        code: "PGRST301",
        message: "JWT signature does not match: the token was not issued by this catalog",
      };
    }
    return { ok: false, code: "PGRST301", message: `JWT could not be decoded: ${(e as Error).message}` };
  }
}

/** The project's anon or service key: fixed for a given secret (issued 2025-01-01, valid 20 years),
 * as a Supabase project's keys are, so a panel configured with it keeps working across restarts. */
export function projectKey(secret: string, role: "anon" | "service_role"): Promise<string> {
  const issuedAt = Date.UTC(2025, 0, 1) / 1000;
  return new SignJWT({ role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(issuedAt)
    .setIssuer("reference-lookup-local")
    .setExpirationTime(issuedAt + 20 * 365 * 24 * 3600)
    .sign(encoder.encode(secret));
}
