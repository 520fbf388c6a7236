import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configHints, modelCatalog } from "./catalog.js";
import { expandEnv } from "./env.js";
import { EXAMPLE_CONFIG } from "./example.js";
import { ConfigError, defaultConfig, loadConfig, parseConfig } from "./load.js";
import { costInEuro, DEFAULT_PRICES, findPrice } from "./pricing.js";

function issuesOf(text: string, env: Record<string, string> = {}) {
  try {
    parseConfig(text, env, "test.yaml");
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

const PROVIDERS = `providers:
  - id: openai
    type: openai
    apiKey: \${OPENAI_API_KEY}
    contract: business
    dpaSigned: true
    models: [gpt-4.1, { name: gpt-4.1-mini, inputPricePerMTok: 0.3, outputPricePerMTok: 1.2 }]
  - id: lokaal
    type: openai-compatible
    baseUrl: http://127.0.0.1:11434/v1
    local: true
    models: [llama3.1:8b]
`;

describe("expandEnv", () => {
  it("substitutes, uses defaults, keeps escapes", () => {
    const env = { A: "x", EMPTY: "" };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${...} in plain strings is the syntax under test
    expect(expandEnv("${A}-${B:-y}-${EMPTY:-z}-${EMPTY-w}-$${A}-$5", env)).toBe("x-y-z--${A}-$5");
  });
  it("names an unset variable", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${...} in plain strings is the syntax under test
    expect(() => expandEnv("${NOPE}", {})).toThrow(/NOPE is not set/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${...} in plain strings is the syntax under test
    expect(() => expandEnv("${1X}", {})).toThrow(/not a valid variable reference/);
    expect(() => expandEnv("${OPEN", {})).toThrow(/unclosed/);
  });
});

describe("parseConfig", () => {
  it("fills every section with defaults from an empty file", () => {
    const config = parseConfig("", {}, "empty.yaml");
    expect(config.server).toEqual({ port: 8080, host: "127.0.0.1" });
    expect(config.storage.dataDir).toBe("./data");
    expect(config.security.vaultTtl).toBe(86_400);
    expect(config.providers).toEqual([]);
    expect(config.policy).toMatchObject({
      secrets: "block",
      bsn: "block",
      defaultAction: "reroute",
      toolCalls: "flag",
      approvalWindow: 3600,
    });
    expect(parseConfig("policy:\n  approvalWindow: 30m\n", {}, "a.yaml").policy.approvalWindow).toBe(1800);
    expect(() => parseConfig("policy:\n  approvalWindow: soon\n", {}, "a.yaml")).toThrow(/approvalWindow/);
    expect(config.audit.storePrompts).toBe(false);
    expect(config.disclosure.header).toBe(true);
  });

  it("substitutes the environment, also into numbers, and never into keys", () => {
    const config = parseConfig(`server:\n  port: \${PORT:-9000}\n${PROVIDERS}`, {
      OPENAI_API_KEY: "sk-test",
      PORT: "8181",
    });
    expect(config.server.port).toBe(8181);
    expect(config.providers[0]?.apiKey).toBe("sk-test");
    // A value with YAML syntax stays one string.
    const tricky = parseConfig(PROVIDERS, { OPENAI_API_KEY: "a: b\n- c" });
    expect(tricky.providers[0]?.apiKey).toBe("a: b\n- c");
  });

  it("reports an unset variable with its path and line", () => {
    expect(issuesOf(PROVIDERS)).toEqual([
      { path: "providers[0].apiKey", message: expect.stringContaining("OPENAI_API_KEY is not set"), line: 4 },
    ]);
  });

  it("lists every bad path with a clear message and line", () => {
    const issues = issuesOf(
      `server:\n  port: 70000\nproviders:\n  - id: a\n    type: openai\n    models: [m]\n  - id: b\n    type: openai-compatible\n    baseUrl: nope\n    models: [n]\n    dpaSinged: true\n  - id: c\n    type: azure-openai\n    models: []\npolicy:\n  bsn: allow\n  toolCalls: maybe\n  operators: { SECRET: keep }\nbudgets:\n  perKey:\n    daily: { soft: 20, hard: 10 }\n`,
    );
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath["server.port"]).toMatchObject({ message: "must be a port number (0-65535)", line: 2 });
    expect(byPath["providers[1].baseUrl"]).toMatchObject({ message: "must be a URL (http:// or https://)", line: 9 });
    expect(byPath["providers[1].dpaSinged"]).toMatchObject({ message: "unknown key", line: 11 });
    expect(byPath["providers[2].models"]?.message).toBe("list at least one model");
    expect(byPath["policy.bsn"]?.message).toMatch(/never forwarded/);
    expect(byPath["policy.toolCalls"]?.message).toBe("must be allow, flag, refuse or require-approval");
    expect(byPath["policy.operators"]?.message).toMatch(/SECRET/);
    expect(byPath["budgets.perKey.daily"]?.message).toMatch(/soft limit/);
    expect(String(new ConfigError("test.yaml", issues))).toContain("providers[1].baseUrl: must be a URL");
  });

  it("checks cross-references: API keys, Azure settings, duplicate ids and names, fallbacks, team models", () => {
    const issues = issuesOf(
      `providers:\n  - id: x\n    type: anthropic\n    models: [claude-sonnet-4-5]\n  - id: x\n    type: azure-openai\n    baseUrl: https://a.openai.azure.com\n    apiKey: k\n    models: [claude-sonnet-4-5]\nmodels:\n  fallbacks:\n    claude-sonnet-4-5: [ghost]\npolicy:\n  teams:\n    hr: { allowedModels: [nope] }\n`,
    );
    const paths = issues.map((i) => `${i.path}: ${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^providers\[0\]\.apiKey: required for type anthropic/),
        'providers[1].id: "x" is used twice',
        expect.stringMatching(/^providers\[1\]\.apiVersion: required for azure-openai/),
        expect.stringMatching(/^providers\[1\]\.models\[0\]: model "claude-sonnet-4-5" is also offered/),
        'models.fallbacks.claude-sonnet-4-5[0]: "ghost" is not a configured model',
        'policy.teams.hr.allowedModels[0]: "nope" is not a configured model',
      ]),
    );
  });

  it("reports YAML syntax errors with a line", () => {
    const [issue] = issuesOf("server:\n  port: [8080\n");
    expect(issue?.path).toBe("(yaml)");
    expect(issue?.line).toBeGreaterThan(0);
  });

  it("lets DATABASE_URL, REDIS_URL, POORTWACHTER_DATA_DIR and POORTWACHTER_VAULT_KEY override the file", () => {
    const key = "a".repeat(64);
    const config = parseConfig("storage:\n  dataDir: ./x\n  databaseUrl: postgres://file/db\n", {
      DATABASE_URL: "postgres://env/db",
      REDIS_URL: "redis://cache:6379",
      POORTWACHTER_DATA_DIR: "/var/lib/pw",
      POORTWACHTER_VAULT_KEY: key,
    });
    expect(config.storage).toEqual({
      dataDir: "/var/lib/pw",
      databaseUrl: "postgres://env/db",
      redisUrl: "redis://cache:6379",
    });
    expect(config.security.vaultKey).toBe(key);
    expect(issuesOf("", { POORTWACHTER_VAULT_KEY: "short" })[0]?.path).toBe("security.vaultKey");
  });

  it("loads the example that init writes", () => {
    const config = parseConfig(EXAMPLE_CONFIG, { OPENAI_API_KEY: "sk-x" });
    expect(config.providers.map((p) => p.id)).toEqual(["openai", "lokaal"]);
    expect(config.policy.teams.hr).toEqual({ minimumClass: "sensitive", toolCalls: "refuse" });
    expect(config.budgets.perKey?.daily).toEqual({ soft: 5, hard: 10 });
  });
});

describe("loadConfig", () => {
  it("falls back to the default when no file is given or found, and refuses a missing file that was asked for", () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-config-"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(loadConfig(undefined, {})).toEqual(defaultConfig());
      expect(() => loadConfig("elders.yaml", {})).toThrow(/not found; run "poortwachter init --out elders.yaml"/);
      writeFileSync(join(dir, "poortwachter.yaml"), "server: { port: 9999 }\n");
      const found = loadConfig(undefined, {});
      expect(found.server.port).toBe(9999);
      expect(found.source).toBe(join(dir, "poortwachter.yaml"));
      writeFileSync(join(dir, "other.yaml"), "server: { port: 7777 }\n");
      expect(loadConfig(undefined, { POORTWACHTER_CONFIG: "other.yaml" }).server.port).toBe(7777);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("model catalogue, tiers and prices", () => {
  const config = parseConfig(PROVIDERS, { OPENAI_API_KEY: "k" });

  it("computes a tier per model and resolves base URLs and prices", () => {
    const catalog = modelCatalog(config);
    expect(catalog.map((m) => [m.name, m.providerId, m.tier])).toEqual([
      ["gpt-4.1", "openai", "customer"],
      ["gpt-4.1-mini", "openai", "customer"],
      ["llama3.1:8b", "lokaal", "special"],
    ]);
    expect(catalog[0]?.baseUrl).toBe("https://api.openai.com/v1");
    expect(catalog[0]?.price?.inputPerMTok).toBeCloseTo(2 * 0.86);
    expect(catalog[1]?.price).toEqual({ inputPerMTok: 0.3, outputPerMTok: 1.2 });
    expect(catalog[2]?.price).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
  });

  it("lets a model override its provider's facts and maps Azure deployments", () => {
    const azure = parseConfig(
      `providers:\n  - id: az\n    type: azure-openai\n    baseUrl: https://x.openai.azure.com\n    apiKey: k\n    apiVersion: "2024-10-21"\n    contract: business\n    deployments: { gpt-4.1-eu: dep-41 }\n    models: [{ name: gpt-4.1, alias: gpt-4.1-eu, euResidency: true, dpaSigned: true }, gpt-4o]\n`,
      {},
    );
    const [eu, plain] = modelCatalog(azure);
    expect(eu).toMatchObject({ name: "gpt-4.1-eu", upstreamModel: "dep-41", tier: "sensitive" });
    expect(plain).toMatchObject({ name: "gpt-4o", upstreamModel: "gpt-4o", tier: "customer" });
  });

  it("prices dated snapshots like their family and computes costs", () => {
    expect(findPrice(DEFAULT_PRICES, "gpt-4.1-mini-2025-04-14")).toBe(DEFAULT_PRICES["gpt-4.1-mini"]);
    expect(findPrice(DEFAULT_PRICES, "claude-opus-4-5-20251101")).toBe(DEFAULT_PRICES["claude-opus-4-5"]);
    expect(findPrice(DEFAULT_PRICES, "gpt-4.10")).toBeUndefined();
    expect(costInEuro({ inputPerMTok: 2, outputPerMTok: 8 }, 500_000, 250_000)).toBe(3);
  });

  it("tells the admin what to configure", () => {
    expect(configHints(defaultConfig())[0]?.nl).toMatch(/geen AI-provider ingesteld/);
    expect(configHints(config)).toEqual([]);
    const noLocal = parseConfig(
      `providers:\n  - id: m\n    type: openai-compatible\n    baseUrl: http://10.0.0.2/v1\n    models: [eigen-model]\n`,
      {},
    );
    expect(configHints(noLocal).map((h) => h.en)).toEqual([
      expect.stringMatching(/No model may receive special-category data/),
      expect.stringMatching(/No price known for model "eigen-model"/),
    ]);
  });
});

describe("server.detectionThreads", () => {
  const ENV = { OPENAI_API_KEY: "sk-test" };
  it("is absent by default (the gateway picks by core count) and takes 0-16", () => {
    expect(parseConfig(PROVIDERS, ENV, "test.yaml").server.detectionThreads).toBeUndefined();
    expect(parseConfig(`${PROVIDERS}server:\n  detectionThreads: 0\n`, ENV, "test.yaml").server.detectionThreads).toBe(
      0,
    );
    expect(
      parseConfig(`${PROVIDERS}server:\n  detectionThreads: \${THREADS}\n`, { ...ENV, THREADS: "2" }, "test.yaml")
        .server.detectionThreads,
    ).toBe(2);
    for (const bad of ["-1", "17", "1.5", "many"]) {
      expect(issuesOf(`${PROVIDERS}server:\n  detectionThreads: ${bad}\n`, ENV).map((issue) => issue.path)).toContain(
        "server.detectionThreads",
      );
    }
  });
});
