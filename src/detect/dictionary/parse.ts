import { type EntityType, isEntityType } from "../types.js";
import type { DictionaryEntry } from "./entries.js";

export type DictionaryFormat = "csv" | "json" | "auto";

/** A customer list that cannot be read; the message says where and why. */
export class DictionaryFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DictionaryFormatError";
  }
}

/** Dutch and English words for the types a customer list holds. */
const TYPE_ALIASES: Record<string, EntityType> = {
  persoon: "PERSON",
  naam: "PERSON",
  name: "PERSON",
  person: "PERSON",
  bedrijf: "ORGANIZATION",
  organisatie: "ORGANIZATION",
  organisation: "ORGANIZATION",
  organization: "ORGANIZATION",
  company: "ORGANIZATION",
  firma: "ORGANIZATION",
  email: "EMAIL",
  "e-mail": "EMAIL",
  mail: "EMAIL",
  telefoon: "PHONE",
  phone: "PHONE",
  adres: "ADDRESS",
  address: "ADDRESS",
};

/** Column headers and the type of the values under them; `null` means infer per value. */
const COLUMN_TYPES: Record<string, EntityType | null> = {
  naam: "PERSON",
  name: "PERSON",
  "volledige naam": "PERSON",
  "full name": "PERSON",
  persoon: "PERSON",
  person: "PERSON",
  contactpersoon: "PERSON",
  contact: "PERSON",
  bedrijf: "ORGANIZATION",
  bedrijfsnaam: "ORGANIZATION",
  company: "ORGANIZATION",
  organisatie: "ORGANIZATION",
  organisation: "ORGANIZATION",
  organization: "ORGANIZATION",
  firma: "ORGANIZATION",
  email: "EMAIL",
  "e-mail": "EMAIL",
  emailadres: "EMAIL",
  "e-mailadres": "EMAIL",
  mail: "EMAIL",
  telefoon: "PHONE",
  telefoonnummer: "PHONE",
  phone: "PHONE",
  mobiel: "PHONE",
  value: null,
  waarde: null,
  klant: null,
  customer: null,
  term: null,
};
const TYPE_COLUMNS = new Set(["type", "soort", "kind"]);
const GIVEN_NAME_COLUMNS = new Set(["voornaam", "first name", "firstname", "given name", "roepnaam"]);
const PARTICLE_COLUMNS = new Set(["tussenvoegsel", "tussenvoegsels", "prefix"]);
const SURNAME_COLUMNS = new Set(["achternaam", "last name", "lastname", "surname", "family name"]);

/** Read a type written by a person: `PERSON`, `persoon`, `Bedrijf`, `e-mail`, ... */
export function parseEntityType(raw: string): EntityType | undefined {
  const upper = raw.trim().toUpperCase();
  if (isEntityType(upper)) return upper;
  const key = raw.trim().toLowerCase();
  return Object.hasOwn(TYPE_ALIASES, key) ? TYPE_ALIASES[key] : undefined;
}

/**
 * Parse a customer list. CSV: a header naming the columns (`naam,bedrijf,email`, `name,type`,
 * `voornaam,tussenvoegsel,achternaam`) or one value per line. JSON: an array of strings or of
 * objects `{value|name|company|email, type?}`, or `{ "entries": [...] }`.
 */
export function parseDictionary(text: string, format: DictionaryFormat = "auto"): DictionaryEntry[] {
  const body = text.replace(/^\uFEFF/, "");
  const kind = format === "auto" ? (/^\s*[[{]/.test(body) ? "json" : "csv") : format;
  return kind === "json" ? parseJsonDictionary(body) : parseCsvDictionary(body);
}

function parseJsonDictionary(text: string): DictionaryEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DictionaryFormatError(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (data && typeof data === "object" && !Array.isArray(data) && "entries" in data) {
    data = (data as { entries: unknown }).entries;
  }
  if (!Array.isArray(data)) {
    throw new DictionaryFormatError('expected a JSON array of strings or objects (or {"entries": [...]})');
  }
  const entries: DictionaryEntry[] = [];
  data.forEach((item: unknown, i: number) => {
    if (typeof item === "string") {
      if (item.trim()) entries.push({ value: item });
      return;
    }
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      throw new DictionaryFormatError(`item ${i}: expected a string or an object`);
    }
    const record = item as Record<string, unknown>;
    const type = typeof record.type === "string" ? parseEntityType(record.type) : undefined;
    if (record.type !== undefined && !type) {
      throw new DictionaryFormatError(`item ${i}: unknown type ${JSON.stringify(record.type)}`);
    }
    const before = entries.length;
    const field = (key: string, fieldType: EntityType | undefined) => {
      const v = record[key];
      if (v === undefined || v === null) return;
      if (typeof v !== "string") throw new DictionaryFormatError(`item ${i}: "${key}" must be a string`);
      if (v.trim()) entries.push(fieldType ? { value: v, type: fieldType } : { value: v });
    };
    field("value", type);
    field("name", type ?? "PERSON");
    field("naam", type ?? "PERSON");
    field("company", "ORGANIZATION");
    field("bedrijf", "ORGANIZATION");
    field("email", "EMAIL");
    if (
      entries.length === before &&
      !["value", "name", "naam", "company", "bedrijf", "email"].some((k) => k in record)
    ) {
      throw new DictionaryFormatError(`item ${i}: expected one of value, name, company, email`);
    }
  });
  return entries;
}

/** RFC 4180 fields: quotes, doubled quotes, delimiters and line breaks inside quotes. */
export function parseCsvRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new DictionaryFormatError("CSV: a quoted field is not closed");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows
    .map((r) => r.map((f) => f.trim()))
    .filter((r) => r.some((f) => f !== "") && !(r[0] ?? "").startsWith("#"));
}

function guessDelimiter(firstLine: string): string {
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return (counts[0] as readonly [string, number])[1] > 0 ? (counts[0] as readonly [string, number])[0] : ",";
}

interface Columns {
  values: Array<{ index: number; type: EntityType | null }>;
  type: number;
  given: number;
  particle: number;
  surname: number;
}

function readHeader(cells: string[]): Columns | null {
  const columns: Columns = { values: [], type: -1, given: -1, particle: -1, surname: -1 };
  let known = 0;
  cells.forEach((cell, index) => {
    const name = cell.toLowerCase().replace(/[_]+/g, " ").trim();
    if (Object.hasOwn(COLUMN_TYPES, name)) columns.values.push({ index, type: COLUMN_TYPES[name] ?? null });
    else if (TYPE_COLUMNS.has(name)) columns.type = index;
    else if (GIVEN_NAME_COLUMNS.has(name)) columns.given = index;
    else if (PARTICLE_COLUMNS.has(name)) columns.particle = index;
    else if (SURNAME_COLUMNS.has(name)) columns.surname = index;
    else return;
    known++;
  });
  // A header is a line that names columns we know; otherwise the first line is data.
  if (known === 0) return null;
  if (columns.values.length === 0 && columns.surname < 0) {
    throw new DictionaryFormatError(
      "CSV: the header has no column with values (expected naam, bedrijf, email, value or achternaam)",
    );
  }
  return columns;
}

function parseCsvDictionary(text: string): DictionaryEntry[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const rows = parseCsvRows(text, guessDelimiter(firstLine));
  if (rows.length === 0) return [];
  const header = readHeader(rows[0] as string[]);
  const entries: DictionaryEntry[] = [];
  if (!header) {
    // No header: every cell is a value whose type is inferred.
    for (const row of rows) for (const cell of row) if (cell) entries.push({ value: cell });
    return entries;
  }
  rows.slice(1).forEach((row, r) => {
    let rowType: EntityType | undefined;
    if (header.type >= 0 && row[header.type]) {
      rowType = parseEntityType(row[header.type] as string);
      if (!rowType) {
        throw new DictionaryFormatError(`CSV line ${r + 2}: unknown type ${JSON.stringify(row[header.type])}`);
      }
    }
    for (const { index, type } of header.values) {
      const value = row[index];
      if (!value) continue;
      // A `type` column says what the value column holds; a typed column header says it otherwise.
      const resolved = rowType ?? type ?? undefined;
      entries.push(resolved ? { value, type: resolved } : { value });
    }
    if (header.surname >= 0 && row[header.surname]) {
      const parts = [header.given, header.particle, header.surname].map((c) => (c >= 0 ? (row[c] ?? "") : ""));
      entries.push({ value: parts.filter(Boolean).join(" "), type: "PERSON" });
    }
  });
  return entries;
}
