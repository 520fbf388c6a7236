import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { type TestStore, testBackends } from "../src/store/test-helpers/backends.js";

const backends = await testBackends();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in this process: the same commander program, commands, service and store
 * as `poortwachter`, with stdout and stderr captured and the database chosen through the
 * environment like a user would.
 */
async function cli(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const saved = { ...process.env };
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.env = saved;
    process.exitCode = undefined;
  }
}

describe.each(backends)("governance CLI on $name", (backend) => {
  let t: TestStore;
  let env: Record<string, string | undefined>;
  let work: string;
  const run = (...args: string[]) => cli(args, env);

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "pw-cli-"));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });
  beforeEach(async () => {
    t = await backend.open();
    env = {
      POORTWACHTER_DATA_DIR: t.env.dataDir,
      DATABASE_URL: t.env.databaseUrl,
      POORTWACHTER_DB_SCHEMA: t.env.schema,
    };
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("adds, lists, approves and rejects tools, with tier warnings", async () => {
    const add = await run(
      "tools",
      "add",
      "--catalogue",
      "openai-chatgpt-free",
      "--data",
      "customer",
      "--responsible",
      "Fenna Wiersma",
      "--id",
      "chatgpt-gratis",
    );
    expect(add.stderr).toBe("");
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/chatgpt-gratis: ChatGPT .*consumer, aangevraagd/);
    expect(add.stdout).toMatch(/! .*consumentenversie/);

    await run(
      "tools",
      "add",
      "--catalogue",
      "anthropic-claude-team",
      "--data",
      "public,customer",
      "--responsible",
      "Fenna Wiersma",
      "--dpa-signed",
      "2026-09-01",
      "--two-factor",
      "--id",
      "claude-team",
    );
    const approve = await run("tools", "approve", "claude-team", "--by", "Fenna Wiersma", "--on", "2026-10-02");
    expect(approve.code).toBe(0);
    expect(approve.stdout).toMatch(/claude-team: .*goedgekeurd/);
    const reject = await run(
      "tools",
      "reject",
      "chatgpt-gratis",
      "--by",
      "Fenna Wiersma",
      "--reason",
      "traint op data",
    );
    expect(reject.stdout).toMatch(/afgewezen/);

    const list = await run("tools", "list");
    expect(list.stdout).toMatch(/claude-team: .*goedgekeurd/);
    expect(list.stdout).toMatch(/chatgpt-gratis: .*afgewezen/);

    const twice = await run("tools", "approve", "chatgpt-gratis", "--by", "Ruud");
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/al besloten/);
  });

  it("names the invalid field and exits 1", async () => {
    const bad = await run("tools", "add", "--data", "customer", "--responsible", "X", "--tier", "premium");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/tierInUse: Kies een niveau/);
    const neither = await run("tools", "add", "--data", "customer", "--responsible", "X", "--tier", "business");
    expect(neither.code).toBe(1);
    expect(neither.stderr).toMatch(/catalogueEntryId: Kies óf een hulpmiddel uit de catalogus/);
  });

  it("logs incidents with the countdown and training sessions", async () => {
    const inc = await run(
      "incidents",
      "add",
      "--title",
      "Klantlijst gedeeld",
      "--facts",
      "Een lijst met klanten ging naar een verkeerde ontvanger.",
      "--discovered",
      new Date(Date.now() - 2 * 3_600_000).toISOString(),
    );
    expect(inc.code).toBe(0);
    expect(inc.stdout).toMatch(/Nog (2 d 2[12]|3 d 0) uur om te melden/);
    const incidents = await run("incidents", "list");
    expect(incidents.stdout).toMatch(/klantlijst-gedeeld-[0-9a-f]{6}: Klantlijst gedeeld \(data-breach, open\)/);

    const tr = await run(
      "training",
      "add",
      "--date",
      "2026-10-15",
      "--title",
      "AI-geletterdheid",
      "--topics",
      "ai-literacy,phishing",
      "--attendees",
      "Fenna Wiersma,Ruud Kamphuis",
      "--phishing",
    );
    expect(tr.code).toBe(0);
    expect((await run("training", "list")).stdout).toMatch(
      /2026-10-15 AI-geletterdheid — ai-literacy, phishing; 2 deelnemers/,
    );
    const badTraining = await run(
      "training",
      "add",
      "--date",
      "15-10-2026",
      "--title",
      "x",
      "--topics",
      "ai-literacy",
      "--attendees",
      "A",
    );
    expect(badTraining.stderr).toMatch(/date: Gebruik een datum als JJJJ-MM-DD/);
  });

  it("prints the 12-rule check in Dutch and English", async () => {
    const nl = await run("check");
    expect(nl.code).toBe(0);
    expect(nl.stdout).toMatch(/AI-check voor Mijn organisatie/);
    expect(nl.stdout).toMatch(/12\. /);
    const en = await run("check", "--lang", "en", "--json");
    expect(JSON.parse(en.stdout).results).toHaveLength(12);
  });

  it("exports the register to a file and generates the policy as PDF", async () => {
    const choices = join(work, `choices-${backend.name}.yaml`);
    writeFileSync(
      choices,
      [
        "companyName: Bakkerij Zonneveld",
        "responsible: { name: Fenna Wiersma }",
        "doubtContact: { name: Ruud Kamphuis }",
        "registerLocation: Poortwachter",
        "effectiveDate: 2026-11-01",
      ].join("\n"),
    );
    const pdfFile = join(work, `beleid-${backend.name}.pdf`);
    const pdf = await run("policy", "--format", "pdf", "--out", pdfFile, "--choices", choices);
    expect(pdf.code).toBe(0);
    expect(readFileSync(pdfFile).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const md = await run("policy", "--lang", "en");
    expect(md.stdout).toContain("Bakkerij Zonneveld");

    const csvFile = join(work, `register-${backend.name}.csv`);
    expect((await run("register", "export", "--format", "csv", "--out", csvFile)).code).toBe(0);
    expect(readFileSync(csvFile, "utf8")).toMatch(/^id,system,purpose/);
    const json = await run("register", "export", "--format", "json");
    expect(JSON.parse(json.stdout).entries).toEqual([]);
    expect((await run("register", "export", "--format", "xml")).code).toBe(1);
  });

  it("fills the register, the contact sheet and the organisation, which the check then uses", async () => {
    const reg = await run(
      "register",
      "add",
      "--system",
      "Webwinkel-chatbot",
      "--purpose",
      "Vragen over bestellingen beantwoorden",
      "--provider",
      "Mistral AI",
      "--risk",
      "limited",
      "--responsible",
      "Fenna Wiersma",
      "--talks-with-people",
    );
    expect(reg.code).toBe(0);
    expect(reg.stdout).toMatch(/webwinkel-chatbot-[0-9a-f]{6} \(ai-literacy-art4, transparency-art50\)/);
    expect((await run("register", "list")).stdout).toMatch(/Webwinkel-chatbot — limited, in-use, Fenna Wiersma/);

    const contact = await run(
      "contacts",
      "add",
      "--role",
      "it-supplier",
      "--name",
      "Bram Oosterhuis",
      "--phone",
      "050 123 4567",
    );
    expect(contact.code).toBe(0);
    expect((await run("contacts", "list")).stdout).toMatch(/it-supplier\s+Bram Oosterhuis — 050 123 4567/);
    const noWayToReach = await run("contacts", "add", "--role", "legal-adviser", "--name", "Mr. Jansen");
    expect(noWayToReach.stderr).toMatch(/phone: Geef minstens een telefoonnummer/);

    expect((await run("organisation", "--name", "Bakkerij Zonneveld", "--employees", "18")).code).toBe(0);
    expect((await run("check")).stdout).toMatch(/AI-check voor Bakkerij Zonneveld/);
  });

  it("imports a DNS log and prints the unregistered AI services", async () => {
    const log = join(work, `dns-${backend.name}.log`);
    writeFileSync(
      log,
      [
        "Nov  3 09:12:01 dnsmasq[512]: query[A] chat.mistral.ai from 10.0.0.21",
        "Nov  3 09:12:01 dnsmasq[512]: reply chat.mistral.ai is 1.2.3.4",
        "Nov  3 09:13:44 dnsmasq[512]: query[A] www.example.nl from 10.0.0.22",
        "Nov  3 09:14:02 dnsmasq[512]: query[AAAA] chat.mistral.ai from 10.0.0.23",
      ].join("\n"),
    );
    const res = await run("shadow-ai", "import", log, "--format", "dns");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/formaat dnsmasq/);
    expect(res.stdout).toMatch(/! .*Mistral.*: 2x .*NIET geregistreerd; door: 10\.0\.0\.21, 10\.0\.0\.23/);
    expect((await run("shadow-ai", "import", log, "--format", "syslog")).code).toBe(1);
  });
});
