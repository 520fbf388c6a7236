import { CompiledQuery, type Kysely } from "kysely";

/**
 * A multi-row INSERT into one table with a fixed column list, built and compiled by Kysely once
 * per row count and then run with new parameters. Building and compiling the statement cost the
 * gateway's main thread more than SQLite's insert itself (the audit batch, measured with a CPU
 * profile of the gateway bench).
 *
 * The SQL text is kept only after checking, with probe rows of distinct values, that Kysely put
 * every value in a parameter, row by row in column order: then the same text takes any rows of
 * this shape. Otherwise (another dialect that inlines values) every call builds its query as before.
 */
export class CachedInsert<Row extends object> {
  /** Row count -> checked SQL text, or null: build per call. */
  private readonly sqlByRows = new Map<number, string | null>();

  constructor(
    private readonly table: string,
    /** Every column of Row, each once: a key not listed here would not be written. */
    private readonly columns: readonly (keyof Row & string)[],
  ) {}

  // biome-ignore lint/suspicious/noExplicitAny: the table name is checked by the caller's types, not here.
  async execute(db: Kysely<any>, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const sql = this.sqlFor(db, rows.length);
    if (sql === null) {
      await db.insertInto(this.table).values(rows).execute();
      return;
    }
    const parameters: unknown[] = [];
    for (const row of rows) for (const column of this.columns) parameters.push(row[column]);
    await db.executeQuery(CompiledQuery.raw(sql, parameters));
  }

  // biome-ignore lint/suspicious/noExplicitAny: see execute.
  private sqlFor(db: Kysely<any>, rows: number): string | null {
    const known = this.sqlByRows.get(rows);
    if (known !== undefined) return known;
    const probe = Array.from({ length: rows }, (_, i) =>
      Object.fromEntries(this.columns.map((column) => [column, `${column}#${i}`])),
    );
    const compiled = db.insertInto(this.table).values(probe).compile();
    const expected = probe.flatMap((row) => this.columns.map((column) => row[column]));
    const checked =
      compiled.parameters.length === expected.length && expected.every((value, i) => compiled.parameters[i] === value);
    const sql = checked ? compiled.sql : null;
    this.sqlByRows.set(rows, sql);
    return sql;
  }
}
