import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ApprovalAlreadyDecidedError,
  ApprovalNotFoundError,
  ApprovalService,
  approvalConversation,
  approvedPolicy,
  firstUserText,
  type HeldRequest,
  toolNames,
} from "../src/gateway/approvals/index.js";
import { DEFAULT_POLICY } from "../src/policy/index.js";
import { type TestStore, testBackends } from "../src/store/test-helpers/backends.js";

const backends = await testBackends();

const HELD: HeldRequest = {
  user: "anouk",
  team: "verkoop",
  keyId: "key_1",
  endpoint: "/v1/chat/completions",
  model: "gpt-4.1",
  tools: ["stuur_mail", "zoek_klant"],
  classification: "customer",
  entityCounts: { PERSON: 2, EMAIL: 1 },
  conversation: "derived-abc",
};

describe.each(backends)("approvals on $name", (backend) => {
  let t: TestStore;
  let now: number;
  let service: ApprovalService;
  beforeEach(async () => {
    t = await backend.open();
    now = Date.parse("2026-11-23T10:00:00Z");
    service = new ApprovalService(t.store.db, { clock: () => now, windowMs: 60 * 60 * 1000 });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("records one pending approval per conversation, model and tools, and keeps the conversation hashed", async () => {
    const first = await service.check(HELD, null);
    expect(first.outcome).toBe("required");
    const again = await service.check({ ...HELD, tools: ["zoek_klant", "stuur_mail"] }, undefined);
    expect(again.approval.id).toBe(first.approval.id);
    const other = await service.check({ ...HELD, model: "gpt-4.1-mini" }, null);
    expect(other.approval.id).not.toBe(first.approval.id);
    const [stored] = await service.list({ status: "pending", limit: 1 });
    expect(stored?.conversationHash).not.toContain("derived-abc");
    expect(first.approval).toMatchObject({ user: "anouk", team: "verkoop", entityCounts: { PERSON: 2, EMAIL: 1 } });
  });

  it("grants within the window, counts uses, and asks anew once it has expired", async () => {
    const { approval } = await service.check(HELD, null);
    expect((await service.check(HELD, approval.id)).outcome).toBe("pending");
    const approved = await service.approve(approval.id, "fenna", "  akkoord  ");
    expect(approved).toMatchObject({ status: "approved", decidedBy: "fenna", note: "akkoord" });
    expect(approved.expiresAt).toBe("2026-11-23T11:00:00.000Z");

    now += 59 * 60 * 1000;
    const granted = await service.check({ ...HELD, tools: ["zoek_klant"] }, approval.id);
    expect(granted.outcome).toBe("granted");
    expect((await service.get(approval.id)).uses).toBe(1);

    now += 2 * 60 * 1000;
    const expired = await service.check(HELD, approval.id);
    expect(expired).toMatchObject({ outcome: "required", previous: "expired" });
    expect(expired.approval.id).not.toBe(approval.id);
  });

  it("keeps a denial final and refuses a second decision", async () => {
    const { approval } = await service.check(HELD, null);
    await service.deny(approval.id, "fenna");
    expect((await service.check(HELD, approval.id)).outcome).toBe("denied");
    await expect(service.approve(approval.id, "bram")).rejects.toBeInstanceOf(ApprovalAlreadyDecidedError);
    await expect(service.approve("apr_bestaatniet", "bram")).rejects.toBeInstanceOf(ApprovalNotFoundError);
  });

  it("treats another user's id as unknown", async () => {
    const { approval } = await service.check(HELD, null);
    await service.approve(approval.id, "fenna");
    const stranger = await service.check({ ...HELD, user: "bram" }, approval.id);
    expect(stranger).toMatchObject({ outcome: "required", previous: "unknown" });
    expect(stranger.approval.user).toBe("bram");
  });
});

describe("approval helpers", () => {
  it("finds the first user message in every protocol, never the system prompt", () => {
    expect(
      firstUserText({
        messages: [
          { role: "system", content: "Systeem" },
          { role: "user", content: [{ type: "text", text: "Eerste" }] },
          { role: "user", content: "Tweede" },
        ],
      }),
    ).toBe("Eerste");
    expect(firstUserText({ input: "Los" })).toBe("Los");
    expect(
      firstUserText({
        instructions: "Systeem",
        input: [
          { role: "developer", content: "Regels" },
          { role: "user", content: [{ type: "input_text", text: "Vraag" }] },
        ],
      }),
    ).toBe("Vraag");
    expect(approvalConversation("gesprek-7", {})).toBe("header:gesprek-7");
    expect(approvalConversation(null, { input: "a" })).not.toBe(approvalConversation(null, { input: "b" }));
  });

  it("names tools of every protocol", () => {
    expect(
      toolNames([
        { type: "function", function: { name: "b" } },
        { name: "a", input_schema: {} },
        { type: "function", name: "c" },
        { type: "web_search" },
        { type: "function", function: { name: "b" } },
      ]),
    ).toEqual(["a", "b", "c", "web_search"]);
    expect(toolNames(undefined)).toEqual([]);
  });

  it("decides an approved request with tool calls flagged, also for a team that requires approval", () => {
    const policy = {
      ...DEFAULT_POLICY,
      toolCalls: "require-approval" as const,
      teams: { hr: { toolCalls: "require-approval" as const } },
    };
    const approved = approvedPolicy(policy, "hr");
    expect(approved.toolCalls).toBe("flag");
    expect(approved.teams.hr?.toolCalls).toBe("flag");
    expect(policy.teams.hr.toolCalls).toBe("require-approval");
  });
});
