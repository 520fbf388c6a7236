import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { connectionStringRecognizer, KEY_PARAMETER, keyParameterNames } from "./connection-string.js";
import { scanWith, secretsIn } from "./test-helpers.js";

const found = (text: string) => secretsIn([connectionStringRecognizer], text);

describe("connection strings", () => {
  it("reports the password of database URLs, not the user or host", () => {
    const text = "DATABASE_URL=postgres://app:Gr0ene!Tulp@db.intern:5432/winkel";
    const [c] = scanWith([connectionStringRecognizer], text);
    expect(c).toMatchObject({ type: "SECRET", start: 28, end: 39 });
    expect(text.slice(c?.start, c?.end)).toBe("Gr0ene!Tulp");
  });

  it("handles the common schemes", () => {
    expect(found("postgresql://beheer:Wz8#kLp2@10.0.0.5/crm")).toEqual(["Wz8#kLp2"]);
    expect(found("mongodb+srv://admin:S3cr3tPw@cluster0.ab1cd.mongodb.net/shop?retryWrites=true")).toEqual([
      "S3cr3tPw",
    ]);
    expect(found("mysql://root:hunter2@localhost:3306/app")).toEqual(["hunter2"]);
    expect(found("REDIS_URL=redis://:R3dis!pw@cache:6379/0")).toEqual(["R3dis!pw"]);
    expect(found("amqps://rabbit:Konijn42@mq.example.nl/vhost")).toEqual(["Konijn42"]);
    expect(found("jdbc:sqlserver://sa:Welkom01!@sql01:1433")).toEqual(["Welkom01!"]);
    expect(found("ftp://upload:Bestand99@ftp.klant.nl/in")).toEqual(["Bestand99"]);
  });

  it("reports basic-auth passwords in web URLs too", () => {
    expect(found("curl https://jan:Zomer2024@intranet.bedrijf.nl/api")).toEqual(["Zomer2024"]);
  });

  it("takes the last @ so a password may contain one", () => {
    expect(found("postgres://app:p@ss!w0rd@db:5432/x")).toEqual(["p@ss!w0rd"]);
  });

  it("ignores URLs without a password, placeholders and references", () => {
    expect(found("postgres://db.intern:5432/winkel")).toEqual([]);
    expect(found("postgres://app@db.intern/winkel")).toEqual([]);
    expect(found("https://www.voorbeeld.nl:8443/pad?x=1")).toEqual([]);
    expect(found("postgres://user:password@localhost/db")).toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal environment reference is the input under test
    expect(found("postgres://app:${DB_PASSWORD}@db/x")).toEqual([]);
    expect(found("mysql://root:<wachtwoord>@localhost/app")).toEqual([]);
    expect(found("redis://:****@cache:6379")).toEqual([]);
    expect(found("mailto:info@bedrijf.nl en http://user:@host")).toEqual([]);
  });

  it("reports Azure storage and Service Bus keys", () => {
    const key = "q7Vb2kX9mN4pL0sD8fG3hJ6wE1rT5yUaZcQxWv8KsPq9Lm2Nb7Vc4Xz1Aa0Ss3Dd5Ff6Gg8Hh9Jj0Kk2Ll4Zz9Yy8==";
    expect(
      found(`DefaultEndpointsProtocol=https;AccountName=opslag;AccountKey=${key};EndpointSuffix=core.windows.net`),
    ).toEqual([key]);
    const sas = "Xk2b9LmQ0pR7sT4uV1wY8zA3cD6eF5gH2iJ9kL0mN=";
    expect(found(`Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${sas}`)).toEqual([
      sas,
    ]);
  });

  it("reports the signature of signed URLs, not the rest of the query", () => {
    const sig = "abCDef123GhIjkLmn%2BopQRstuVwxyz0123456789%3D";
    expect(found(`https://acc.blob.core.windows.net/c/f.pdf?sv=2022-11-02&se=2026-01-01&sig=${sig}&sp=r`)).toEqual([
      sig,
    ]);
    expect(found("?X-Amz-Signature=9f2c4a1b7e3d5f6a8b0c2d4e6f8a1b3c5d7e9f0a2b4c6d8e")).toEqual([
      "9f2c4a1b7e3d5f6a8b0c2d4e6f8a1b3c5d7e9f0a2b4c6d8e",
    ]);
    expect(found("sig=kort")).toEqual([]);
  });
});

describe("key parameter names", () => {
  const names = [
    "AccountKey",
    "SharedAccessKey",
    "SharedAccessSignature",
    "sig",
    "X-Amz-Signature",
    "X-Amz-Security-Token",
    "X-Goog-Signature",
  ];
  const fragment = fc.oneof(
    fc.constantFrom(...names),
    fc.constantFrom(...names).chain((n) => fc.mixedCase(fc.constant(n))),
    fc.constantFrom("=", "==", ";", "&", "?", " ", "-", "_", "x", "Z", "9", "Key", "Signature", "Amz-", "ſig", "\n"),
  );
  const text = fc.array(fragment, { maxLength: 24 }).map((parts) => parts.join(""));

  it("are the matches of the global KEY_PARAMETER scan", () => {
    fc.assert(
      fc.property(text, (t) => {
        const expected = [...t.matchAll(KEY_PARAMETER)].map((m) => [m.index, (m[1] as string).toLowerCase()]);
        expect(keyParameterNames(t)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the character before the longest name", () => {
    expect(keyParameterNames("xSharedAccessSignature=abc")).toEqual([]);
    expect(keyParameterNames("?SharedAccessSignature=abc")).toEqual([[1, "sharedaccesssignature"]]);
  });
});
