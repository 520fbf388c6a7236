import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../../config/index.js";
import { createGateway, type GatewayInstance } from "../../../gateway/index.js";
import { type MockUpstream, startMockUpstream } from "../../../gateway/testing/mock-upstream.js";
import { GovernanceService } from "../../../governance/service/index.js";
import { openStore, type Store } from "../../../store/index.js";
import { GatewayAuditRepository } from "../../../store/repositories/gateway-audit.js";
import { insertAccountRow } from "../../../store/test-helpers/accounts.js";
import { type SessionAccount, testAccount, type WebApiDeps, type WebEnv } from "../context.js";
import { createChatApi } from "./index.js";

const DAY = 24 * 60 * 60 * 1000;
const ALICE: Partial<SessionAccount> = { id: "acc_alice", name: "alice", role: "member", team: null };
const BOB: Partial<SessionAccount> = { id: "acc_bob", name: "bob", role: "owner", team: null };

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
  - id: gratis
    type: openai-compatible
    baseUrl: ${upstream}/free/v1
    contract: consumer
    trainsOnData: true
    maxRetries: 0
    models: [gratis-model]
  - id: lokaal
    type: openai-compatible
    baseUrl: ${upstream}/local/v1
    local: true
    maxRetries: 0
    models: [llama3.1:8b]
policy:
  teams:
    zorg:
      specialCategories: block
      allowedModels: [gpt-4.1, llama3.1:8b]
security:
  vaultKey: ${randomBytes(32).toString("hex")}
`;
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary fields of JSON answers
type Json = any;

interface SseEvent {
  event: string;
  data: Json;
}

async function events(response: Response): Promise<SseEvent[]> {
  const text = await response.text();
  return text
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

function answerOf(list: SseEvent[]): string {
  return list
    .filter((e) => e.event === "delta")
    .map((e) => e.data.text)
    .join("");
}

describe("team chat API", () => {
  let upstream: MockUpstream;
  let dir: string;
  let store: Store;
  let gateway: GatewayInstance;
  let now: number;
  let deps: WebApiDeps;
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
    dir = mkdtempSync(join(tmpdir(), "pw-chat-"));
    store = await openStore({ dataDir: dir });
    const config = parseConfig(yaml(upstream.url));
    gateway = await createGateway({ config, store, dataDir: dir, verifyAdminToken: async () => false });
    now = Date.parse("2026-11-01T10:00:00Z");
    deps = {
      store,
      governance: new GovernanceService(store),
      gateway,
      config,
      dataDir: dir,
      clock: () => now,
    };
    for (const account of [ALICE, BOB]) {
      await insertAccountRow(
        store,
        { id: account.id as string, name: account.name as string, role: account.role as string },
        new Date(now),
      );
    }
    alice = new Hono<WebEnv>().use("*", testAccount(ALICE)).route("/chat", createChatApi(deps));
    bob = new Hono<WebEnv>().use("*", testAccount(BOB)).route("/chat", createChatApi(deps));
  });

  afterEach(async () => {
    await gateway.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (app: Hono<WebEnv>, path: string, body: unknown) =>
    app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  async function newConversation(app = alice): Promise<string> {
    const response = await post(app, "/chat/conversations", {});
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  function upstreamBodies(): string[] {
    return upstream.requests.filter((r) => r.path.endsWith("/chat/completions")).map((r) => r.bodyText);
  }

  it("lists the models with their tier and what data they may see", async () => {
    const response = await alice.request("/chat/models");
    const { models } = (await response.json()) as { models: Json[] };
    const business = models.find((m) => m.name === "gpt-4.1");
    const free = models.find((m) => m.name === "gratis-model");
    expect(business.allows.customer).toBe(true);
    expect(business.facts.dpaSigned).toBe(true);
    expect(free.allows.customer).toBe(false);
    expect(free.tier).toBe("public");
  });

  it("shows a team only its allowed models, with special categories off when the team blocks them", async () => {
    const care = new Hono<WebEnv>()
      .use("*", testAccount({ ...ALICE, team: "zorg" }))
      .route("/chat", createChatApi(deps));
    const { models } = (await (await care.request("/chat/models")).json()) as { models: Json[] };
    expect(models.map((m) => m.name)).toEqual(["gpt-4.1", "llama3.1:8b"]);
    const local = models.find((m) => m.name === "llama3.1:8b");
    expect(local.tier).toBe("special");
    expect(local.allows).toMatchObject({ customer: true, special: false });
    // Without the team's block the same local model may receive special categories.
    const all = ((await (await alice.request("/chat/models")).json()) as { models: Json[] }).models;
    expect(all.find((m) => m.name === "llama3.1:8b").allows.special).toBe(true);
    const id = await newConversation(care);
    const refused = await post(care, `/chat/conversations/${id}/messages`, { text: "Hoi", model: "gratis-model" });
    expect(refused.status).toBe(400);
  });

  it("sends a message through the gateway: the upstream sees placeholders, the answer streams restored", async () => {
    const id = await newConversation();
    upstream.reply({ text: ["Beste [PER", "SOON_1], ik mail ", "[EMAIL_1] vandaag."] });
    const response = await post(alice, `/chat/conversations/${id}/messages`, {
      text: "Schrijf een korte mail aan Jan de Vries (jan@devries.nl) over zijn offerte.",
      model: "gpt-4.1",
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const list = await events(response);
    expect(answerOf(list)).toBe("Beste Jan de Vries, ik mail jan@devries.nl vandaag.");
    const sent = upstreamBodies();
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain("Jan de Vries");
    expect(sent[0]).not.toContain("jan@devries.nl");
    const done = list.find((e) => e.event === "done")?.data;
    expect(done.seen.prompt).toContain("[PERSOON_1]");
    expect(done.seen.prompt).toContain("[EMAIL_1]");
    expect(done.seen.answer).toBe("Beste [PERSOON_1], ik mail [EMAIL_1] vandaag.");
    expect(done.entities).toMatchObject({ PERSON: 1, EMAIL: 1 });
    expect(done.model).toBe("gpt-4.1");

    // Kept in the conversation, and the next message keeps the same placeholder for the same person.
    upstream.reply({ text: "Prima." });
    const second = await events(
      await post(alice, `/chat/conversations/${id}/messages`, {
        text: "Stuur een kopie naar Jan de Vries.",
        model: "gpt-4.1",
      }),
    );
    expect(second.find((e) => e.event === "done")?.data.seen.prompt).toContain("[PERSOON_1]");
    expect(upstreamBodies()[1]).not.toContain("Vries");
    const opened = (await (await alice.request(`/chat/conversations/${id}`)).json()) as Json;
    expect(opened.messages.map((m: Json) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(opened.messages[1].text).toBe("Beste Jan de Vries, ik mail jan@devries.nl vandaag.");
    expect(opened.title).toContain("Jan de Vries");

    await gateway.accounting.audit.flush();
    const audit = await new GatewayAuditRepository(store.db).query({ user: "alice" });
    expect(audit).toHaveLength(2);
    expect(audit.every((r) => r.tool === "poortwachter-chat")).toBe(true);
  });

  it("leaves a value the user marked 'not personal' and pseudonymises a value the user added", async () => {
    const text = "Bel Piet Bakker over project Zonnebloem.";
    const preview = (await (await post(alice, "/chat/preview", { text })).json()) as { entities: Json[] };
    expect(preview.entities.some((e) => e.value === "Piet Bakker" && e.type === "PERSON")).toBe(true);
    expect(preview.entities.some((e) => e.value.includes("Zonnebloem"))).toBe(false);

    const id = await newConversation();
    upstream.reply({ text: "Ik bel [ORGANISATIE_1]." });
    const list = await events(
      await post(alice, `/chat/conversations/${id}/messages`, {
        text,
        model: "gpt-4.1",
        hints: { notPersonal: ["Piet Bakker"], add: [{ value: "Zonnebloem", type: "ORGANIZATION" }] },
      }),
    );
    const sent = upstreamBodies()[0] as string;
    expect(sent).toContain("Piet Bakker");
    expect(sent).not.toContain("Zonnebloem");
    expect(sent).toContain("[ORGANISATIE_1]");
    expect(answerOf(list)).toBe("Ik bel Zonnebloem.");

    await gateway.accounting.audit.flush();
    const [record] = await new GatewayAuditRepository(store.db).query({ user: "alice" });
    expect(record?.reasons).toEqual(expect.arrayContaining(["user_unmarked:1", "user_added:1"]));
  });

  it("cannot un-mark a secret: the message is refused and nothing is sent", async () => {
    const secret = "sk-proj-Zx8aQ2vL9mN4pR7sT1uW3yB6cD5eF0gH";
    const text = `Waarom werkt mijn sleutel ${secret} niet?`;
    const preview = (await (await post(alice, "/chat/preview", { text, hints: { notPersonal: [secret] } })).json()) as {
      entities: Json[];
    };
    expect(preview.entities.find((e) => e.type === "SECRET")?.locked).toBe(true);
    const id = await newConversation();
    const list = await events(
      await post(alice, `/chat/conversations/${id}/messages`, {
        text,
        model: "gpt-4.1",
        hints: { notPersonal: [secret] },
      }),
    );
    const refusal = list.find((e) => e.event === "refusal")?.data;
    expect(refusal.status).toBe(400);
    expect(refusal.message).toMatch(/geheim/i);
    expect(upstreamBodies()).toHaveLength(0);
    const opened = (await (await alice.request(`/chat/conversations/${id}`)).json()) as Json;
    expect(opened.messages).toEqual([]);
  });

  it("refuses a BSN with the gateway's reason, in English when the account reads English", async () => {
    const english = new Hono<WebEnv>().use("*", testAccount(ALICE, "en")).route("/chat", createChatApi(deps));
    const id = await newConversation(english);
    const list = await events(
      await post(english, `/chat/conversations/${id}/messages`, {
        text: "Het BSN van de klant is 111222333, kun je dat controleren?",
        model: "gpt-4.1",
      }),
    );
    const refusal = list.find((e) => e.event === "refusal")?.data;
    expect(refusal.message).toContain("citizen service number");
    expect(refusal.decision).toBe("block");
    expect(upstreamBodies()).toHaveLength(0);
  });

  it("stops the upstream call when the browser goes away, and keeps what arrived", async () => {
    const id = await newConversation();
    upstream.reply({ text: ["Eerste stuk. "], neverEnd: "trickle", chunkDelayMs: 20 });
    const controller = new AbortController();
    const response = await alice.request(
      new Request(`http://localhost/chat/conversations/${id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Vertel een lang verhaal", model: "gpt-4.1" }),
        signal: controller.signal,
      }),
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("event: delta");
    controller.abort();
    await reader.cancel().catch(() => {});
    const recorded = upstream.requests.find((r) => r.path.endsWith("/chat/completions"));
    await recorded?.finished;
    expect(recorded?.closedByClient).toBe(true);
    await expect
      .poll(async () => ((await (await alice.request(`/chat/conversations/${id}`)).json()) as Json).messages.length)
      .toBe(2);
    const opened = (await (await alice.request(`/chat/conversations/${id}`)).json()) as Json;
    expect(opened.messages[1].stopped).toBe(true);
    expect(opened.messages[1].text).toContain("Eerste stuk.");
  });

  it("refuses a model the account may not choose", async () => {
    const id = await newConversation();
    const response = await post(alice, `/chat/conversations/${id}/messages`, { text: "Hoi", model: "gpt-5-secret" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).error.code).toBe("model_not_allowed");
  });

  it("keeps conversations for their owner only, also away from an owner-role account", async () => {
    const id = await newConversation();
    upstream.reply({ text: "Goed." });
    await events(
      await post(alice, `/chat/conversations/${id}/messages`, { text: "Hallo Jan de Vries", model: "gpt-4.1" }),
    );
    expect((await bob.request(`/chat/conversations/${id}`)).status).toBe(404);
    expect(((await (await bob.request("/chat/conversations")).json()) as Json).conversations).toEqual([]);
    expect((await bob.request(`/chat/conversations/${id}`, { method: "DELETE" })).status).toBe(404);
    const renamed = await bob.request(`/chat/conversations/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "van mij" }),
    });
    expect(renamed.status).toBe(404);
    expect((await post(bob, `/chat/conversations/${id}/messages`, { text: "Hoi", model: "gpt-4.1" })).status).toBe(404);
    // Still there for Alice, untouched.
    const mine = (await (await alice.request("/chat/conversations")).json()) as Json;
    expect(mine.conversations.map((c: Json) => c.id)).toEqual([id]);
    expect(mine.conversations[0].title).toBe("Hallo Jan de Vries");
  });

  it("stores title and messages sealed, not in plain text", async () => {
    const id = await newConversation();
    upstream.reply({ text: "Dag [PERSOON_1]." });
    await events(
      await post(alice, `/chat/conversations/${id}/messages`, {
        text: "Groet Marieke van Dijk namens ons",
        model: "gpt-4.1",
      }),
    );
    const row = await store.db
      .selectFrom("chat_conversations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const stored = `${row.title_sealed}${row.content_sealed}`;
    expect(stored).not.toContain("Marieke");
    expect(stored).not.toContain("Groet");
    expect(stored).not.toContain("PERSOON");
    // Moved to another account's row, a sealed value does not open.
    await store.db.updateTable("chat_conversations").set({ account_id: "acc_bob" }).where("id", "=", id).execute();
    const moved = await bob.request(`/chat/conversations/${id}`);
    expect(moved.status).toBe(500);
    expect(((await moved.json()) as Json).error.code).toBe("conversation_unreadable");
    expect(((await (await bob.request("/chat/conversations")).json()) as Json).conversations).toEqual([]);
  });

  it("renames and deletes a conversation", async () => {
    const id = await newConversation();
    const renamed = await alice.request(`/chat/conversations/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Offerte De Vries" }),
    });
    expect(renamed.status).toBe(200);
    expect(((await (await alice.request(`/chat/conversations/${id}`)).json()) as Json).title).toBe("Offerte De Vries");
    expect((await alice.request(`/chat/conversations/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await alice.request(`/chat/conversations/${id}`)).status).toBe(404);
  });

  it("purges conversations past the retention period, by last activity", async () => {
    await newConversation(); // inactive for 31 days by the time the list is read
    now += 20 * DAY;
    const recent = await newConversation();
    now += 11 * DAY; // old: 31 days inactive, recent: 11
    const list = (await (await alice.request("/chat/conversations")).json()) as Json;
    expect(list.retentionDays).toBe(30);
    expect(list.conversations.map((c: Json) => c.id)).toEqual([recent]);
    expect(await store.db.selectFrom("chat_conversations").select("id").execute()).toEqual([{ id: recent }]);

    await store.settings.set("chat.retentionDays", 5);
    expect((await alice.request(`/chat/conversations/${recent}`)).status).toBe(404);
    expect(await store.db.selectFrom("chat_conversations").select("id").execute()).toEqual([]);
  });

  it("extracts text from an uploaded document without storing it", async () => {
    const form = new FormData();
    form.append("file", new File(["Naam: Jan de Vries\n"], "notitie.md", { type: "text/markdown" }));
    const response = await alice.request("/chat/documents/text", { method: "POST", body: form });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Json).text).toBe("Naam: Jan de Vries\n");
    const mail = new FormData();
    const eml =
      "From: Jan de Vries <jan@devries.nl>\r\nTo: info@bakkerij.nl\r\nSubject: Offerte\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGraag een offerte voor 200 broodjes.\r\n";
    mail.append("file", new File([eml], "vraag.eml", { type: "message/rfc822" }));
    const extracted = (await (
      await alice.request("/chat/documents/text", { method: "POST", body: mail })
    ).json()) as Json;
    expect(extracted.kind).toBe("eml");
    expect(extracted.text).toContain("Van: Jan de Vries <jan@devries.nl>");
    expect(extracted.text).toContain("Graag een offerte voor 200 broodjes.");

    const big = new FormData();
    big.append("file", new File([new Uint8Array(10 * 1024 * 1024 + 1)], "groot.txt"));
    expect((await alice.request("/chat/documents/text", { method: "POST", body: big })).status).toBe(413);

    const bad = new FormData();
    bad.append("file", new File(["x"], "foto.png"));
    const refused = await alice.request("/chat/documents/text", { method: "POST", body: bad });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Json).error.message).toContain("niet ondersteund");
  });
});
