/**
 * PEM private keys (`-----BEGIN RSA PRIVATE KEY-----`, `OPENSSH`, `EC`, `ENCRYPTED`, PGP
 * `PRIVATE KEY BLOCK`) and PuTTY key files. The whole block, markers included, is the secret:
 * the markers carry nothing, but a span that stops short of the base64 body would leak it.
 * A block pasted without its END line (cut off in a chat) runs to the end of its base64 lines.
 * Certificates and public keys are not secrets and are left alone.
 */

import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { secretCandidate } from "./shared.js";

export const PRIVATE_KEY_RECOGNIZER = "secret-private-key";

export const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY( BLOCK)?-----/g;
export const PUTTY_BEGIN = /PuTTY-User-Key-File-\d+: /g;
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
const FLAT_BODY = /^ [A-Za-z0-9+/= ]{16,}$/;
/** `Proc-Type: 4,ENCRYPTED` and the like, before the body of an encrypted PEM key. */
const HEADER_LINE = /^[A-Za-z-]+: [^\n]*$/;
const PUTTY_END = /Private-MAC: [0-9a-f]+/y;

const SCORE = 0.99;
const SCORE_TRUNCATED = 0.95;

export function findPrivateKeys(input: ScanInput): Candidate[] {
  const { text } = input;
  const out: Candidate[] = [];
  if (text.includes("PRIVATE KEY")) {
    for (const m of text.matchAll(PEM_BEGIN)) {
      if (out.length > 0 && m.index < (out[out.length - 1] as Candidate).end) continue;
      const endMarker = `-----END ${m[1] ?? ""}PRIVATE KEY${m[2] ?? ""}-----`;
      const endAt = text.indexOf(endMarker, m.index + m[0].length);
      const nextBegin = text.indexOf("-----BEGIN", m.index + m[0].length);
      if (endAt >= 0 && (nextBegin < 0 || endAt < nextBegin)) {
        out.push(secretCandidate(m.index, endAt + endMarker.length, SCORE, PRIVATE_KEY_RECOGNIZER));
      } else {
        out.push(
          secretCandidate(m.index, bodyEnd(text, m.index + m[0].length), SCORE_TRUNCATED, PRIVATE_KEY_RECOGNIZER),
        );
      }
    }
  }
  if (text.includes("PuTTY-User-Key-File-")) {
    for (const m of text.matchAll(PUTTY_BEGIN)) {
      const macAt = text.indexOf("Private-MAC: ", m.index);
      let end = bodyEnd(text, m.index + m[0].length);
      if (macAt >= 0) {
        PUTTY_END.lastIndex = macAt;
        const mac = PUTTY_END.exec(text);
        if (mac) end = macAt + mac[0].length;
      }
      out.push(secretCandidate(m.index, end, SCORE, PRIVATE_KEY_RECOGNIZER));
    }
  }
  return out;
}

/**
 * The end of the key body that starts after `from` (the rest of the BEGIN line): optional
 * `Name: value` header lines, then base64 lines; a blank line or any other line after the
 * base64 ends it.
 */
function bodyEnd(text: string, from: number): number {
  let end = from;
  let seenBase64 = false;
  let newline = text.indexOf("\n", from);
  // A key flattened onto one line: the base64 follows the marker after a space.
  const rest = text.slice(from, newline < 0 ? text.length : newline);
  if (FLAT_BODY.test(rest)) {
    end = from + rest.trimEnd().length;
    seenBase64 = true;
  }
  while (newline >= 0) {
    const next = text.indexOf("\n", newline + 1);
    const raw = text.slice(newline + 1, next < 0 ? text.length : next);
    const line = raw.trim();
    if (line.length === 0) {
      if (seenBase64) break;
    } else if (BASE64_LINE.test(line)) {
      seenBase64 = true;
      end = newline + 1 + raw.trimEnd().length;
    } else if (!seenBase64 && HEADER_LINE.test(line)) {
      end = newline + 1 + raw.trimEnd().length;
    } else {
      break;
    }
    newline = next;
  }
  return end;
}

export const privateKeyRecognizer: Recognizer = {
  name: PRIVATE_KEY_RECOGNIZER,
  types: ["SECRET"],
  scan: findPrivateKeys,
};
