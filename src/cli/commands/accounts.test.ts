import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AccountService } from "../../accounts/index.js";
import { hashPassword } from "../../accounts/passwords.js";
import { openStore } from "../../store/store.js";
import { insertAccountRow } from "../../store/test-helpers/accounts.js";
import { main } from "../main.js";

const dir = mkdtempSync(join(tmpdir(), "pw-accounts-cli-"));
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
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("POORTWACHTER_CONFIG", "");
  vi.stubEnv("POORTWACHTER_DATA_DIR", "");
  // An owner with TOTP on, as if set up through the web app.
  const store = await openStore({ dataDir });
  await insertAccountRow(
    store,
    {
      id: "acc_1",
      name: "marieke",
      display_name: "Marieke de Boer",
      role: "owner",
      password_hash: await hashPassword("vergeten wachtwoord"),
      totp_secret: "v1.sealed",
      totp_enabled_at: "2026-11-01T00:00:00.000Z",
      totp_last_step: 1,
    },
    "2026-11-01T00:00:00.000Z",
  );
  await store.close();
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("poortwachter accounts", () => {
  it("lists accounts with role and 2FA", async () => {
    const { code, out } = await run(["accounts", "list", "--data-dir", dataDir]);
    expect(code).toBe(0);
    expect(out).toMatch(/marieke\s+Marieke de Boer\s+owner\s+-\s+aan\s+actief/);
  });

  it("resets 2FA and the password of a locked-out owner; the one-time password works once printed", async () => {
    const { code, out } = await run(["accounts", "reset", "marieke", "--2fa", "--password", "--data-dir", dataDir]);
    expect(code).toBe(0);
    expect(out).toContain("Tweestapsverificatie van marieke staat uit");
    const oneTime = /\n([a-z2-9]{4}(?:-[a-z2-9]{4}){3})\n/.exec(out)?.[1];
    expect(oneTime).toBeDefined();

    const store = await openStore({ dataDir });
    try {
      const accounts = new AccountService({
        store,
        clock: Date.now,
        secretBox: () => {
          throw new Error("unused");
        },
      });
      const login = await accounts.login("marieke", oneTime as string, "127.0.0.1");
      expect(login.kind).toBe("session");
      if (login.kind === "session") {
        expect(login.account.passwordChangeRequired).toBe(true);
        expect(login.account.totpEnabledAt).toBeNull();
      }
      const audit = await store.db.selectFrom("admin_audit").selectAll().execute();
      expect(audit.map((a) => [a.actor_name, a.action])).toEqual(
        expect.arrayContaining([
          ["cli", "account.totp_reset"],
          ["cli", "account.password_reset"],
        ]),
      );
    } finally {
      await store.close();
    }
  });

  it("asks what to reset, and names an unknown account", async () => {
    expect((await run(["accounts", "reset", "marieke", "--data-dir", dataDir])).code).toBe(1);
    const unknown = await run(["accounts", "reset", "niemand", "--2fa", "--data-dir", dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/does not exist|bestaat niet/);
  });
});
