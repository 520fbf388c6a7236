import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { type Dialect, PostgresDialect, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from "kysely";
import pg from "pg";
import { startWalCheckpointer, type WalCheckpointer } from "./wal-checkpointer.js";

export type DialectName = "sqlite" | "postgres";

export interface StoreLocation {
  /** Folder for the SQLite file; ignored when `databaseUrl` points at PostgreSQL. */
  dataDir: string;
  /** `postgres://...` or `postgresql://...` selects PostgreSQL; absent means SQLite. */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to work in (created when missing); tests use one schema per run. */
  schema?: string | undefined;
  /**
   * SQLite: checkpoint the write-ahead log on a worker thread instead of in the commit that fills
   * it (see wal-checkpointer.ts). For long-running servers; short-lived commands need no thread.
   */
  backgroundCheckpoints?: boolean | undefined;
}

export const SQLITE_FILE_NAME = "poortwachter.sqlite";

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function dialectNameOf(location: StoreLocation): DialectName {
  if (!location.databaseUrl) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(location.databaseUrl)) return "postgres";
  throw new Error("DATABASE_URL must start with postgres:// or postgresql:// (or be unset for SQLite)");
}

export interface OpenedDialect {
  name: DialectName;
  dialect: Dialect;
  /** Where the data lives, without credentials, for logs and `readyz`. */
  description: string;
  /** Runs before migrations, e.g. to create the PostgreSQL schema. */
  prepare: () => Promise<void>;
  /** Runs after Kysely closed the database: stops what the dialect started next to it. */
  afterClose?: () => Promise<void>;
}

export function openDialect(location: StoreLocation): OpenedDialect {
  const name = dialectNameOf(location);
  if (name === "sqlite") {
    const dir = resolve(location.dataDir);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, SQLITE_FILE_NAME);
    const database = new SqliteDatabase(file);
    // WAL lets readers (the dashboard) work while the gateway writes; foreign keys are off by default.
    database.pragma("journal_mode = WAL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 5000");
    let checkpointer: WalCheckpointer | undefined;
    if (location.backgroundCheckpoints) {
      // The thread keeps the log short; past 4000 pages (16 MB) the commit checkpoints as before.
      database.pragma("wal_autocheckpoint = 4000");
      checkpointer = startWalCheckpointer(file);
    }
    const cached = withStatementCache(database);
    return {
      name,
      dialect: new SqliteDialect({
        database: {
          prepare: (sql: string) => cached.prepare(sql),
          close: () => cached.close(),
        },
      }),
      afterClose: async () => {
        await checkpointer?.stop();
      },
      description: `sqlite:${file}`,
      prepare: async () => {},
    };
  }
  const schema = location.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  const url = location.databaseUrl as string;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return {
    name,
    dialect: new PostgresDialect({ pool }),
    description: `postgres:${redactUrl(url)}${schema ? ` (schema ${schema})` : ""}`,
    prepare: async () => {
      if (!schema) return;
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      } finally {
        client.release();
      }
    },
  };
}

/** Prepared statements kept per SQL text; more distinct texts than this and the oldest goes. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew, and SQLite's parser then costs as much as running the query
 * (a fifth of the gateway's database time per request, measured). The same SQL text gets the
 * same prepared statement back; SQLite re-prepares it by itself after a schema change. A
 * statement still being iterated (a streamed select) is busy and cannot be shared: then a fresh
 * one is prepared.
 */
export function withStatementCache(database: SqliteDatabase.Database): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last: the oldest entry is the least recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (cached) return statement;
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
      return statement;
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return `${u.host}${u.pathname}`;
  } catch {
    return "(unparsable url)";
  }
}
