/**
 * API keys and tokens of the major providers, recognised by their documented prefixes and
 * shapes (the approach of gitleaks' rule set, rules written here from the providers' formats).
 * A prefixed key is near certain, so these score high; placeholders such as `sk-xxxx...` or
 * `AKIAIOSFODNN7EXAMPLE` are dropped.
 *
 * Keys without a prefix (AWS secret access keys, Azure OpenAI keys, Twilio auth tokens) are
 * found only next to their provider's name: see `findContextualKeys`.
 */

import { hasContext } from "../../context.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { jwtRule } from "./jwt.js";
import { compileRules, hasDigitAndLetter, type PrefixRule, scanPrefixRules } from "./prefix-rules.js";
import { secretCandidate } from "./shared.js";
import { shareTokenRuns, tokenRuns } from "./token-runs.js";
import { isPlaceholderKey } from "./values.js";

export const PROVIDER_RECOGNIZER_PREFIX = "secret-";

const CERTAIN = 0.97;
const LIKELY = 0.9;
const PLAUSIBLE = 0.85;

/** Mixed digits and letters after the prefix: tells a generated key from `test_` + an identifier. */
function randomBody(prefixLength: number) {
  return (token: string) => hasDigitAndLetter(token.slice(prefixLength));
}

/**
 * The rule table. Order matters only where prefixes overlap: the more specific rule comes first
 * (`sk-ant-` before `sk-proj-` before `sk-`).
 */
export const PROVIDER_RULES: readonly PrefixRule[] = [
  {
    id: "anthropic",
    prefixes: ["sk-ant-"],
    pattern: /sk-ant-[a-z]{2,8}\d{0,3}-[A-Za-z0-9_-]{20,300}/y,
    score: CERTAIN,
  },
  {
    id: "openai",
    prefixes: ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-", "sk-or-v1-"],
    pattern: /sk-(?:proj|svcacct|admin|None|or-v1)-[A-Za-z0-9_-]{20,300}/y,
    score: CERTAIN,
  },
  {
    // Classic OpenAI keys and the many services that copied the `sk-` shape (DeepSeek, Moonshot, ...).
    id: "sk-key",
    prefixes: ["sk-"],
    pattern: /sk-[A-Za-z0-9]{20,200}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
    validate: randomBody(3),
    scoreIfInvalid: 0.7,
  },
  {
    id: "aws-access-key",
    prefixes: ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
    pattern: /(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  {
    id: "google-api-key",
    prefixes: ["AIza"],
    pattern: /AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  {
    id: "google-oauth-secret",
    prefixes: ["GOCSPX-"],
    pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{24,40}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  { id: "google-oauth-token", prefixes: ["ya29."], pattern: /ya29\.[A-Za-z0-9_.-]{30,2048}/y, score: CERTAIN },
  {
    id: "github",
    prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    pattern: /gh[pousr]_[A-Za-z0-9]{30,251}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  {
    id: "github-fine-grained",
    prefixes: ["github_pat_"],
    pattern: /github_pat_[A-Za-z0-9_]{50,255}(?![A-Za-z0-9-])/y,
    score: CERTAIN,
  },
  {
    id: "gitlab",
    prefixes: [
      "glpat-",
      "gldt-",
      "glptt-",
      "glrt-",
      "glcbt-",
      "glimt-",
      "glagent-",
      "glsoat-",
      "glffct-",
      "gloas-",
      "glft-",
      "GR1348941",
    ],
    pattern: /(?:gl(?:pat|dt|ptt|rt|cbt|imt|agent|soat|ffct|oas|ft)-|GR1348941)[A-Za-z0-9_.-]{20,300}/y,
    score: CERTAIN,
  },
  {
    id: "slack-token",
    prefixes: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxe.", "xapp-"],
    pattern: /(?:xox[abprse](?:\.xox[a-z])?-|xapp-)[A-Za-z0-9-]{10,250}/y,
    score: CERTAIN,
    validate: hasDigitAndLetter,
  },
  {
    id: "slack-webhook",
    prefixes: ["https://hooks.slack.com/", "http://hooks.slack.com/", "hooks.slack.com/"],
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/+-]{20,200}/y,
    score: CERTAIN,
  },
  {
    id: "discord-webhook",
    prefixes: [
      "https://discord.com/",
      "https://discordapp.com/",
      "https://ptb.discord.com/",
      "https://canary.discord.com/",
    ],
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{5,30}\/[A-Za-z0-9_-]{30,100}/y,
    score: CERTAIN,
  },
  {
    id: "stripe",
    prefixes: ["sk_live_", "rk_live_"],
    pattern: /[sr]k_live_[A-Za-z0-9]{10,247}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  {
    id: "stripe-test",
    prefixes: ["sk_test_", "rk_test_", "whsec_"],
    pattern: /(?:[sr]k_test_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9+/=]{24,100})(?![A-Za-z0-9_-])/y,
    score: LIKELY,
  },
  {
    id: "mollie",
    prefixes: ["live_", "test_"],
    pattern: /(?:live|test)_[A-Za-z0-9]{30}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
    validate: randomBody(5),
  },
  {
    id: "mollie-access",
    prefixes: ["access_"],
    pattern: /access_[A-Za-z0-9]{40}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
    validate: randomBody(7),
  },
  {
    id: "twilio-api-key",
    prefixes: ["SK"],
    pattern: /SK[0-9a-fA-F]{32}(?![A-Za-z0-9_-])/y,
    score: PLAUSIBLE,
    validate: randomBody(2),
  },
  {
    id: "sendgrid",
    prefixes: ["SG."],
    pattern: /SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  {
    id: "mailgun",
    prefixes: ["key-"],
    pattern: /key-[0-9a-f]{32}(?![A-Za-z0-9_-])/y,
    score: LIKELY,
    validate: randomBody(4),
  },
  {
    id: "brevo",
    prefixes: ["xkeysib-", "xsmtpsib-"],
    pattern: /x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}/y,
    score: CERTAIN,
  },
  {
    id: "mailchimp",
    prefixes: [],
    needs: "-us",
    minLength: 36,
    search: /(?<![A-Za-z0-9_-])[0-9a-f]{32}-us\d{1,2}(?![A-Za-z0-9_-])/g,
    pattern: /(?<![A-Za-z0-9_-])[0-9a-f]{32}-us\d{1,2}(?![A-Za-z0-9_-])/y,
    score: LIKELY,
  },
  {
    id: "huggingface",
    prefixes: ["hf_", "api_org_"],
    pattern: /(?:hf|api_org)_[A-Za-z0-9]{30,40}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  { id: "npm", prefixes: ["npm_"], pattern: /npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_-])/y, score: CERTAIN },
  {
    id: "pypi",
    prefixes: ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"],
    pattern: /pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,400}/y,
    score: CERTAIN,
  },
  {
    id: "shopify",
    prefixes: ["shpat_", "shpca_", "shppa_", "shpss_"],
    pattern: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  {
    id: "digitalocean",
    prefixes: ["dop_v1_", "doo_v1_", "dor_v1_"],
    pattern: /do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  {
    id: "telegram-bot",
    prefixes: [],
    needs: ":AA",
    minLength: 44,
    search: /(?<![A-Za-z0-9_-])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
    pattern: /(?<![A-Za-z0-9_-])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  {
    // Base64 of the bot's numeric id, a timestamp and an HMAC.
    id: "discord-bot",
    prefixes: [],
    needs: ".",
    minLength: 59,
    context: /discord|bot/,
    search: /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/g,
    pattern: /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/y,
    score: LIKELY,
  },
  {
    id: "azure-ad-client-secret",
    prefixes: [],
    needs: "Q~",
    minLength: 37,
    search: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    pattern: /[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/y,
    score: LIKELY,
  },
  { id: "groq", prefixes: ["gsk_"], pattern: /gsk_[A-Za-z0-9]{48,56}(?![A-Za-z0-9_-])/y, score: CERTAIN },
  { id: "replicate", prefixes: ["r8_"], pattern: /r8_[A-Za-z0-9]{37}(?![A-Za-z0-9_-])/y, score: CERTAIN },
  { id: "perplexity", prefixes: ["pplx-"], pattern: /pplx-[A-Za-z0-9]{40,56}(?![A-Za-z0-9_-])/y, score: CERTAIN },
  { id: "xai", prefixes: ["xai-"], pattern: /xai-[A-Za-z0-9]{60,100}(?![A-Za-z0-9_-])/y, score: CERTAIN },
  {
    id: "langsmith",
    prefixes: ["lsv2_pt_", "lsv2_sk_"],
    pattern: /lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}/y,
    score: CERTAIN,
  },
  { id: "pinecone", prefixes: ["pcsk_"], pattern: /pcsk_[A-Za-z0-9_]{40,100}(?![A-Za-z0-9-])/y, score: CERTAIN },
  {
    id: "notion",
    prefixes: ["ntn_", "secret_"],
    pattern: /(?:ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_-])/y,
    score: CERTAIN,
  },
  { id: "linear", prefixes: ["lin_api_"], pattern: /lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9_-])/y, score: CERTAIN },
  {
    id: "atlassian",
    prefixes: ["ATATT3", "ATBB"],
    pattern: /(?:ATATT3[A-Za-z0-9_=-]{150,250}|ATBB[A-Za-z0-9]{32,40})/y,
    score: CERTAIN,
  },
  { id: "figma", prefixes: ["figd_"], pattern: /figd_[A-Za-z0-9_-]{40,60}/y, score: CERTAIN },
  { id: "postman", prefixes: ["PMAK-"], pattern: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}/y, score: CERTAIN },
  { id: "databricks", prefixes: ["dapi"], pattern: /dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9_-])/y, score: LIKELY },
  { id: "docker", prefixes: ["dckr_pat_"], pattern: /dckr_pat_[A-Za-z0-9_-]{27,40}/y, score: CERTAIN },
  { id: "heroku", prefixes: ["HRKU-"], pattern: /HRKU-[A-Za-z0-9_-]{60,70}/y, score: CERTAIN },
  { id: "sentry", prefixes: ["sntrys_", "sntryu_"], pattern: /sntry[su]_[A-Za-z0-9+/=_]{40,300}/y, score: CERTAIN },
  {
    id: "grafana",
    prefixes: ["glc_", "glsa_"],
    pattern: /(?:glc_[A-Za-z0-9+/=]{32,400}|glsa_[A-Za-z0-9]{32}_[a-fA-F0-9]{8})/y,
    score: CERTAIN,
  },
  { id: "newrelic", prefixes: ["NRAK-"], pattern: /NRAK-[A-Z0-9]{27}(?![A-Za-z0-9_-])/y, score: CERTAIN },
  { id: "hashicorp-vault", prefixes: ["hvs.", "hvb."], pattern: /hv[sb]\.[A-Za-z0-9_-]{24,300}/y, score: CERTAIN },
  {
    id: "square",
    prefixes: ["sq0atp-", "sq0csp-", "EAAA"],
    pattern: /(?<![A-Za-z0-9_-])(?:sq0(?:atp|csp)-[A-Za-z0-9_-]{22,60}|EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/y,
    score: LIKELY,
  },
  { id: "age", prefixes: ["AGE-SECRET-KEY-1"], pattern: /AGE-SECRET-KEY-1[0-9A-Z]{58}/y, score: CERTAIN },
  { id: "supabase", prefixes: ["sbp_"], pattern: /sbp_[a-f0-9]{40}(?![A-Za-z0-9_-])/y, score: CERTAIN },
  {
    id: "doppler",
    prefixes: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct."],
    pattern: /dp\.(?:pt|st|sa|ct)\.[A-Za-z0-9]{40,44}/y,
    score: CERTAIN,
  },
  { id: "buildkite", prefixes: ["bkua_"], pattern: /bkua_[a-f0-9]{40}/y, score: CERTAIN },
  {
    id: "fireworks",
    prefixes: ["fw_"],
    pattern: /fw_[A-Za-z0-9]{24,40}(?![A-Za-z0-9_-])/y,
    score: LIKELY,
    validate: randomBody(3),
  },
  jwtRule,
];

const PROVIDER_RULE_SET = compileRules(PROVIDER_RULES);

/**
 * Keys without a prefix, recognised by shape and the provider's name nearby. Each entry is
 * only looked for inside token runs long enough to hold them.
 */
interface ContextualKey {
  readonly id: string;
  readonly pattern: RegExp;
  /** The key's length: shorter runs cannot hold it. */
  readonly length: number;
  readonly context: RegExp;
  readonly score: number;
}

export const AWS_SECRET_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
export const HEX_32 = /(?<![A-Za-z0-9])[0-9a-fA-F]{32}(?![A-Za-z0-9])/g;
export const AZURE_KEY_84 = /(?<![A-Za-z0-9])[A-Za-z0-9]{84}(?![A-Za-z0-9])/g;

const CONTEXTUAL_KEYS: readonly ContextualKey[] = [
  {
    id: "aws-secret-key",
    pattern: AWS_SECRET_KEY,
    length: 40,
    context: /aws|secret[ _-]?access[ _-]?key|secret[ _-]?key/,
    score: LIKELY,
  },
  {
    id: "azure-key",
    pattern: HEX_32,
    length: 32,
    context: /azure|api-key|ocp-apim-subscription-key|cognitive|openai|subscription[ _-]?key/,
    score: LIKELY,
  },
  {
    id: "azure-key",
    pattern: AZURE_KEY_84,
    length: 84,
    context: /azure|api-key|ocp-apim-subscription-key/,
    score: LIKELY,
  },
  {
    id: "twilio-auth-token",
    pattern: HEX_32,
    length: 32,
    context: /twilio|auth[ _-]?token/,
    score: LIKELY,
  },
];

export function findContextualKeys(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of CONTEXTUAL_KEYS) {
    const runs = tokenRuns(input.text);
    for (let r = 0; r < runs.length; r += 2) {
      const runStart = runs[r] as number;
      const runEnd = runs[r + 1] as number;
      if (runEnd - runStart < rule.length) continue;
      const run = input.text.slice(runStart, runEnd);
      // An exec loop rather than matchAll, which copies the pattern for every run.
      const pattern = rule.pattern;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(run); m !== null; m = pattern.exec(run)) {
        const value = m[0];
        if (!hasDigitAndLetter(value) || isPlaceholderKey(value)) continue;
        const start = runStart + m.index;
        const end = start + value.length;
        if (!hasContext(input.folded, start, end, rule.context, 64, 0)) continue;
        out.push(secretCandidate(start, end, rule.score, `${PROVIDER_RECOGNIZER_PREFIX}${rule.id}`));
      }
    }
  }
  return out;
}

export const providerKeysRecognizer: Recognizer = {
  name: "secret-provider-keys",
  types: ["SECRET"],
  scan(input: ScanInput): Candidate[] {
    shareTokenRuns(input);
    return [...scanPrefixRules(input, PROVIDER_RULE_SET, PROVIDER_RECOGNIZER_PREFIX), ...findContextualKeys(input)];
  },
};
