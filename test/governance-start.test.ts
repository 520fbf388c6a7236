import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns `poortwachter start` from source and resolves once it prints that it listens. */
async function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "test", "run-cli.ts"), "start", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", PORT: "", POORTWACHTER_DATA_DIR: "" },
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/luistert op http/.test(out)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited early:\n${out}`));
    });
  });
  return { child, output: () => out, exited };
}

const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("poortwachter start", () => {
  it("serves health and the authenticated API, keeps the token across restarts and stops on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pw-start-"));
    dirs.push(dataDir);
    const port = await freePort();
    const first = await start(["--port", String(port), "--data-dir", dataDir]);
    children.push(first.child);
    const token = /^\s+(pwa_[A-Za-z0-9_-]{43})$/m.exec(first.output())?.[1];
    expect(token).toBeDefined();
    const base = `http://127.0.0.1:${port}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: "ready", database: "sqlite" });
    expect((await fetch(`${base}/api/governance/tools`)).status).toBe(401);
    const created = await fetch(`${base}/api/governance/trainings`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        date: "2026-10-15",
        title: "Terugbeloefening",
        topics: ["call-back"],
        attendees: ["Fenna"],
      }),
    });
    expect(created.status).toBe(201);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/SIGTERM ontvangen: afsluiten/);
    expect(first.output()).toMatch(/Gestopt\./);

    // The second start keeps the stored token (and prints none) and finds the data again.
    const second = await start(["--port", String(port), "--data-dir", dataDir]);
    children.push(second.child);
    expect(second.output()).not.toMatch(/pwa_/);
    const list = await fetch(`${base}/api/governance/trainings`, { headers: { authorization: `Bearer ${token}` } });
    expect((await list.json()).trainings).toHaveLength(1);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  }, 90_000);

  it("refuses an invalid port with a clear message", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pw-start-"));
    dirs.push(dataDir);
    await expect(start(["--port", "99999", "--data-dir", dataDir])).rejects.toThrow(/invalid port "99999"/);
  }, 60_000);
});
