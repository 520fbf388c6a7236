import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "pw-scan-recognizers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The real CLI in a child process, from source. */
function cli(args: string[], input = "") {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "test", "run-cli.ts"), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Line {
  id: string;
  entities: Array<{ type: string; start: number; end: number; score: number }>;
}

function jsonl(args: string[], docs: Record<string, string>): Line[] {
  const input = Object.entries(docs)
    .map(([id, text]) => JSON.stringify({ id, text }))
    .join("\n");
  const run = cli(["scan", "--jsonl", ...args], input);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);
}

const yamlSpecs = file(
  "klantnummers.yaml",
  `# Our own customer and case numbers
recognizers:
  - name: klantnummer
    type: ID_DOCUMENT
    pattern: 'KL-\\d{6}'
    contextWords: [klantnummer, klantnr, "klant*"]
    contextRequired: true
    score: 0.9
  - name: ledenpas
    type: ID_DOCUMENT
    pattern: 'LP (?<value>\\d{11})'
    validator: luhn
`,
);

// Each test starts the CLI in a child process (a few seconds each on a busy machine).
describe("poortwachter scan --recognizers", { timeout: 60_000 }, () => {
  it("finds matches of a custom pattern from YAML, with context words and a validator", () => {
    const text = {
      context: "Klantnummer KL-482913 belde over de factuur.",
      bare: "Artikel KL-482913 is weer op voorraad.",
      luhn: "Ledenpas LP 79927398713 is verlengd.",
      badLuhn: "Ledenpas LP 79927398710 is verlengd.",
    };
    const lines = jsonl(["--recognizers", yamlSpecs], text);
    const byId = Object.fromEntries(lines.map((l) => [l.id, l.entities]));
    expect(byId.context).toEqual([{ type: "ID_DOCUMENT", start: 12, end: 21, score: 0.9 }]);
    // Context is required for this one: without a context word it is only an article number.
    expect(byId.bare).toEqual([]);
    // The named group `value` narrows the span to the number.
    const luhn = byId.luhn?.find((e) => e.type === "ID_DOCUMENT");
    expect(luhn && text.luhn.slice(luhn.start, luhn.end)).toBe("79927398713");
    expect(byId.badLuhn?.some((e) => e.type === "ID_DOCUMENT" && e.end - e.start === 11)).toBe(false);
  });

  it("reads a JSON list, works next to a dictionary and in the readable output", () => {
    const specs = file(
      "dossiers.json",
      JSON.stringify([
        { name: "dossier", type: "ID_DOCUMENT", pattern: "DOS-\\d{4}-\\d{4}", contextWords: ["dossier"] },
      ]),
    );
    const list = file("klanten.csv", "value\nWendelien Oosterbeek\n");
    const run = cli(
      ["scan", "--recognizers", specs, "--dictionary", list],
      "Dossier DOS-2026-0042 van Wendelien Oosterbeek is bijgewerkt.",
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ID_DOCUMENT\s+0\.80\s+DOS-2026-0042/);
    expect(run.stdout).toMatch(/PERSON\s+\d\.\d\d\s+Wendelien Oosterbeek/);
  });

  it("accepts several files and respects --types", () => {
    const more = file("more.yaml", "- name: offerte\n  type: ID_DOCUMENT\n  pattern: 'OF-\\d{5}'\n");
    const [line] = jsonl(["--recognizers", yamlSpecs, more, "--types", "ID_DOCUMENT"], {
      a: "Klantnummer KL-482913, offerte OF-12345, mail naar jan@example.nl",
    });
    expect(line?.entities.map((e) => e.type)).toEqual(["ID_DOCUMENT", "ID_DOCUMENT"]);
  });

  it("refuses a pattern with catastrophic backtracking, naming the file and recognizer", () => {
    const unsafe = file("unsafe.yaml", "- name: kapot\n  type: SECRET\n  pattern: '(a+)+b'\n");
    const run = cli(["scan", "--recognizers", unsafe], "aaaa");
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/recognizers .*unsafe\.yaml: recognizer "kapot": the pattern can take exponential/);
  });

  it("fails clearly on a missing file", () => {
    const missing = cli(["scan", "--recognizers", join(dir, "nope.yaml")], "tekst");
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/recognizers .*nope\.yaml: file not found/);
  });

  it("fails clearly on bad YAML", () => {
    const broken = cli(["scan", "--recognizers", file("broken.yaml", "- name: [unclosed\n")], "tekst");
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/recognizers .*broken\.yaml: /);
  });

  it("fails clearly on an unknown type", () => {
    const badType = file("bad-type.json", JSON.stringify([{ name: "x", type: "PLANEET", pattern: "X\\d+" }]));
    const bad = cli(["scan", "--recognizers", badType], "tekst");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/bad-type\.json: recognizer 1 "x": "type" must be one of the entity types/);
  });

  it("refuses a pattern that matches the empty string", () => {
    const empty = cli(["scan", "--recognizers", file("empty.yaml", "- name: leeg\n  type: SECRET\n  pattern: 'x*'\n")]);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toMatch(/recognizer "leeg": the pattern matches the empty string/);
  });
});
