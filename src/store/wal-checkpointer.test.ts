import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { SQLITE_FILE_NAME } from "./connection.js";
import { openStore } from "./store.js";

describe("background WAL checkpoints", () => {
  it("copy the write-ahead log into the database without the commits doing it, and stop with the store", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pw-wal-"));
    try {
      const store = await openStore({ dataDir, backgroundCheckpoints: true });
      await sql`create table filler (id integer primary key, data text)`.execute(store.db);
      // 3000 pages of 4 KiB through the log: without checkpoints it would hold them all.
      for (let i = 0; i < 30; i++) {
        await store.db.transaction().execute(async (trx) => {
          for (let j = 0; j < 100; j++) await sql`insert into filler (data) values (${"x".repeat(4000)})`.execute(trx);
        });
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      await new Promise((resolve) => setTimeout(resolve, 700));
      // 3000 pages stay under the commits' own checkpoint limit (4000): only the thread can have
      // copied them into the database file.
      expect(statSync(join(dataDir, SQLITE_FILE_NAME)).size).toBeGreaterThan(10_000_000);
      const rows = await sql<{ n: number }>`select count(*) as n from filler`.execute(store.db);
      expect(rows.rows[0]?.n).toBe(3000);
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
