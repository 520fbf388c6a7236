import { createInterface } from "node:readline";
import type { Command } from "commander";
import { Detector, type Entity, type EntityType, isEntityType } from "../../detect/index.js";
import { loadDetectorExtras } from "../detector-extras.js";
import { readInput } from "../io.js";

interface ScanOptions {
  jsonl?: boolean;
  json?: boolean;
  dictionary?: string[];
  recognizers?: string[];
  types?: string;
}

export function registerScan(program: Command): void {
  program
    .command("scan")
    .description("Find personal data and secrets in a text file (or stdin)")
    .argument("[file]", "text file to scan; stdin when absent")
    .option("--jsonl", 'read JSON lines {"id","text"} and write {"id","entities"} per line')
    .option("--json", "print the entities as one JSON document")
    .option("--dictionary <file...>", "customer list (CSV or JSON) to match as well")
    .option(
      "--recognizers <file...>",
      "custom recognizers (YAML or JSON): a list of {name, type, pattern, contextWords?, validator?, ...}",
    )
    .option("--types <list>", "only these types, comma-separated (e.g. PERSON,IBAN)")
    .action(async (file: string | undefined, opts: ScanOptions) => {
      const types = parseTypes(opts.types);
      const extras = loadDetectorExtras({ dictionaries: opts.dictionary ?? [], recognizers: opts.recognizers ?? [] });
      const detector = new Detector({ extraRecognizers: extras });
      if (opts.jsonl) {
        await scanJsonl(detector, file, types);
        return;
      }
      const text = await readInput(file);
      const entities = detector.detect(text, { types });
      if (opts.json) process.stdout.write(`${JSON.stringify({ entities: withText(text, entities) }, null, 2)}\n`);
      else process.stdout.write(formatReadable(text, entities));
    });
}

function parseTypes(list: string | undefined): EntityType[] | undefined {
  if (!list) return undefined;
  const names = list
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = names.filter((n) => !isEntityType(n));
  if (bad.length > 0) throw new Error(`unknown type(s): ${bad.join(", ")}`);
  return names as EntityType[];
}

function withText(text: string, entities: Entity[]) {
  return entities.map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
}

async function scanJsonl(detector: Detector, file: string | undefined, types: EntityType[] | undefined) {
  const stream = file ? (await import("node:fs")).createReadStream(file, "utf8") : process.stdin;
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown };
    try {
      doc = JSON.parse(line);
    } catch {
      throw new Error(`line ${lineNo}: not valid JSON`);
    }
    if (typeof doc.text !== "string") throw new Error(`line ${lineNo}: "text" must be a string`);
    const entities = detector
      .detect(doc.text, { types })
      .map(({ type, start, end, score }) => ({ type, start, end, score }));
    process.stdout.write(`${JSON.stringify({ id: doc.id ?? null, entities })}\n`);
  }
}

/** Human-readable listing: one line per entity, then a count per type. */
export function formatReadable(text: string, entities: Entity[]): string {
  if (entities.length === 0) return "No personal data or secrets found.\n";
  const lines: string[] = [];
  const counts = new Map<string, number>();
  for (const e of entities) {
    const shown = text.slice(e.start, e.end).replace(/\s+/g, " ");
    lines.push(
      `${String(e.start).padStart(6)}-${String(e.end).padEnd(6)} ${e.type.padEnd(14)} ${e.score.toFixed(2)}  ${shown}`,
    );
    counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  }
  const summary = [...counts].map(([t, n]) => `${t} ${n}`).join(", ");
  lines.push("", `${entities.length} found: ${summary}`);
  return `${lines.join("\n")}\n`;
}
