import { describe, expect, it } from "vitest";
import { privateKeyRecognizer } from "./private-key.js";
import { secretsIn } from "./test-helpers.js";

const BODY = [
  "MIIEowIBAAKCAQEAq7Vb2kX9mN4pL0sD8fG3hJ6wE1rT5yUaZcQxWv8Ks",
  "Pq9Lm2Nb7Vc4Xz1Aa0Ss3Dd5Ff6Gg8Hh9Jj0Kk2Ll4",
  "Zz9Yy8Xx7Ww6==",
];
const found = (text: string) => secretsIn([privateKeyRecognizer], text);

describe("PEM private keys", () => {
  it("reports the whole block, BEGIN to END", () => {
    for (const kind of ["RSA ", "EC ", "OPENSSH ", "ENCRYPTED ", "DSA ", ""]) {
      const block = `-----BEGIN ${kind}PRIVATE KEY-----\n${BODY.join("\n")}\n-----END ${kind}PRIVATE KEY-----`;
      expect(found(`Hier de sleutel:\n${block}\nGroet, het team`)).toEqual([block]);
    }
  });

  it("includes the headers of an encrypted key", () => {
    const block = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n${BODY.join("\n")}\n-----END RSA PRIVATE KEY-----`;
    expect(found(block)).toEqual([block]);
  });

  it("covers a PGP private key block", () => {
    const block = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${BODY.join("\n")}\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(found(`x\n${block}\n`)).toEqual([block]);
  });

  it("runs a key without END line to the end of its base64 lines", () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${BODY[0]}\n${BODY[1]}\n\nKun je kijken waarom dit niet werkt?`;
    expect(found(text)).toEqual([`-----BEGIN RSA PRIVATE KEY-----\n${BODY[0]}\n${BODY[1]}`]);
  });

  it("handles a key flattened onto one line", () => {
    const flat = `-----BEGIN PRIVATE KEY----- ${BODY.join(" ")} -----END PRIVATE KEY-----`;
    expect(found(`key: ${flat}`)).toEqual([flat]);
    const cut = `-----BEGIN PRIVATE KEY----- ${BODY.join(" ")}`;
    expect(found(cut)).toEqual([cut]);
  });

  it("covers a PuTTY key file from its first line to the MAC", () => {
    const ppk = `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key\nPublic-Lines: 1\n${BODY[1]}\nPrivate-Lines: 1\n${BODY[0]}\nPrivate-MAC: 0a1b2c3d4e5f`;
    expect(found(`${ppk}\nbedankt`)).toEqual([ppk]);
  });

  it("leaves certificates and public keys alone", () => {
    expect(found(`-----BEGIN CERTIFICATE-----\n${BODY.join("\n")}\n-----END CERTIFICATE-----`)).toEqual([]);
    expect(found(`-----BEGIN PUBLIC KEY-----\n${BODY.join("\n")}\n-----END PUBLIC KEY-----`)).toEqual([]);
    expect(found("Zet nooit een PRIVATE KEY in de chat.")).toEqual([]);
  });
});
