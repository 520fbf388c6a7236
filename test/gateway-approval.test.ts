import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKey, post, type Setup, setup } from "./gateway-harness.js";

const NAME = "Pieter van Dijk";
const EMAIL = "pieter.vandijk@voorbeeld.nl";
const PROMPT = `Zoek de openstaande facturen van ${NAME} (${EMAIL}) en stuur een herinnering.`;
const TOOLS = [
  { type: "function", function: { name: "zoek_facturen", parameters: { type: "object" } } },
  { type: "function", function: { name: "stuur_mail", parameters: { type: "object" } } },
];

let s: Setup;

function admin(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${s.instance.url}/api/gateway${path}`, {
    ...init,
    headers: { authorization: `Bearer ${s.instance.adminToken}`, "content-type": "application/json" },
  });
}

function chat(headers: Record<string, string> = {}, key = s.key, prompt = PROMPT, tools: unknown[] = TOOLS) {
  return post(
    { instance: s.instance, key },
    "/v1/chat/completions",
    {
      model: "gpt-4.1",
      messages: [{ role: "user", content: prompt }],
      tools,
    },
    headers,
  );
}

async function auditRecords() {
  await s.instance.gateway.gateway.idle();
  await s.instance.gateway.accounting.audit.flush();
  return s.instance.gateway.accounting.auditLog.query({ limit: 100_000 });
}

beforeAll(async () => {
  s = await setup("policy:\n  toolCalls: require-approval\n");
});
afterAll(async () => {
  await s.close();
});
beforeEach(() => {
  s.upstream.reset();
});

describe("tool calls on customer data under require-approval", () => {
  it("holds the request, records a pending approval without personal data, and tells the client what to do", async () => {
    const response = await chat();
    expect(response.status).toBe(403);
    const id = response.headers.get("x-poortwachter-approval");
    expect(id).toMatch(/^apr_[a-z]{20}$/);
    const body = (await response.json()) as { error: { code: string; message: string; type: string } };
    expect(body.error.code).toBe("approval_required");
    expect(body.error.type).toBe("permission_error");
    expect(body.error.message).toContain(id);
    expect(body.error.message).toContain("x-poortwachter-approval");
    expect(s.upstream.requests).toHaveLength(0);

    const listed = await admin("/approvals");
    const text = await listed.text();
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(EMAIL);
    const approval = (JSON.parse(text) as { approvals: Array<Record<string, unknown>> }).approvals.find(
      (a) => a.id === id,
    );
    expect(approval).toMatchObject({
      status: "pending",
      user: "tester",
      model: "gpt-4.1",
      tools: ["stuur_mail", "zoek_facturen"],
      classification: "customer",
      endpoint: "/v1/chat/completions",
    });
    expect(approval?.entityCounts).toMatchObject({ PERSON: 1, EMAIL: 1 });

    // Asking again (no header) reuses the pending approval instead of piling up new ones.
    const again = await chat();
    expect(again.headers.get("x-poortwachter-approval")).toBe(id);
    const audit = (await auditRecords()).slice(-1)[0];
    expect(audit?.decision).toBe("block");
    expect(audit?.reasons).toContain(`approval:${id}`);
    expect(audit?.httpStatus).toBe(403);
  });

  it("lets the conversation through once an admin approved, and audits the approval id", async () => {
    const held = await chat();
    const id = held.headers.get("x-poortwachter-approval") as string;

    const pending = await chat({ "x-poortwachter-approval": id });
    expect(pending.status).toBe(403);
    expect(((await pending.json()) as { error: { code: string } }).error.code).toBe("approval_pending");

    const approved = await admin(`/approvals/${id}/approve`, { method: "POST", body: JSON.stringify({ by: "fenna" }) });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ id, status: "approved", decidedBy: "fenna" });

    s.upstream.reply({ text: "Herinnering gestuurd aan [PERSOON_1]." }, { text: "Nog een stap voor [PERSOON_1]." });
    const through = await chat({ "x-poortwachter-approval": id });
    expect(through.status).toBe(200);
    const answer = (await through.json()) as { choices: Array<{ message: { content: string } }> };
    expect(answer.choices[0]?.message.content).toBe(`Herinnering gestuurd aan ${NAME}.`);
    expect(s.upstream.lastRequest()?.bodyText).not.toContain(NAME);
    expect(s.upstream.lastRequest()?.body.tools).toHaveLength(2);

    // The window: the agent's next step in the same conversation, with fewer tools, also goes.
    const next = await chat({ "x-poortwachter-approval": id }, s.key, PROMPT, TOOLS.slice(0, 1));
    expect(next.status).toBe(200);

    const records = (await auditRecords()).slice(-2);
    for (const record of records) {
      expect(record.decision).toBe("forward");
      expect(record.reasons).toContain(`approval:${id}`);
      expect(record.reasons).toContain("approval_granted");
      expect(record.reasons).toContain("tool_calls_on_customer_data");
      expect(record.reasons).not.toContain("approval_required");
    }
    const after = (await (await admin(`/approvals/${id}`)).json()) as { uses: number };
    expect(after.uses).toBe(2);

    // A second decision on the same approval is a conflict.
    expect((await admin(`/approvals/${id}/deny`, { method: "POST" })).status).toBe(409);
  });

  it("does not let an approval cover another conversation, another tool or another user", async () => {
    const held = await chat();
    const id = held.headers.get("x-poortwachter-approval") as string;
    await admin(`/approvals/${id}/approve`, { method: "POST" });

    const otherTool = await chat({ "x-poortwachter-approval": id }, s.key, PROMPT, [
      { type: "function", function: { name: "verwijder_klant", parameters: { type: "object" } } },
    ]);
    expect(otherTool.status).toBe(403);
    const otherToolBody = (await otherTool.json()) as { error: { code: string; message: string } };
    expect(otherToolBody.error.code).toBe("approval_required");
    expect(otherToolBody.error.message).toContain("ander gesprek, model of andere tools");
    expect(otherTool.headers.get("x-poortwachter-approval")).not.toBe(id);

    const otherConversation = await chat({ "x-poortwachter-approval": id }, s.key, `Bel ${NAME} over de offerte.`);
    expect(otherConversation.status).toBe(403);

    const otherKey = await createKey(s.instance, "bram");
    const otherUser = await chat({ "x-poortwachter-approval": id }, otherKey);
    expect(otherUser.status).toBe(403);
    const otherUserBody = (await otherUser.json()) as { error: { message: string } };
    expect(otherUserBody.error.message).toContain("onbekend");
    expect(s.upstream.requests).toHaveLength(0);
  });

  it("keys an approval by the user's first message, not by an agent's fixed system prompt", async () => {
    const withSystem = (prompt: string, approval?: string) =>
      post(
        s,
        "/v1/chat/completions",
        {
          model: "gpt-4.1",
          messages: [
            { role: "system", content: "Je bent de boekhoudagent van Bakkerij Zonneveld." },
            { role: "user", content: prompt },
          ],
          tools: TOOLS,
        },
        approval ? { "x-poortwachter-approval": approval } : {},
      );
    const held = await withSystem(PROMPT);
    const id = held.headers.get("x-poortwachter-approval") as string;
    await admin(`/approvals/${id}/approve`, { method: "POST" });
    s.upstream.reply({ text: "Gedaan." });
    expect((await withSystem(PROMPT, id)).status).toBe(200);
    const other = await withSystem(`Mail ${NAME} over de nieuwe prijslijst.`, id);
    expect(other.status).toBe(403);
    expect(other.headers.get("x-poortwachter-approval")).not.toBe(id);
  });

  it("refuses after a denial, in the Anthropic error shape for Anthropic clients, in English when asked", async () => {
    const body = {
      model: "claude-sonnet-4-5",
      max_tokens: 200,
      messages: [{ role: "user", content: PROMPT }],
      tools: [{ name: "zoek_facturen", input_schema: { type: "object" } }],
    };
    const held = await post(s, "/v1/messages", body, { "accept-language": "en" });
    expect(held.status).toBe(403);
    const id = held.headers.get("x-poortwachter-approval") as string;
    const heldBody = (await held.json()) as { type: string; error: { type: string; message: string } };
    expect(heldBody.type).toBe("error");
    expect(heldBody.error.type).toBe("permission_error");
    expect(heldBody.error.message).toContain(`Approval requested: ${id}`);

    expect(
      (await admin(`/approvals/${id}/deny`, { method: "POST", body: JSON.stringify({ note: "niet nodig" }) })).status,
    ).toBe(200);
    const denied = await post(s, "/v1/messages", body, { "x-poortwachter-approval": id, "accept-language": "en" });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toContain("was denied");
    expect(s.upstream.requests).toHaveLength(0);
  });

  it("does not hold requests without tools or without customer data", async () => {
    s.upstream.reply({ text: "Prima." }, { text: "Prima." });
    expect((await chat({}, s.key, PROMPT, [])).status).toBe(200);
    expect((await chat({}, s.key, "Wat is de hoofdstad van Frankrijk?")).status).toBe(200);
  });

  it("admin API: 404 for an unknown id, 400 for a bad filter, 401 without the admin token", async () => {
    expect((await admin("/approvals/apr_aaaaaaaaaaaaaaaaaaaa/approve", { method: "POST" })).status).toBe(404);
    expect((await admin("/approvals?status=misschien")).status).toBe(400);
    expect((await fetch(`${s.instance.url}/api/gateway/approvals`)).status).toBe(401);
    const all = (await (await admin("/approvals?status=all")).json()) as { approvals: Array<{ status: string }> };
    expect(new Set(all.approvals.map((a) => a.status))).toEqual(new Set(["pending", "approved", "denied"]));
  });
});
