import { existsSync, openSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { ReadStream, WriteStream } from "node:tty";
import type { Command } from "commander";
import { Detector, type EntityType, isEntityType } from "../../detect/index.js";
import { documentKind, extractDocumentText } from "../../pseudonymize/document-text.js";
import {
  MapFileError,
  type Operator,
  type PseudonymizePolicy,
  pseudonymize,
  readMapFile,
  Session,
  writeMapFile,
} from "../../pseudonymize/index.js";
import { loadDetectorExtras } from "../detector-extras.js";

interface AnonymizeOptions {
  map?: string;
  labels: string;
  exact?: boolean;
  operator?: string[];
  amounts?: boolean;
  dictionary?: string[];
}

export const MAP_KEY_ENV = "POORTWACHTER_MAP_KEY";

export function registerAnonymize(program: Command): void {
  program
    .command("anonymize")
    .description("Pseudonymise a document (or stdin): personal data becomes [PERSOON_1], [EMAIL_1], ...")
    .argument("[file]", ".txt, .md, .csv, .json, .eml, .docx or .pdf; stdin when absent")
    .option(
      "--map <file>",
      `write the mapping there, encrypted (key: ${MAP_KEY_ENV} or asked); an existing map is continued`,
    )
    .option("--labels <language>", "placeholder labels: nl ([PERSOON_1]) or en ([PERSON_1])", "nl")
    .option("--exact", "no merging of variants (De Vries / Jan de Vries): restore gives back every form exactly")
    .option("--operator <TYPE=op...>", "operator per type: replace, mask, generalise, keep, drop (e.g. IBAN=mask)")
    .option("--amounts", "turn money amounts into ranges (EUR 1.000-5.000)")
    .option("--dictionary <file...>", "customer list (CSV or JSON) to match as well")
    .action(async (file: string | undefined, opts: AnonymizeOptions) => {
      if (opts.labels !== "nl" && opts.labels !== "en") throw new Error("--labels moet nl of en zijn");
      const policy: PseudonymizePolicy = { operators: parseOperators(opts.operator ?? []) };
      if (opts.amounts) policy.amounts = "generalise";
      const kind = documentKind(file);
      const bytes = file && file !== "-" ? new Uint8Array(await readFile(file)) : await readStdinBytes();
      const text = await extractDocumentText(bytes, kind);

      let secret: string | undefined;
      let session: Session;
      if (opts.map && existsSync(opts.map)) {
        secret = await readMapSecret(false);
        session = await openMap(opts.map, secret);
      } else {
        session = new Session({ language: opts.labels, mergeVariants: !opts.exact });
      }

      const detector = new Detector({ extraRecognizers: loadDetectorExtras({ dictionaries: opts.dictionary ?? [] }) });
      const counts = new Map<string, number>();
      const anonymizeText = (input: string): string => {
        const result = pseudonymize(input, detector.detect(input), session, policy);
        for (const r of result.replacements) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
        return result.text;
      };
      const output = kind === "json" ? anonymizeJson(text, anonymizeText) : anonymizeText(text);

      if (opts.map) {
        secret ??= await readMapSecret(true);
        await writeFile(opts.map, await writeMapFile(session, secret), { mode: 0o600 });
      }
      process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
      process.stderr.write(summary(counts, Boolean(opts.map)));
    });
}

function parseOperators(items: string[]): Partial<Record<EntityType, Operator>> {
  const operators: Partial<Record<EntityType, Operator>> = {};
  for (const item of items.flatMap((i) => i.split(","))) {
    const [rawType, rawOp] = item.split("=").map((s) => s.trim());
    const type = rawType?.toUpperCase() ?? "";
    if (!isEntityType(type) || !rawOp)
      throw new Error(`--operator verwacht TYPE=operator, bijv. IBAN=mask (niet "${item}")`);
    const op = rawOp.toLowerCase() === "generalize" ? "generalise" : rawOp.toLowerCase();
    operators[type] = op as Operator;
  }
  return operators;
}

/** Pseudonymise every string value of a JSON document; structure and keys stay as they are. */
function anonymizeJson(text: string, anonymizeText: (s: string) => string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error("het JSON-bestand is geen geldige JSON");
  }
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return anonymizeText(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return JSON.stringify(walk(doc), null, 2);
}

function summary(counts: Map<string, number>, mapped: boolean): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return "Geen persoonsgegevens of geheimen gevonden.\n";
  const list = [...counts].map(([t, n]) => `${t} ${n}`).join(", ");
  const hint = mapped ? "" : " Zonder --map kan het antwoord later niet worden teruggezet.";
  return `${total} vervangen (${list}).${hint}\n`;
}

async function readStdinBytes(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Open a map file, with the CLI's Dutch wording for a wrong key. */
export async function openMap(path: string, secret: string): Promise<Session> {
  try {
    return await readMapFile(await readFile(path, "utf8"), secret);
  } catch (err) {
    if (err instanceof MapFileError) {
      throw new Error(
        `kan ${path} niet openen: ${/wrong/.test(err.message) ? "verkeerde sleutel of wachtwoordzin, of het bestand is gewijzigd" : err.message}`,
      );
    }
    throw err;
  }
}

/**
 * The map key: from POORTWACHTER_MAP_KEY (scripts, CI), else asked on the terminal without echo.
 * A passphrase, or `raw:` + a 32-byte key in hex or base64.
 */
export async function readMapSecret(confirm: boolean): Promise<string> {
  const fromEnv = process.env[MAP_KEY_ENV];
  if (fromEnv) return fromEnv;
  const terminal = openTerminal();
  if (!terminal) {
    throw new Error(`geen sleutel voor het mappingbestand: zet ${MAP_KEY_ENV} of start het commando in een terminal`);
  }
  try {
    const first = await askHidden(terminal, "Wachtwoordzin voor het mappingbestand: ");
    if (first.length === 0) throw new Error("lege wachtwoordzin");
    if (confirm && (await askHidden(terminal, "Nogmaals ter controle: ")) !== first) {
      throw new Error("de wachtwoordzinnen verschillen");
    }
    return first;
  } finally {
    terminal.close();
  }
}

interface Terminal {
  input: ReadStream;
  output: NodeJS.WritableStream;
  close(): void;
}

/** The controlling terminal, also when stdin carries the document; null when there is none. */
function openTerminal(): Terminal | null {
  if (process.stdin.isTTY) {
    return { input: process.stdin as ReadStream, output: process.stderr, close: () => process.stdin.pause() };
  }
  try {
    const fd = openSync("/dev/tty", "r+");
    const input = new ReadStream(fd);
    const output = new WriteStream(fd);
    return {
      input,
      output,
      close: () => {
        input.destroy();
        output.destroy();
      },
    };
  } catch {
    return null;
  }
}

function askHidden(terminal: Terminal, question: string): Promise<string> {
  const { input, output } = terminal;
  output.write(question);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let answer = "";
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.removeListener("data", onData);
      input.pause();
      output.write("\n");
      if (err) reject(err);
      else resolve(answer);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new Error("afgebroken"));
        if (ch === "\u007f" || ch === "\b") answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    input.on("data", onData);
  });
}
