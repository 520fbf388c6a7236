import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixture = (name: string) => join(root, "test", "fixtures", name);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI in a child process, from source. */
function cli(args: string[], input = ""): Run {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "test", "run-cli.ts"), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const letter =
  "Beste Wendelien Oosterbeek,\nWij sturen de offerte ook naar wendelien@rietdekkers-oosterbeek.nl.\nGroet, Bram Kooistra";

describe("poortwachter scan", () => {
  it("prints the entities readably with a summary (stdin, CSV dictionary)", () => {
    const run = cli(["scan", "--dictionary", fixture("klanten.csv")], letter);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/PERSON\s+0\.95\s+Wendelien Oosterbeek/);
    expect(run.stdout).toMatch(/EMAIL\s+\d\.\d\d\s+wendelien@rietdekkers-oosterbeek\.nl/);
    expect(run.stdout).toMatch(/PERSON\s+0\.95\s+Bram Kooistra/);
    expect(run.stdout).toMatch(/\n\d+ found: .*PERSON 2/);
  });

  it("says so when nothing is found", () => {
    const run = cli(["scan", "--types", "IBAN"], "Er staat hier niets bijzonders in.");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("No personal data or secrets found.\n");
  });

  it("writes one JSON document with --json, offsets slicing to the text", () => {
    const run = cli(
      ["scan", "--json", "--dictionary", fixture("klanten.json")],
      "Mail Geertje Hofstra van Zeilmakerij De Vlijt.",
    );
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      entities: Array<{ type: string; start: number; end: number; text: string }>;
    };
    const text = "Mail Geertje Hofstra van Zeilmakerij De Vlijt.";
    const byType = Object.fromEntries(doc.entities.map((e) => [e.type, e]));
    expect(byType.PERSON?.text).toBe("Geertje Hofstra");
    expect(byType.ORGANIZATION?.text).toBe("Zeilmakerij De Vlijt");
    for (const e of doc.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it("keeps the --jsonl contract: one line per input with id and entities", () => {
    const input = [
      JSON.stringify({ id: "a", text: "Geertje Hofstra belde." }),
      "",
      JSON.stringify({ id: 7, text: "" }),
    ].join("\n");
    const run = cli(["scan", "--jsonl", "--dictionary", fixture("klanten.json")], input);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: "a", entities: [{ type: "PERSON", start: 0, end: 15, score: 0.95 }] },
      { id: 7, entities: [] },
    ]);
  });

  it("limits the types with --types", () => {
    const run = cli(
      ["scan", "--jsonl", "--types", "email", "--dictionary", fixture("klanten.csv")],
      JSON.stringify({ id: "x", text: letter }),
    );
    const [line] = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { entities: Array<{ type: string }> });
    expect(line?.entities.length).toBeGreaterThan(0);
    expect(line?.entities.every((e) => e.type === "EMAIL")).toBe(true);
  });

  it("rejects an unknown type", () => {
    const run = cli(["scan", "--types", "PLANET"], "tekst");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/unknown type\(s\): PLANET/);
  });

  it("fails clearly on a bad JSON line", () => {
    const run = cli(["scan", "--jsonl"], `${JSON.stringify({ id: "ok", text: "hallo" })}\n{"id": "kapot", "text": \n`);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/line 2: not valid JSON/);
  });

  it("fails clearly on a missing or malformed dictionary", () => {
    const missing = cli(["scan", "--dictionary", fixture("bestaat-niet.csv")], "tekst");
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/dictionary .*bestaat-niet\.csv: file not found/);
    const bad = cli(["scan", "--dictionary", fixture("bad-type.json")], "tekst");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/dictionary .*bad-type\.json: item 0: unknown type "PLANEET"/);
  });

  it("scans a file given as argument", () => {
    const run = cli([
      "scan",
      "--types",
      "PERSON",
      "--dictionary",
      fixture("klanten.csv"),
      "--",
      fixture("klanten.csv"),
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Wendelien Oosterbeek/);
  });
});
