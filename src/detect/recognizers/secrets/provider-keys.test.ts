import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVIDER_RULES, providerKeysRecognizer } from "./provider-keys.js";
import { scanWith, secretsIn } from "./test-helpers.js";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";
const URLSAFE = `${ALNUM}_-`;

/** A deterministic pseudo-random string, so fixtures are stable and obviously made up. */
function fake(alphabet: string, length: number, seed = 7): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[(x >>> 16) % alphabet.length];
  }
  return out;
}

const found = (text: string) => secretsIn([providerKeysRecognizer], text);

/** One made-up key per provider format, each with the exact expected span. */
const EXAMPLES: [string, string][] = [
  ["OpenAI project key", `sk-proj-${fake(URLSAFE, 48)}`],
  ["OpenAI service account key", `sk-svcacct-${fake(URLSAFE, 60)}`],
  ["OpenAI admin key", `sk-admin-${fake(URLSAFE, 60)}`],
  ["OpenAI classic key", `sk-${fake(ALNUM, 48)}`],
  ["Anthropic API key", `sk-ant-api03-${fake(URLSAFE, 93)}AA`],
  ["Anthropic admin key", `sk-ant-admin01-${fake(URLSAFE, 93)}AA`],
  ["AWS access key id", `AKIA${fake(UPPER_DIGITS, 16)}`],
  ["AWS temporary key id", `ASIA${fake(UPPER_DIGITS, 16)}`],
  ["Google API key", `AIza${fake(URLSAFE, 35)}`],
  ["Google OAuth client secret", `GOCSPX-${fake(URLSAFE, 28)}`],
  ["Google OAuth access token", `ya29.${fake(URLSAFE, 80)}`],
  ["GitHub personal token", `ghp_${fake(ALNUM, 36)}`],
  ["GitHub OAuth token", `gho_${fake(ALNUM, 36)}`],
  ["GitHub app token", `ghs_${fake(ALNUM, 36)}`],
  ["GitHub fine-grained token", `github_pat_${fake(ALNUM, 22)}_${fake(ALNUM, 59, 3)}`],
  ["GitLab personal token", `glpat-${fake(URLSAFE, 20)}`],
  ["GitLab deploy token", `gldt-${fake(URLSAFE, 20)}`],
  ["Slack bot token", `xoxb-${fake(HEX.slice(0, 10), 11)}-${fake("0123456789", 12)}-${fake(ALNUM, 24)}`],
  ["Slack user token", `xoxp-${fake("0123456789", 11)}-${fake("0123456789", 12)}-${fake(ALNUM, 32)}`],
  ["Slack app token", `xapp-1-A${fake(UPPER_DIGITS, 10)}-${fake("0123456789", 13)}-${fake(HEX, 64)}`],
  [
    "Slack webhook",
    `https://hooks.slack.com/services/T${fake(UPPER_DIGITS, 8)}/B${fake(UPPER_DIGITS, 8)}/${fake(ALNUM, 24)}`,
  ],
  ["Discord webhook", `https://discord.com/api/webhooks/${fake("0123456789", 18)}/${fake(URLSAFE, 68)}`],
  ["Stripe live secret key", `sk_live_${fake(ALNUM, 24)}`],
  ["Stripe restricted key", `rk_live_${fake(ALNUM, 24)}`],
  ["Stripe test key", `sk_test_${fake(ALNUM, 24)}`],
  ["Stripe webhook secret", `whsec_${fake(ALNUM, 32)}`],
  ["Mollie live key", `live_${fake(ALNUM, 30)}`],
  ["Mollie test key", `test_${fake(ALNUM, 30)}`],
  ["Mollie access token", `access_${fake(ALNUM, 40)}`],
  ["Twilio API key", `SK${fake(HEX, 32)}`],
  ["SendGrid key", `SG.${fake(URLSAFE, 22)}.${fake(URLSAFE, 43)}`],
  ["Mailgun key", `key-${fake(HEX, 32)}`],
  ["Mailchimp key", `${fake(HEX, 32)}-us21`],
  ["Brevo key", `xkeysib-${fake(HEX, 64)}-${fake(ALNUM, 16)}`],
  ["Hugging Face token", `hf_${fake(ALNUM, 34)}`],
  ["npm token", `npm_${fake(ALNUM, 36)}`],
  ["PyPI token", `pypi-AgEIcHlwaS5vcmc${fake(URLSAFE, 70)}`],
  ["Shopify access token", `shpat_${fake(HEX, 32)}`],
  ["DigitalOcean token", `dop_v1_${fake(HEX, 64)}`],
  ["Telegram bot token", `${fake("123456789", 10)}:AA${fake(URLSAFE, 33)}`],
  ["Azure AD client secret", `abc8Q~${fake(`${ALNUM}_~.-`, 34)}`],
  ["Groq key", `gsk_${fake(ALNUM, 52)}`],
  ["Perplexity key", `pplx-${fake(ALNUM, 48)}`],
  ["Replicate token", `r8_${fake(ALNUM, 37)}`],
  ["xAI key", `xai-${fake(ALNUM, 80)}`],
  ["Notion token", `ntn_${fake("0123456789", 11)}${fake(ALNUM, 35)}`],
  ["Docker token", `dckr_pat_${fake(URLSAFE, 27)}`],
  ["HashiCorp Vault token", `hvs.${fake(URLSAFE, 90)}`],
  ["age secret key", `AGE-SECRET-KEY-1${fake(UPPER_DIGITS, 58)}`],
];

describe("provider keys", () => {
  it.each(EXAMPLES)("finds a %s with exact offsets", (_name, key) => {
    const text = `Kun je even kijken? De sleutel ${key} werkt niet meer.`;
    const [c, ...rest] = scanWith([providerKeysRecognizer], text);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ type: "SECRET", start: 31, end: 31 + key.length });
    expect(c?.score).toBeGreaterThanOrEqual(0.85);
  });

  it("finds keys inside config lines, quotes and connection strings", () => {
    const openai = `sk-proj-${fake(URLSAFE, 48)}`;
    const github = `ghp_${fake(ALNUM, 36)}`;
    expect(found(`OPENAI_API_KEY=${openai}\nLOG_LEVEL=info`)).toEqual([openai]);
    expect(found(`  apiKey: '${github}',`)).toEqual([github]);
    expect(found(`"token":"${github}"`)).toEqual([github]);
    expect(found(`https://x-access-token:${github}@github.com/org/repo.git`)).toEqual([github]);
  });

  it("reports the Anthropic rule for Anthropic keys, not the generic sk- rule", () => {
    const key = `sk-ant-api03-${fake(URLSAFE, 93)}AA`;
    expect(scanWith([providerKeysRecognizer], key)[0]?.recognizer).toBe("secret-anthropic");
  });

  it("leaves a trailing sentence dot out of the key", () => {
    const key = `glpat-${fake(ALNUM, 20)}`;
    expect(found(`Het token is ${key}.`)).toEqual([key]);
  });

  it("ignores placeholders and documentation examples", () => {
    expect(found("OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).toEqual([]);
    expect(found("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")).toEqual([]);
    expect(found("token: ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")).toEqual([]);
    expect(found("stripe: sk_live_your_key_here_please")).toEqual([]);
  });

  it("does not take prefixes inside longer words or identifiers", () => {
    expect(found(`mask-${fake(ALNUM, 40)}`)).toEqual([]);
    expect(found(`run_test_${fake(ALNUM, 30)}`)).toEqual([]);
    expect(found("task-force-overleg-met-de-klant-over-de-planning")).toEqual([]);
    expect(found(`xAKIA${fake(UPPER_DIGITS, 16)}`)).toEqual([]);
  });

  it("does not take identifiers that merely share a prefix", () => {
    expect(found("def test_gebruikerKanInloggenMetGeldigeGegevens():")).toEqual([]);
    expect(found("sk-SK is de taalcode voor Slowaaks")).toEqual([]);
    expect(found("SKU-nummer SK12 en de live_stream_start_tijd")).toEqual([]);
  });

  it("finds keys without a prefix only next to the provider's name", () => {
    const awsSecret = fake(`${ALNUM}/+`, 40, 11);
    expect(found(`aws_secret_access_key = ${awsSecret}`)).toEqual([awsSecret]);
    expect(found(`checksum ${awsSecret}`)).toEqual([]);
    const azure = fake(HEX, 32, 5);
    expect(found(`AZURE_OPENAI_API_KEY=${azure}`)).toEqual([azure]);
    expect(found(`Ocp-Apim-Subscription-Key: ${azure}`)).toEqual([azure]);
    expect(found(`bestand-md5 ${azure}`)).toEqual([]);
    const twilio = fake(HEX, 32, 9);
    expect(found(`TWILIO_AUTH_TOKEN=${twilio}`)).toEqual([twilio]);
  });

  it("finds Discord bot tokens, which have no prefix, only where Discord or a bot is mentioned", () => {
    const token = `MT${fake(ALNUM, 24)}.${fake(URLSAFE, 6)}.${fake(URLSAFE, 38)}`;
    expect(found(`DISCORD_TOKEN=${token}`)).toEqual([token]);
    expect(found(`Nieuwe waarde: ${token}`)).toEqual([]);
  });

  it("has a unique id for every rule", () => {
    const ids = PROVIDER_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** Prefixed formats for the property test: prefix and the alphabet and length of the random part. */
const FORMATS: { prefix: string; alphabet: string; length: number }[] = [
  { prefix: "sk-proj-", alphabet: URLSAFE, length: 48 },
  { prefix: "sk-ant-api03-", alphabet: URLSAFE, length: 95 },
  { prefix: "AKIA", alphabet: UPPER_DIGITS, length: 16 },
  { prefix: "AIza", alphabet: URLSAFE, length: 35 },
  { prefix: "GOCSPX-", alphabet: URLSAFE, length: 28 },
  { prefix: "ghp_", alphabet: ALNUM, length: 36 },
  { prefix: "github_pat_", alphabet: `${ALNUM}_`, length: 82 },
  { prefix: "glpat-", alphabet: URLSAFE, length: 20 },
  { prefix: "xoxb-", alphabet: `${ALNUM}-`, length: 50 },
  { prefix: "sk_live_", alphabet: ALNUM, length: 24 },
  { prefix: "hf_", alphabet: ALNUM, length: 34 },
  { prefix: "npm_", alphabet: ALNUM, length: 36 },
  { prefix: "shpat_", alphabet: HEX, length: 32 },
  { prefix: "dop_v1_", alphabet: HEX, length: 64 },
  { prefix: "gsk_", alphabet: ALNUM, length: 52 },
];

/** A random body that is not a placeholder: at least one digit and one letter, no masking runs. */
function body(alphabet: string, length: number) {
  return fc
    .array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length })
    .map((chars) => chars.join(""))
    .filter((s) => /\d/.test(s) && /[A-Za-z]/.test(s) && !/(?:x{4}|X{4}|0{8}|_{4}|-{4})/.test(s))
    .filter((s) => !/your|example|voorbeeld|placeholder|dummy|redacted|changeme|replace|insert/i.test(s));
}

const sentence = fc.constantFrom(
  ["Hierbij de key: ", " voor de koppeling."],
  ["Gebruik ", " in de config"],
  ["token=", ""],
  ['{"apiKey": "', '"}'],
  ["Graag vervangen (", ") vandaag nog!"],
  ["", ""],
);

describe("provider keys (property)", () => {
  it("finds every generated key of every prefixed format with exact offsets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMATS).chain((f) => body(f.alphabet, f.length).map((b) => `${f.prefix}${b}`)),
        sentence,
        (key, [before, after]) => {
          const text = `${before}${key}${after}`;
          const hits = scanWith([providerKeysRecognizer], text);
          expect(hits.map((c) => [c.start, c.end])).toEqual([[before.length, before.length + key.length]]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("searched rules", () => {
  const shortest: Record<string, string> = {
    mailchimp: `${"0123456789abcdef".repeat(2)}-us1`,
    "telegram-bot": `12345678:AA${"b".repeat(33)}`,
    "discord-bot": `M${"a".repeat(23)}.abcdef.${"c".repeat(27)}`,
    "azure-ad-client-secret": `abc1Q~${"d".repeat(31)}`,
  };

  it("state the length of their shortest token, which runs shorter than that cannot hold", () => {
    const searched = PROVIDER_RULES.filter((r) => r.search !== undefined);
    expect(searched.map((r) => r.id).sort()).toEqual(Object.keys(shortest).sort());
    for (const rule of searched) {
      const token = shortest[rule.id] as string;
      const search = new RegExp((rule.search as RegExp).source);
      expect(token).toMatch(search);
      expect(rule.minLength).toBe(token.length);
      // One character less anywhere and it is no token any more.
      for (let i = 0; i < token.length; i++) expect(token.slice(0, i) + token.slice(i + 1)).not.toMatch(search);
    }
  });
});
