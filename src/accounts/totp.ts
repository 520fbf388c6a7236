/**
 * TOTP (RFC 6238) as every authenticator app knows it: SHA-1, 6 digits, 30 s. A code is accepted
 * one step early or late (clock drift), and each step only once per account (the caller claims it).
 */
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

export const TOTP_PERIOD_S = 30;
const ISSUER = "Poortwachter";

function totpFor(secretBase32: string, label = "account"): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export async function totpEnrolment(secret: string, accountName: string): Promise<TotpEnrolment> {
  const otpauthUrl = totpFor(secret, accountName).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

/** The time step the code belongs to (within ±1 of now), or null when it is not a valid code. */
export function totpStep(secretBase32: string, code: string, nowMs: number): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_S) + delta;
}

/** The current code; used by tests and the browser test helpers, never by the server's checks. */
export function totpCode(secretBase32: string, nowMs = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: nowMs });
}

// Recovery codes: 10 × 10 characters from an alphabet without look-alikes, shown as xxxxx-xxxxx.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  const codes: string[] = [];
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
    codes.push(`${chars.slice(0, 5)}-${chars.slice(5)}`);
  }
  return codes;
}

/** Normalised so that "ABCDE FGHIJ" and "abcde-fghij" are the same code. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Recovery codes carry ~50 bits of randomness and are single use: a plain SHA-256 suffices. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`pw-recovery:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 10 && !/^\d+$/.test(code.trim());
}
