import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../store.js";

/**
 * Opens throw-away stores on both databases for tests. PostgreSQL runs in its own schema per store
 * (pw_test_<random>), dropped afterwards, so parallel test runs never see each other's rows.
 */

export const TEST_DATABASE_URL = process.env.POORTWACHTER_TEST_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/test";

export interface TestStore {
  store: Store;
  /** Connection settings to open the same database again (e.g. from a CLI process). */
  env: { dataDir: string; databaseUrl?: string; schema?: string };
  dispose(): Promise<void>;
}

export async function openSqliteTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "pw-store-"));
  const store = await openStore({ dataDir });
  return {
    store,
    env: { dataDir },
    async dispose() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openPostgresTestStore(): Promise<TestStore> {
  const schema = `pw_test_${randomBytes(6).toString("hex")}`;
  const dataDir = mkdtempSync(join(tmpdir(), "pw-store-"));
  const store = await openStore({ dataDir, databaseUrl: TEST_DATABASE_URL, schema });
  return {
    store,
    env: { dataDir, databaseUrl: TEST_DATABASE_URL, schema },
    async dispose() {
      await store.close();
      await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

let reachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers; checked once per test file. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

export interface Backend {
  name: "sqlite" | "postgres";
  open(): Promise<TestStore>;
}

/**
 * The backends to run a suite against. Without PostgreSQL the suite skips its PostgreSQL half
 * locally (with a message) but fails in CI, where a silently skipped half would hide regressions.
 */
export async function testBackends(): Promise<Backend[]> {
  const backends: Backend[] = [{ name: "sqlite", open: openSqliteTestStore }];
  if (await postgresReachable()) {
    backends.push({ name: "postgres", open: openPostgresTestStore });
  } else if (process.env.CI === "true") {
    throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable; it is required when CI=true`);
  } else {
    process.stderr.write(
      `PostgreSQL at ${TEST_DATABASE_URL} is unreachable: skipping the PostgreSQL half of this suite (set POORTWACHTER_TEST_DATABASE_URL)\n`,
    );
  }
  return backends;
}
