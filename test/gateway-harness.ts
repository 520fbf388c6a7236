/**
 * Test harness for the gateway end-to-end tests: a real mock upstream on loopback and a real
 * Poortwachter server (store, gateway, HTTP) on a free port, with a personal key.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PoortwachterConfig, parseConfig } from "../src/config/index.js";
import { createGateway, type GatewayInstance } from "../src/gateway/index.js";
import { type MockUpstream, startMockUpstream } from "../src/gateway/testing/mock-upstream.js";
import { ensureAdminToken, verifyAdminToken } from "../src/server/admin-token.js";
import { createServerApp } from "../src/server/app.js";
import { serveApp } from "../src/server/listen.js";
import { openStore, type Store } from "../src/store/index.js";

export const VAULT_KEY = randomBytes(32).toString("hex");

/** Three providers on the one mock: a business OpenAI, a business Anthropic and a local model. */
export function gatewayYaml(upstream: string, extra = ""): string {
  return `
providers:
  - id: openai
    type: openai
    baseUrl: ${upstream}/openai/v1
    apiKey: sk-upstream-openai
    contract: business
    dpaSigned: true
    euResidency: true
    maxRetries: 0
    models: [gpt-4.1]
  - id: anthropic
    type: anthropic
    baseUrl: ${upstream}/anthropic
    apiKey: sk-upstream-anthropic
    contract: business
    dpaSigned: true
    euResidency: true
    maxRetries: 0
    models: [claude-sonnet-4-5]
  - id: lokaal
    type: openai-compatible
    baseUrl: ${upstream}/local/v1
    local: true
    maxRetries: 0
    models: [llama3.1:8b]
security:
  vaultKey: ${VAULT_KEY}
${extra}`;
}

export interface InstanceOptions {
  config: PoortwachterConfig;
  dataDir?: string;
  databaseUrl?: string;
  schema?: string;
  redisUrl?: string;
  redisPrefix?: string;
  upstreamTimeoutMs?: number;
}

export interface Instance {
  url: string;
  store: Store;
  gateway: GatewayInstance;
  adminToken: string | undefined;
  close(): Promise<void>;
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "pw-gw-"));
  const store = await openStore({ dataDir, databaseUrl: options.databaseUrl, schema: options.schema });
  const adminToken = (await ensureAdminToken(store)).created;
  const gateway = await createGateway({
    config: options.config,
    store,
    dataDir,
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    upstreamTimeoutMs: options.upstreamTimeoutMs,
    verifyAdminToken: (token) => verifyAdminToken(store, token),
  });
  const app = createServerApp({ store, gateway });
  // As `poortwachter start` serves it: the gateway's endpoints on Node directly, the rest through the app.
  const server = await serveApp({ app, gateway, port: 0, hostname: "127.0.0.1" });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    gateway,
    adminToken,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await gateway.close();
      await store.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createKey(instance: Instance, user: string, team?: string): Promise<string> {
  const response = await fetch(`${instance.url}/api/gateway/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${instance.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify(team ? { user, team } : { user }),
  });
  if (response.status !== 201) throw new Error(`key creation failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { key: string }).key;
}

export interface Setup {
  upstream: MockUpstream;
  instance: Instance;
  key: string;
  close(): Promise<void>;
}

/** A mock upstream plus one instance configured with `extraYaml`, and a key for user `tester`. */
export async function setup(extraYaml = "", instanceOptions: Partial<InstanceOptions> = {}): Promise<Setup> {
  const upstream = await startMockUpstream();
  const config = parseConfig(gatewayYaml(upstream.url, extraYaml), {}, "test.yaml");
  const instance = await startInstance({ config, ...instanceOptions });
  const key = await createKey(instance, "tester");
  return {
    upstream,
    instance,
    key,
    async close() {
      await instance.close();
      await upstream.close();
    },
  };
}

/** POST a JSON body as an OpenAI client (Bearer) or an Anthropic client (x-api-key). */
export function post(
  setupOrUrl: { instance: { url: string }; key: string },
  path: "/v1/chat/completions" | "/v1/messages" | "/v1/embeddings",
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  const auth: Record<string, string> =
    path === "/v1/messages"
      ? { "x-api-key": setupOrUrl.key, "anthropic-version": "2023-06-01" }
      : { authorization: `Bearer ${setupOrUrl.key}` };
  return fetch(`${setupOrUrl.instance.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

/** SSE text -> [event name | undefined, parsed data or "[DONE]"]. */
export function parseSseText(text: string): Array<{ event: string | undefined; data: unknown }> {
  const out: Array<{ event: string | undefined; data: unknown }> = [];
  for (const block of text.split("\n\n")) {
    if (block.trim() === "") continue;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    const joined = data.join("\n");
    out.push({ event, data: joined === "[DONE]" ? "[DONE]" : JSON.parse(joined) });
  }
  return out;
}

/** The text an OpenAI or Anthropic streaming client would show. */
export function streamedText(events: Array<{ event: string | undefined; data: unknown }>): string {
  let text = "";
  for (const { data } of events) {
    if (data === "[DONE]" || !data || typeof data !== "object") continue;
    const record = data as {
      choices?: Array<{ delta?: { content?: string | null } }>;
      type?: string;
      delta?: { type?: string; text?: string };
    };
    if (Array.isArray(record.choices)) for (const c of record.choices) text += c.delta?.content ?? "";
    if (record.type === "content_block_delta" && record.delta?.type === "text_delta") text += record.delta.text ?? "";
  }
  return text;
}
