import type { Kysely } from "kysely";
import type { z } from "zod";
import { DuplicateIdError, isUniqueViolation, RecordNotFoundError } from "../errors.js";
import type { Database } from "../schema.js";

type DocumentTableName = {
  [K in keyof Database]: Database[K] extends { data: string; created_at: string } ? K : never;
}[keyof Database];

export type ColumnValue = string | number | null;

export interface DocumentTableSpec<T extends { id: string }> {
  table: DocumentTableName;
  /** Name used in error messages, e.g. "tool". */
  kind: string;
  schema: z.ZodType<T, unknown>;
  /** The copies of document fields that live in their own columns. */
  columns: (doc: T) => Record<string, ColumnValue>;
  orderBy: string;
  direction?: "asc" | "desc";
}

/**
 * One validated document per row, for every governance aggregate. Documents are parsed on the way
 * in and on the way out, so a row written by an older version (or edited by hand) cannot smuggle
 * an invalid value past the domain model.
 */
export class DocumentRepository<T extends { id: string }> {
  // The table name is a runtime value here, which Kysely's per-table typing cannot follow.
  // biome-ignore lint/suspicious/noExplicitAny: the spec's zod schema types every row instead
  private readonly db: Kysely<any>;

  constructor(
    db: Kysely<Database>,
    private readonly spec: DocumentTableSpec<T>,
  ) {
    // biome-ignore lint/suspicious/noExplicitAny: see the field comment
    this.db = db as Kysely<any>;
  }

  async list(): Promise<T[]> {
    const rows = await this.db
      .selectFrom(this.spec.table)
      .select(["data"])
      .orderBy(this.spec.orderBy, this.spec.direction ?? "asc")
      .orderBy("id")
      .execute();
    return rows.map((r: { data: string }) => this.decode(r.data));
  }

  async get(id: string): Promise<T | undefined> {
    const row = await this.db.selectFrom(this.spec.table).select(["data"]).where("id", "=", id).executeTakeFirst();
    return row ? this.decode(row.data) : undefined;
  }

  async require(id: string): Promise<T> {
    const doc = await this.get(id);
    if (!doc) throw new RecordNotFoundError(this.spec.kind, id);
    return doc;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom(this.spec.table)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(input: T): Promise<T> {
    const doc = this.spec.schema.parse(input);
    const now = new Date().toISOString();
    try {
      await this.db
        .insertInto(this.spec.table)
        .values({ id: doc.id, data: JSON.stringify(doc), created_at: now, updated_at: now, ...this.spec.columns(doc) })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateIdError(this.spec.kind, doc.id);
      throw err;
    }
    return doc;
  }

  async update(input: T): Promise<T> {
    const doc = this.spec.schema.parse(input);
    const result = await this.db
      .updateTable(this.spec.table)
      .set({ data: JSON.stringify(doc), updated_at: new Date().toISOString(), ...this.spec.columns(doc) })
      .where("id", "=", doc.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new RecordNotFoundError(this.spec.kind, doc.id);
    return doc;
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom(this.spec.table).where("id", "=", id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new RecordNotFoundError(this.spec.kind, id);
  }

  private decode(data: string): T {
    return this.spec.schema.parse(JSON.parse(data));
  }
}
