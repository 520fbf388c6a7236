/**
 * A conversation's placeholder allocation. The same value keeps its placeholder for the whole
 * conversation; variants of one person share one; numbers a user typed themselves are never issued.
 * A session holds personal data in memory: persist it only through a Vault (encrypted at rest).
 */
import { ENTITY_TYPES, type EntityType, isEntityType } from "../detect/index.js";
import { formatPlaceholder, type LabelLanguage, PLACEHOLDER_LABELS, placeholderKey } from "./labels.js";
import { foldKey, nameCompleteness, type PersonName, parsePersonName } from "./person-names.js";

export interface SessionOptions {
  /** Random when absent. */
  id?: string;
  /** Placeholder labels: Dutch (default) or English. */
  language?: LabelLanguage;
  /**
   * Treat spelling variants as one value: `06-12345678` and `0612345678`, `Jan de Vries` and
   * `De Vries`. Restore then writes one form (the most complete) for all of them. Default true;
   * false gives each exact string its own placeholder, so restoring is character-exact.
   */
  mergeVariants?: boolean;
}

interface Entry {
  type: EntityType;
  n: number;
  /** What restore puts back. */
  value: string;
  rank: number;
  person?: PersonName;
}

/** Plain JSON form of a session, for a Vault or a map file. Contains personal data. */
export interface SessionState {
  version: 1;
  id: string;
  language: LabelLanguage;
  mergeVariants: boolean;
  counters: Partial<Record<EntityType, number>>;
  reserved: Partial<Record<EntityType, number[]>>;
  entries: { type: EntityType; n: number; value: string; rank: number; keys: string[] }[];
}

const LABEL_TO_TYPE = new Map<string, EntityType>();
for (const lang of ["nl", "en"] as const) {
  for (const type of ENTITY_TYPES) LABEL_TO_TYPE.set(`${lang}:${PLACEHOLDER_LABELS[lang][type]}`, type);
}

/** The comparison key of a value: spelling variants of one thing share it when merging. */
export function valueKey(type: EntityType, value: string, merge: boolean): string {
  if (!merge) return `${type}\u0000${value}`;
  let key: string;
  switch (type) {
    case "EMAIL":
      key = value.trim().toLowerCase();
      break;
    case "PHONE": {
      const digits = value.replace(/\D/g, "");
      key = digits.replace(/^(?:0031|31)(?=[1-9]\d{8}$)/, "0");
      break;
    }
    case "IBAN":
    case "BSN":
    case "CREDIT_CARD":
    case "KVK":
    case "VAT_ID":
    case "LICENSE_PLATE":
    case "ID_DOCUMENT":
    case "POSTCODE":
      key = value.replace(/[^0-9a-z]/gi, "").toUpperCase();
      break;
    default:
      key = foldKey(value);
  }
  return `${type}\u0000${key}`;
}

export class Session {
  readonly id: string;
  readonly language: LabelLanguage;
  readonly mergeVariants: boolean;
  private readonly counters = new Map<EntityType, number>();
  private readonly reserved = new Map<EntityType, Set<number>>();
  private readonly byKey = new Map<string, Entry>();
  private readonly byPlaceholder = new Map<string, Entry>();
  private readonly people: Entry[] = [];
  private changes = 0;

  constructor(options: SessionOptions = {}) {
    this.id = options.id ?? globalThis.crypto.randomUUID();
    this.language = options.language ?? "nl";
    this.mergeVariants = options.mergeVariants ?? true;
  }

  /**
   * Counts the changes to what `toState()` holds (a value issued or merged, a number taken or
   * reserved): a caller that compares it before and after knows whether the session must be
   * stored again, without serialising it. Starts at 0, also for a session read back from state.
   */
  get revision(): number {
    return this.changes;
  }

  /** Number of values this session can restore. */
  get size(): number {
    return this.byPlaceholder.size;
  }

  /** The placeholder for a value, issuing a new one when the value (or a variant) is new. */
  placeholderFor(type: EntityType, value: string): string {
    const key = valueKey(type, value, this.mergeVariants);
    let entry = this.byKey.get(key);
    if (entry) return formatPlaceholder(entry.type, entry.n, this.language);
    // A new key: a new entry, or a variant merged into a known one (which may change its value).
    this.changes++;
    if (type === "PERSON" && this.mergeVariants) {
      const name = parsePersonName(value);
      entry = this.findPerson(name);
      if (entry) this.absorbVariant(entry, name, value);
      else entry = this.issue(type, value, nameCompleteness(name), name);
    }
    entry ??= this.issue(type, value, 0);
    this.byKey.set(key, entry);
    return formatPlaceholder(entry.type, entry.n, this.language);
  }

  /** A placeholder whose value is deliberately not kept (secrets): it can never be restored. */
  issueUnrestorable(type: EntityType): string {
    this.changes++;
    return formatPlaceholder(type, this.nextNumber(type), this.language);
  }

  /**
   * Note a placeholder-like token found in a user's own text. Its number is never issued, so the
   * token can never restore into someone's data. A token this session already issued is left as
   * it is: the user refers to that placeholder (e.g. in a follow-up prompt after `anonymize`).
   */
  reserve(label: string, digits: string): void {
    const type = LABEL_TO_TYPE.get(`${this.language}:${label.toUpperCase()}`);
    if (!type || !/^[1-9]\d*$/.test(digits)) return;
    const n = Number(digits);
    if (this.byPlaceholder.has(placeholderKey(label, digits))) return;
    const set = this.reserved.get(type) ?? new Set<number>();
    if (set.has(n)) return;
    set.add(n);
    this.reserved.set(type, set);
    this.changes++;
  }

  /** The value behind a placeholder this session issued; undefined for anything else. */
  resolve(label: string, digits: string): string | undefined {
    return this.byPlaceholder.get(placeholderKey(label, digits))?.value;
  }

  /** Issued placeholders and their values (personal data: do not log). */
  *mappings(): IterableIterator<{ placeholder: string; type: EntityType; value: string }> {
    for (const entry of this.byPlaceholder.values()) {
      yield {
        placeholder: formatPlaceholder(entry.type, entry.n, this.language),
        type: entry.type,
        value: entry.value,
      };
    }
  }

  toState(): SessionState {
    const keys = new Map<Entry, string[]>();
    for (const [key, entry] of this.byKey) {
      const list = keys.get(entry) ?? [];
      list.push(key);
      keys.set(entry, list);
    }
    return {
      version: 1,
      id: this.id,
      language: this.language,
      mergeVariants: this.mergeVariants,
      counters: Object.fromEntries(this.counters),
      reserved: Object.fromEntries([...this.reserved].map(([t, s]) => [t, [...s].sort((a, b) => a - b)])),
      entries: [...this.byPlaceholder.values()].map((e) => ({
        type: e.type,
        n: e.n,
        value: e.value,
        rank: e.rank,
        keys: keys.get(e) ?? [],
      })),
    };
  }

  static fromState(state: SessionState): Session {
    if (state?.version !== 1 || typeof state.id !== "string") throw new Error("not a session state (version 1)");
    const session = new Session({ id: state.id, language: state.language, mergeVariants: state.mergeVariants });
    for (const [type, n] of Object.entries(state.counters)) {
      if (isEntityType(type) && typeof n === "number") session.counters.set(type, n);
    }
    for (const [type, numbers] of Object.entries(state.reserved)) {
      if (isEntityType(type) && Array.isArray(numbers)) session.reserved.set(type, new Set(numbers));
    }
    for (const e of state.entries) {
      if (!isEntityType(e.type)) throw new Error(`unknown entity type in session state: ${e.type}`);
      const entry: Entry = { type: e.type, n: e.n, value: e.value, rank: e.rank };
      session.register(entry);
      for (const key of e.keys) session.byKey.set(key, entry);
    }
    return session;
  }

  private nextNumber(type: EntityType): number {
    const reserved = this.reserved.get(type);
    let n = (this.counters.get(type) ?? 0) + 1;
    while (reserved?.has(n)) n++;
    this.counters.set(type, n);
    return n;
  }

  private issue(type: EntityType, value: string, rank: number, person?: PersonName): Entry {
    const entry: Entry = { type, n: this.nextNumber(type), value, rank };
    if (person) entry.person = person;
    this.register(entry);
    return entry;
  }

  private register(entry: Entry): void {
    this.byPlaceholder.set(placeholderKey(PLACEHOLDER_LABELS[this.language][entry.type], String(entry.n)), entry);
    if (entry.type === "PERSON" && this.mergeVariants) {
      entry.person ??= parsePersonName(entry.value);
      this.people.push(entry);
    }
  }

  /** Keep what a new variant adds (a first name, initials) and restore the most complete form. */
  private absorbVariant(entry: Entry, name: PersonName, value: string): void {
    const known = entry.person as PersonName;
    if (name.given.length > known.given.length) known.given = name.given;
    if (name.initials.length > known.initials.length) known.initials = name.initials;
    if (name.surname) {
      known.surname ??= name.surname;
      // Once the surname is known, the lone first name no longer stands for this person alone.
      known.single = null;
    }
    const rank = nameCompleteness(name);
    if (rank > entry.rank) {
      entry.rank = rank;
      entry.value = value;
    }
  }

  /** The one known person this name can refer to, or undefined when none or several fit. */
  private findPerson(name: PersonName): Entry | undefined {
    const one = (list: Entry[]) => (list.length === 1 ? list[0] : undefined);
    const p = (e: Entry) => e.person as PersonName;
    if (name.surname) {
      const sameSurname = this.people.filter((e) => p(e).surname === name.surname);
      const first = name.given[0];
      if (first) {
        const exact = sameSurname.filter((e) => p(e).given[0] === first);
        if (exact.length > 0) return one(exact);
        const open = sameSurname.filter(
          (e) => p(e).given.length === 0 && (p(e).initials === "" || p(e).initials[0] === first[0]),
        );
        if (open.length > 0) return one(open);
        if (sameSurname.length > 0) return undefined;
        // `Jan` seen alone before `Jan de Vries`.
        return one(this.people.filter((e) => p(e).single === first));
      }
      if (name.initials) {
        const fits = sameSurname.filter(
          (e) =>
            (p(e).given[0]?.[0] ?? p(e).initials[0]) === name.initials[0] ||
            (p(e).given.length === 0 && p(e).initials === ""),
        );
        const specific = fits.filter((e) => p(e).initials !== "");
        return one(specific.length > 0 ? specific : fits);
      }
      return one(sameSurname);
    }
    if (name.single) {
      const byFirst = this.people.filter((e) => p(e).given[0] === name.single);
      const bySurname = this.people.filter((e) => p(e).surname?.split(" ").pop() === name.single);
      if (byFirst.length + bySurname.length === 1) return byFirst[0] ?? bySurname[0];
    }
    return undefined;
  }
}
