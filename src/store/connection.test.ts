import SqliteDatabase from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./connection.js";

describe("withStatementCache", () => {
  it("gives the same SQL the same prepared statement, and a busy one never twice", () => {
    const raw = new SqliteDatabase(":memory:");
    const db = withStatementCache(raw);
    db.prepare("create table t (n integer)").run([]);
    const insert = db.prepare("insert into t (n) values (?)");
    for (let n = 1; n <= 3; n++) db.prepare("insert into t (n) values (?)").run([n]);
    expect(db.prepare("insert into t (n) values (?)")).toBe(insert);

    const select = "select n from t order by n";
    const iterating = db.prepare(select) as unknown as SqliteDatabase.Statement;
    const rows = iterating.iterate();
    rows.next();
    // While the first is iterated, the same SQL still runs, on a statement of its own.
    const second = db.prepare(select) as unknown as SqliteDatabase.Statement;
    expect(second).not.toBe(iterating);
    expect(second.all().map((r) => (r as { n: number }).n)).toEqual([1, 2, 3]);
    rows.return?.();
    expect(db.prepare(select)).toBe(iterating);
    db.close();
  });

  it("keeps at most 256 statements, the least recently used going first", () => {
    const raw = new SqliteDatabase(":memory:");
    const db = withStatementCache(raw);
    const hot = db.prepare("select 0");
    const cold = db.prepare("select -1");
    for (let i = 1; i <= 300; i++) {
      db.prepare(`select ${i}`);
      if (i % 100 === 0) expect(db.prepare("select 0")).toBe(hot);
    }
    expect(db.prepare("select 0")).toBe(hot);
    expect(db.prepare("select -1")).not.toBe(cold);
    db.close();
  });
});
