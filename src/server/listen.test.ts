import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { createGateway, type GatewayInstance } from "../gateway/index.js";
import { type MockUpstream, startMockUpstream } from "../gateway/testing/mock-upstream.js";
import { openStore, type Store } from "../store/index.js";
import { createServerApp } from "./app.js";
import { serveApp } from "./listen.js";

let dataDir: string;
let upstream: MockUpstream;
let store: Store;
let gateway: GatewayInstance;
let server: Server;
let url: string;
let key: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "pw-listen-"));
  upstream = await startMockUpstream();
  const config = parseConfig(
    `
providers:
  - id: openai
    type: openai
    baseUrl: ${upstream.url}/v1
    apiKey: sk-upstream
    contract: business
    dpaSigned: true
    euResidency: true
    maxRetries: 0
    models: [gpt-4.1]
security:
  vaultKey: ${"cd".repeat(32)}
`,
    {},
    "listen.yaml",
  );
  store = await openStore({ dataDir });
  gateway = await createGateway({ config, store, dataDir, verifyAdminToken: async () => false });
  key = (await gateway.accounting.identity.createKey({ user: "anna" })).key;
  server = await serveApp({
    app: createServerApp({ store, gateway, webRoot: false }),
    gateway,
    port: 0,
    hostname: "127.0.0.1",
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await gateway.close();
  await store.close();
  await upstream.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const SECURITY = [
  "content-security-policy",
  "x-frame-options",
  "x-content-type-options",
  "referrer-policy",
  "strict-transport-security",
];

function chat(path: string, body: unknown) {
  return fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("serveApp", () => {
  it("answers the gateway's endpoints with the same security headers as the rest of the app", async () => {
    upstream.reply({ text: "Beste [PERSOON_1], tot morgen." });
    const answer = await chat("/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: "Schrijf een groet aan Pieter van Dijk." }],
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    const body = (await answer.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe("Beste Pieter van Dijk, tot morgen.");
    const health = await fetch(`${url}/healthz`);
    for (const name of SECURITY) {
      expect(health.headers.get(name), name).toBeTruthy();
      expect(answer.headers.get(name), name).toBe(health.headers.get(name));
    }
  });

  it("routes a query string to the gateway and leaves other paths and methods to the app", async () => {
    upstream.reply({ text: "Hallo." });
    const withQuery = await chat("/v1/chat/completions?trace=1", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: "Zeg hallo." }],
    });
    expect(withQuery.status).toBe(200);
    expect(withQuery.headers.get("x-poortwachter-decision")).toBe("forward");
    expect((await fetch(`${url}/v1/chat/completions`)).status).toBe(404);
    const models = await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(models.status).toBe(200);
  });

  it("streams with the security headers and refuses a bad key in the client's protocol", async () => {
    upstream.reply({ text: ["Beste ", "[PERSOON_1]", ", tot ", "morgen."] });
    const stream = await chat("/v1/chat/completions", {
      model: "gpt-4.1",
      stream: true,
      messages: [{ role: "user", content: "Schrijf een groet aan Pieter van Dijk." }],
    });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.headers.get("x-frame-options")).toBe("DENY");
    const text = await stream.text();
    expect(text).toContain("Pieter van Dijk");
    expect(text).not.toContain("PERSOON");
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);

    const refused = await fetch(`${url}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "pw-wrong", "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4.1", max_tokens: 10, messages: [{ role: "user", content: "Hoi" }] }),
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { type: string }).type).toBe("error");
  });

  it("answers 413 to a body over the limit without reading it all", async () => {
    const refused = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: "x".repeat(8 * 1024 * 1024 + 10),
    });
    expect(refused.status).toBe(413);
  });
});
