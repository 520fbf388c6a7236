import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { loadCustomRecognizers } from "../detect/custom/validate-pattern.js";
import {
  CustomerDictionary,
  type DictionaryEntry,
  type DictionaryFormat,
  parseDictionary,
  type Recognizer,
} from "../detect/index.js";

export interface ExtrasOptions {
  /** Customer lists (CSV or JSON). All lists together form one dictionary. */
  dictionaries: string[];
  /** Files with custom recognizer specs (JSON or YAML): a list, or `{ recognizers: [...] }`. */
  recognizers?: string[];
}

/** Recognizers the CLI adds from files: customer dictionaries and custom patterns. */
export function loadDetectorExtras(options: ExtrasOptions): Recognizer[] {
  const extras: Recognizer[] = [];
  if (options.dictionaries.length > 0) {
    const entries = options.dictionaries.flatMap(loadDictionaryFile);
    extras.push(new CustomerDictionary(entries));
  }
  for (const file of options.recognizers ?? []) extras.push(...loadRecognizerFile(file));
  return extras;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`${what} ${file}: file not found`);
    if (code === "EISDIR") throw new Error(`${what} ${file}: is a directory, expected a file`);
    throw new Error(`${what} ${file}: cannot read it (${code ?? String(err)})`);
  }
}

function formatOf(file: string): DictionaryFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return "csv";
  return "auto";
}

/** One customer list; the format follows the extension, or the content when that says nothing. */
export function loadDictionaryFile(file: string): DictionaryEntry[] {
  const text = readText(file, "dictionary");
  let entries: DictionaryEntry[];
  try {
    entries = parseDictionary(text, formatOf(file));
  } catch (err) {
    throw new Error(`dictionary ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (entries.length === 0) throw new Error(`dictionary ${file}: no entries found`);
  return entries;
}

/** Custom recognizer specs, each checked for catastrophic backtracking before use. */
export function loadRecognizerFile(file: string): Recognizer[] {
  const text = readText(file, "recognizers");
  let data: unknown;
  try {
    data = extname(file).toLowerCase() === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new Error(`recognizers ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const specs = data && typeof data === "object" && "recognizers" in data ? data.recognizers : data;
  try {
    return loadCustomRecognizers(specs);
  } catch (err) {
    throw new Error(`recognizers ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
