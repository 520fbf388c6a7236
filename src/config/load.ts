/**
 * Reading poortwachter.yaml: parse, substitute `${ENV}`, apply the environment overrides, validate.
 * Every problem is reported with its path and, where the file has one, its line.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Document, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { type Env, EnvSubstitutionError, substituteEnv } from "./env.js";
import { configSchema } from "./schema.js";

export type PoortwachterConfig = z.output<typeof configSchema> & {
  /** The file it was read from; null for the built-in default. */
  source: string | null;
};
export type ProviderConfig = PoortwachterConfig["providers"][number];
export type ModelEntry = ProviderConfig["models"][number];
export type BudgetPeriods = NonNullable<PoortwachterConfig["budgets"]["perKey"]>;

export const DEFAULT_CONFIG_FILE = "poortwachter.yaml";

export interface ConfigIssue {
  /** `providers[1].baseUrl` */
  path: string;
  message: string;
  line?: number | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      `invalid configuration in ${source}:\n${issues
        .map((i) => `  ${i.path}: ${i.message}${i.line ? ` (line ${i.line})` : ""}`)
        .join("\n")}`,
    );
  }
}

/** `["providers", 1, "baseUrl"]` -> `providers[1].baseUrl` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

function lineOf(doc: Document | undefined, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  if (!doc) return undefined;
  // Walk up until a node exists: a missing key is reported at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Settings that only the environment should hold (URLs with passwords, the vault key). */
function applyEnvOverrides(raw: Record<string, unknown>, env: Env): void {
  const section = (name: string): Record<string, unknown> => {
    const current = raw[name];
    if (current !== null && typeof current === "object" && !Array.isArray(current))
      return current as Record<string, unknown>;
    const created: Record<string, unknown> = {};
    raw[name] = created;
    return created;
  };
  if (env.DATABASE_URL?.trim()) section("storage").databaseUrl = env.DATABASE_URL.trim();
  if (env.REDIS_URL?.trim()) section("storage").redisUrl = env.REDIS_URL.trim();
  if (env.POORTWACHTER_DATA_DIR?.trim()) section("storage").dataDir = env.POORTWACHTER_DATA_DIR.trim();
  if (env.POORTWACHTER_VAULT_KEY?.trim()) section("security").vaultKey = env.POORTWACHTER_VAULT_KEY.trim();
}

/** Parse and validate configuration text. `source` names the file in errors. */
export function parseConfig(text: string, env: Env = process.env, source = DEFAULT_CONFIG_FILE): PoortwachterConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => ({
        path: "(yaml)",
        message: e.message.split("\n")[0] ?? e.message,
        line: e.linePos?.[0]?.line,
      })),
    );
  }
  try {
    substituteEnv(doc, env, lines);
  } catch (err) {
    if (err instanceof EnvSubstitutionError) {
      const message = err.path ? err.message.slice(err.path.length + 2) : err.message;
      throw new ConfigError(source, [{ path: err.path ?? "(env)", message, line: err.line }]);
    }
    throw err;
  }
  const raw: unknown = doc.toJS() ?? {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError(source, [
      { path: "(root)", message: "must be a mapping of sections (server:, providers:, ...)" },
    ]);
  }
  applyEnvOverrides(raw as Record<string, unknown>, env);
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      source,
      result.error.issues.map((issue) => {
        const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
        const path = keys.length === 1 ? [...issue.path, keys[0] as string] : issue.path;
        const message =
          issue.code === "unrecognized_keys"
            ? `unknown key${keys.length > 1 ? `s ${keys.join(", ")}` : ""}`
            : issue.message;
        return { path: formatPath(path), message, line: lineOf(doc, lines, path) };
      }),
    );
  }
  return { ...result.data, source };
}

/** The built-in configuration: no providers, everything else at its documented default. */
export function defaultConfig(env: Env = {}): PoortwachterConfig {
  return { ...parseConfig("{}", env, "(default)"), source: null };
}

/**
 * Load the configuration: `path`, else POORTWACHTER_CONFIG, else ./poortwachter.yaml when it
 * exists, else the default. A path that was asked for but does not exist is an error.
 */
export function loadConfig(path?: string, env: Env = process.env): PoortwachterConfig {
  const asked = path ?? env.POORTWACHTER_CONFIG?.trim() ?? undefined;
  if (asked === undefined || asked === "") {
    if (!existsSync(DEFAULT_CONFIG_FILE)) return defaultConfig(env);
    return parseConfig(readFileSync(DEFAULT_CONFIG_FILE, "utf8"), env, resolve(DEFAULT_CONFIG_FILE));
  }
  const full = resolve(asked);
  if (!existsSync(full)) {
    throw new ConfigError(asked, [
      { path: "(file)", message: `not found; run "poortwachter init --out ${asked}" to write an example` },
    ]);
  }
  return parseConfig(readFileSync(full, "utf8"), env, full);
}
