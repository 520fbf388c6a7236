import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApprovalService } from "../src/gateway/approvals/index.js";
import { GovernanceService } from "../src/governance/service/index.js";
import { createApprovalsApi } from "../src/server/web-api/approvals/index.js";
import { type SessionAccount, testAccount, type WebEnv } from "../src/server/web-api/context.js";
import { openStore, type Store } from "../src/store/index.js";

const dir = mkdtempSync(join(tmpdir(), "pw-approvals-web-"));
let store: Store;
let service: ApprovalService;

function app(account: Partial<SessionAccount>, language: "nl" | "en" = "nl"): Hono<WebEnv> {
  const hono = new Hono<WebEnv>();
  hono.use("*", testAccount(account, language));
  hono.route(
    "/api/app/approvals",
    createApprovalsApi({ store, governance: new GovernanceService(store), clock: Date.now }),
  );
  return hono;
}

async function hold(user: string, conversation: string): Promise<string> {
  const check = await service.check(
    {
      user,
      team: null,
      keyId: null,
      endpoint: "/v1/responses",
      model: "gpt-4.1",
      tools: ["stuur_mail"],
      classification: "sensitive",
      entityCounts: { PERSON: 3 },
      conversation,
    },
    null,
  );
  return check.approval.id;
}

beforeAll(async () => {
  store = await openStore({ dataDir: dir });
  service = new ApprovalService(store.db);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("/api/app/approvals", () => {
  it("is for the owner and admins only", async () => {
    const response = await app({ role: "member", name: "jan" }).request("/api/app/approvals");
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });

  it("lists pending approvals and records the decision under the admin's name", async () => {
    const id = await hold("anouk", "web-1");
    const owner = app({ role: "owner", name: "fenna" });
    const listed = (await (await owner.request("/api/app/approvals")).json()) as {
      approvals: Array<{ id: string; status: string; entityCounts: Record<string, number> }>;
      windowMinutes: number;
    };
    expect(listed.windowMinutes).toBe(60);
    expect(listed.approvals.find((a) => a.id === id)).toMatchObject({ status: "pending", entityCounts: { PERSON: 3 } });

    const approved = await owner.request(`/api/app/approvals/${id}/approve`, {
      method: "POST",
      body: JSON.stringify({ note: "akkoord voor deze klus" }),
    });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({
      status: "approved",
      decidedBy: "fenna",
      note: "akkoord voor deze klus",
    });
    const pending = (await (await owner.request("/api/app/approvals")).json()) as { approvals: Array<{ id: string }> };
    expect(pending.approvals.some((a) => a.id === id)).toBe(false);
    const decided = (await (await owner.request("/api/app/approvals?status=approved")).json()) as {
      approvals: Array<{ id: string }>;
    };
    expect(decided.approvals.some((a) => a.id === id)).toBe(true);
  });

  it("answers a second decision with 409 and an unknown id with 404, in the caller's language", async () => {
    const id = await hold("bram", "web-2");
    const admin = app({ role: "admin", name: "kees" }, "en");
    expect((await admin.request(`/api/app/approvals/${id}/deny`, { method: "POST" })).status).toBe(200);
    const twice = await admin.request(`/api/app/approvals/${id}/approve`, { method: "POST" });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { message: string } }).error.message).toContain(
      "already been decided (denied)",
    );
    const unknown = await app({ role: "admin" }).request("/api/app/approvals/apr_onbekend/approve", { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      "Deze goedkeuring bestaat niet.",
    );
  });

  it("rejects bad input", async () => {
    const owner = app({ role: "owner" });
    expect((await owner.request("/api/app/approvals?status=misschien")).status).toBe(400);
    const id = await hold("carla", "web-3");
    const tooLong = await owner.request(`/api/app/approvals/${id}/approve`, {
      method: "POST",
      body: JSON.stringify({ note: "x".repeat(501) }),
    });
    expect(tooLong.status).toBe(400);
    expect((await owner.request(`/api/app/approvals/${id}/approve`, { method: "POST", body: "{" })).status).toBe(400);
  });
});
