import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IdentityService } from "../../gateway/accounting/identity.js";
import { createGatewayRepositories } from "../../store/repositories/gateway-repositories.js";
import { openStore } from "../../store/store.js";
import { main } from "../main.js";

const dir = mkdtempSync(join(tmpdir(), "pw-keys-"));
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
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

async function authenticate(key: string) {
  const store = await openStore({ dataDir });
  try {
    return await new IdentityService(createGatewayRepositories(store.db).identity).authenticate(key);
  } finally {
    await store.close();
  }
}

const KEY = /pw-[0-9A-Za-z]{10}-[A-Za-z0-9_-]{43}/g;

beforeAll(() => {
  // The commands must use the flags given here, not whatever the test machine's environment says.
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("POORTWACHTER_CONFIG", "");
  vi.stubEnv("POORTWACHTER_DATA_DIR", "");
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("poortwachter keys", () => {
  let key = "";
  let id = "";

  it("create prints the key exactly once, and it works", async () => {
    const res = await run([
      "keys",
      "create",
      "--user",
      "anouk",
      "--team",
      "verkoop",
      "--expires",
      "90d",
      "--data-dir",
      dataDir,
    ]);
    expect(res.code).toBe(0);
    const keys = res.out.match(KEY) ?? [];
    expect(keys).toHaveLength(1);
    key = keys[0]!;
    id = key.slice(3, 13);
    expect(res.out).toContain("maar één keer");
    expect(res.out).toContain(`keys revoke ${id}`);
    expect(await authenticate(key)).toEqual({ ok: true, identity: { keyId: id, user: "anouk", team: "verkoop" } });
  });

  it("list shows the key's id and status but never the key", async () => {
    const res = await run(["keys", "list", "--data-dir", dataDir]);
    expect(res.code).toBe(0);
    expect(res.out).toContain(`pw-${id}-…`);
    expect(res.out).toMatch(/anouk\s+verkoop\s+actief/);
    expect(res.out).not.toContain(key.slice(14));
    const json = await run(["keys", "list", "--json", "--data-dir", dataDir]);
    expect(json.out).not.toContain(key.slice(14));
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ id, user: "anouk", status: "active" })]);
  });

  it("revoke stops the key", async () => {
    const res = await run(["keys", "revoke", id, "--data-dir", dataDir]);
    expect(res.code).toBe(0);
    expect(res.out).toContain("ingetrokken");
    expect(await authenticate(key)).toEqual({ ok: false, code: "revoked" });
    expect((await run(["keys", "list", "--data-dir", dataDir])).out).toMatch(/anouk\s+verkoop\s+ingetrokken/);
  });

  it("reads the data folder from --config", async () => {
    const config = join(dir, "poortwachter.yaml");
    writeFileSync(config, `storage:\n  dataDir: ${JSON.stringify(dataDir)}\n`);
    const res = await run(["keys", "create", "--user", "bram", "--config", config]);
    expect(res.code).toBe(0);
    const listed = await run(["keys", "list", "--user", "bram", "--json", "--data-dir", dataDir]);
    expect(JSON.parse(listed.out)).toHaveLength(1);
  });

  it("refuses bad input with a clear message", async () => {
    const badUser = await run(["keys", "create", "--user", "jan@voorbeeld.nl", "--data-dir", dataDir]);
    expect(badUser.code).toBe(1);
    expect(badUser.err).toContain("ongeldige gebruikersnaam");
    const badExpiry = await run(["keys", "create", "--user", "jan", "--expires", "soon", "--data-dir", dataDir]);
    expect(badExpiry.code).toBe(1);
    expect(badExpiry.err).toContain("ongeldige duur");
    const unknown = await run(["keys", "revoke", "ZZZZZZZZZZ", "--data-dir", dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("not found");
  });
});

describe("poortwachter users and teams", () => {
  it("adds and lists users and teams", async () => {
    expect((await run(["teams", "add", "inkoop", "--data-dir", dataDir])).code).toBe(0);
    expect((await run(["users", "add", "carla", "--team", "inkoop", "--data-dir", dataDir])).code).toBe(0);
    expect((await run(["users", "list", "--team", "inkoop", "--data-dir", dataDir])).out).toMatch(/carla\s+inkoop/);
    expect((await run(["users", "set-team", "carla", "verkoop", "--data-dir", dataDir])).out).toContain("team verkoop");
    const teams = JSON.parse((await run(["teams", "list", "--json", "--data-dir", dataDir])).out) as { name: string }[];
    expect(teams.map((t) => t.name)).toEqual(["inkoop", "verkoop"]);
    expect((await run(["teams", "add", "inkoop", "--data-dir", dataDir])).code).toBe(1);
  });

  it("exports an empty audit log as a CSV header", async () => {
    const res = await run(["audit", "export", "--format", "csv", "--data-dir", dataDir]);
    expect(res.code).toBe(0);
    expect(res.out.trim()).toMatch(/^id,time,user,team,key_id,tool,endpoint/);
    expect((await run(["audit", "export", "--format", "xml", "--data-dir", dataDir])).code).toBe(1);
  });
});
