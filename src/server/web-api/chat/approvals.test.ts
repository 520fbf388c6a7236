import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../../config/index.js";
import { createGateway, type GatewayInstance } from "../../../gateway/index.js";
import type { Gateway, GatewayRequest } from "../../../gateway/pipeline/gateway.js";
import { type MockUpstream, startMockUpstream } from "../../../gateway/testing/mock-upstream.js";
import { GovernanceService } from "../../../governance/service/index.js";
import { openStore, type Store } from "../../../store/index.js";
import { insertAccountRow } from "../../../store/test-helpers/accounts.js";
import { type SessionAccount, testAccount, type WebEnv } from "../context.js";
import { createChatApi } from "./index.js";

const ALICE: Partial<SessionAccount> = { id: "acc_alice", name: "alice", role: "member", team: null };
const BOB: Partial<SessionAccount> = { id: "acc_bob", name: "bob", role: "member", team: null };
const PROMPT = "Stuur Jan de Vries (jan@devries.nl) een herinnering over zijn factuur.";

function yaml(upstream: string): string {
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
policy:
  toolCalls: require-approval
security:
  vaultKey: ${randomBytes(32).toString("hex")}
`;
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary fields of JSON answers
type Json = any;

async function events(response: Response): Promise<Array<{ event: string; data: Json }>> {
  return (await response.text())
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event =
        lines
          .find((l) => l.startsWith("event:"))
          ?.slice(6)
          .trim() ?? "message";
      const data = lines
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trimStart())
        .join("\n");
      return { event, data: JSON.parse(data) };
    });
}

/**
 * The chat itself sends no tools, so the policy never holds its messages today. This gateway adds
 * one tool to every chat request, as a chat with tools would: the real policy, approval service
 * and gateway then hold the message exactly as they hold an API client's.
 */
function withTool(gateway: Gateway, seen: GatewayRequest[]): Gateway {
  return Object.create(gateway, {
    handle: {
      value(request: GatewayRequest) {
        seen.push(request);
        const body = JSON.parse(request.bodyText);
        body.tools = [{ type: "function", function: { name: "stuur_mail", parameters: { type: "object" } } }];
        return gateway.handle({ ...request, bodyText: JSON.stringify(body) });
      },
    },
  }) as Gateway;
}

describe("team chat: messages held for an admin's approval", () => {
  let upstream: MockUpstream;
  let dir: string;
  let store: Store;
  let gateway: GatewayInstance;
  let now: number;
  let seen: GatewayRequest[];
  let alice: Hono<WebEnv>;
  let bob: Hono<WebEnv>;

  beforeAll(async () => {
    upstream = await startMockUpstream();
  });
  afterAll(async () => {
    await upstream.close();
  });

  beforeEach(async () => {
    upstream.reset();
    dir = mkdtempSync(join(tmpdir(), "pw-chat-approval-"));
    store = await openStore({ dataDir: dir });
    const config = parseConfig(yaml(upstream.url));
    now = Date.now();
    gateway = await createGateway({ config, store, dataDir: dir, verifyAdminToken: async () => false });
    seen = [];
    const deps = {
      store,
      governance: new GovernanceService(store),
      gateway: { ...gateway, gateway: withTool(gateway.gateway, seen) },
      config,
      dataDir: dir,
      clock: () => now,
    };
    for (const account of [ALICE, BOB]) {
      await insertAccountRow(store, { id: account.id as string, name: account.name as string }, new Date(now));
    }
    alice = new Hono<WebEnv>().use("*", testAccount(ALICE)).route("/chat", createChatApi(deps));
    bob = new Hono<WebEnv>().use("*", testAccount(BOB, "en")).route("/chat", createChatApi(deps));
  });

  afterEach(async () => {
    await gateway.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (app: Hono<WebEnv>, path: string, body: unknown) =>
    app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  async function conversation(): Promise<string> {
    const response = await post(alice, "/chat/conversations", {});
    return ((await response.json()) as { id: string }).id;
  }

  async function refusalOf(id: string, extra: Record<string, unknown> = {}): Promise<Json> {
    const list = await events(
      await post(alice, `/chat/conversations/${id}/messages`, { text: PROMPT, model: "gpt-4.1", ...extra }),
    );
    return list.find((e) => e.event === "refusal")?.data;
  }

  it("explains in plain words that an admin must approve, and says nothing of headers", async () => {
    const id = await conversation();
    const refusal = await refusalOf(id);
    expect(refusal.code).toBe("approval_required");
    expect(refusal.approval).toEqual({ id: expect.stringMatching(/^apr_[a-z]{20}$/), status: "pending" });
    expect(refusal.message).toContain("beheerder");
    expect(refusal.message).not.toMatch(/header|x-poortwachter|poortwachter approvals/i);
    expect(upstream.requests).toHaveLength(0);
    // Nothing is stored: the user sends the same message again later.
    const opened = (await (await alice.request(`/chat/conversations/${id}`)).json()) as Json;
    expect(opened.messages).toEqual([]);
  });

  it("shows the status to its own user only, and sends the message once approved with the approval attached", async () => {
    const id = await conversation();
    const approval = (await refusalOf(id)).approval.id as string;

    const status = async (app = alice) => {
      const response = await app.request(`/chat/approvals/${approval}`);
      return { code: response.status, body: (await response.json()) as Json };
    };
    expect((await status()).body).toMatchObject({ id: approval, status: "pending", note: null });
    expect((await status(bob)).code).toBe(404);
    expect((await alice.request("/chat/approvals/apr_onbekend")).status).toBe(404);

    // Sending again before an admin decided: still held, same approval.
    const early = await refusalOf(id, { approval });
    expect(early.code).toBe("approval_pending");
    expect(early.approval).toEqual({ id: approval, status: "pending" });

    await gateway.approvals.approve(approval, "bob", "Akkoord voor deze klant");
    expect((await status()).body).toMatchObject({ status: "approved", note: "Akkoord voor deze klant" });

    upstream.reply({ text: "Verstuurd naar [PERSOON_1]." });
    const list = await events(
      await post(alice, `/chat/conversations/${id}/messages`, { text: PROMPT, model: "gpt-4.1", approval }),
    );
    expect(list.find((e) => e.event === "refusal")).toBeUndefined();
    expect(
      list
        .filter((e) => e.event === "delta")
        .map((e) => e.data.text)
        .join(""),
    ).toBe("Verstuurd naar Jan de Vries.");
    expect(seen.at(-1)?.header("x-poortwachter-approval")).toBe(approval);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.bodyText).not.toContain("Jan de Vries");

    // After the approval window the chat shows it as expired.
    now += 2 * 60 * 60 * 1000;
    expect((await status()).body.status).toBe("expired");
  });

  it("says a denied request was denied, and another user's approval id does not let a message through", async () => {
    const id = await conversation();
    const approval = (await refusalOf(id)).approval.id as string;
    await gateway.approvals.deny(approval, "bob");
    const denied = await refusalOf(id, { approval });
    expect(denied.approval).toEqual({ id: approval, status: "denied" });
    expect(denied.message).toContain("afgewezen");

    const bobs = ((await (await post(bob, "/chat/conversations", {})).json()) as { id: string }).id;
    await gateway.approvals.approve(approval, "alice").catch(() => {});
    const list = await events(
      await post(bob, `/chat/conversations/${bobs}/messages`, { text: PROMPT, model: "gpt-4.1", approval }),
    );
    const refusal = list.find((e) => e.event === "refusal")?.data;
    expect(refusal.approval.id).not.toBe(approval);
    expect(refusal.message).toContain("administrator");
    expect(upstream.requests).toHaveLength(0);
  });

  it("rejects an approval value that is not an approval id", async () => {
    const id = await conversation();
    const response = await post(alice, `/chat/conversations/${id}/messages`, {
      text: PROMPT,
      model: "gpt-4.1",
      approval: "x\r\nx-evil: 1",
    });
    expect(response.status).toBe(400);
  });
});
