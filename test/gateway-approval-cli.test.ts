import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.js";
import { ApprovalService } from "../src/gateway/approvals/index.js";
import { openStore } from "../src/store/store.js";

const dir = mkdtempSync(join(tmpdir(), "pw-approvals-cli-"));
const dataDir = join(dir, "data");

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main([...args, "--data-dir", dataDir]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

async function hold(user: string, conversation: string): Promise<string> {
  const store = await openStore({ dataDir });
  try {
    const check = await new ApprovalService(store.db).check(
      {
        user,
        team: "verkoop",
        keyId: "key_1",
        endpoint: "/v1/chat/completions",
        model: "gpt-4.1",
        tools: ["stuur_mail"],
        classification: "customer",
        entityCounts: { PERSON: 1, EMAIL: 1 },
        conversation,
      },
      null,
    );
    return check.approval.id;
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("POORTWACHTER_CONFIG", "");
  vi.stubEnv("POORTWACHTER_DATA_DIR", "");
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("poortwachter approvals", () => {
  it("says when nothing waits", async () => {
    const { code, out } = await run(["approvals", "list"]);
    expect(code).toBe(0);
    expect(out).toContain("Geen verzoeken die op goedkeuring wachten");
  });

  it("lists pending approvals, approves and denies them", async () => {
    const first = await hold("anouk", "gesprek-1");
    const second = await hold("bram", "gesprek-2");
    const listed = await run(["approvals", "list"]);
    expect(listed.out).toContain(first);
    expect(listed.out).toContain(second);
    expect(listed.out).toContain("EMAIL=1,PERSON=1");
    expect(listed.out).toContain("stuur_mail");

    const approved = await run(["approvals", "approve", first, "--by", "fenna"]);
    expect(approved.code).toBe(0);
    expect(approved.out).toContain(`x-poortwachter-approval: ${first}`);
    const denied = await run(["approvals", "deny", second, "--by", "fenna", "--note", "geen tools op klantdata"]);
    expect(denied.code).toBe(0);
    expect(denied.out).toContain("afgewezen");

    expect((await run(["approvals", "list"])).out).toContain("Geen verzoeken");
    const all = JSON.parse((await run(["approvals", "list", "--all", "--json"])).out) as Array<{
      id: string;
      status: string;
      decidedBy: string;
      note: string | null;
    }>;
    expect(all.find((a) => a.id === first)).toMatchObject({ status: "approved", decidedBy: "fenna" });
    expect(all.find((a) => a.id === second)).toMatchObject({ status: "denied", note: "geen tools op klantdata" });
    const approvedOnly = await run(["approvals", "list", "--status", "approved"]);
    expect(approvedOnly.out).toContain(first);
    expect(approvedOnly.out).not.toContain(second);
  });

  it("fails clearly on an unknown id, a second decision and a bad status", async () => {
    const unknown = await run(["approvals", "approve", "apr_aaaaaaaaaaaaaaaaaaaa"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("bestaat niet");
    const id = await hold("carla", "gesprek-3");
    await run(["approvals", "deny", id]);
    const twice = await run(["approvals", "approve", id]);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain("al beslist (afgewezen)");
    const bad = await run(["approvals", "list", "--status", "misschien"]);
    expect(bad.code).toBe(1);
  });
});
