// The catalog's database on its own thread (issue 20 §7) answers as PGlite does: rows, Postgres's
// error fields, and transactions that commit, roll back on a throw, or roll back when asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseThread } from "../../src/server/catalog/database-thread";

let db: DatabaseThread;
beforeAll(async () => {
  db = await DatabaseThread.open();
  await db.exec("create table public.thread_test (id int primary key, note text)");
});
afterAll(async () => db?.close());

const ids = async () =>
  (await db.query<{ id: number }>("select id from public.thread_test order by id")).rows.map((r) => r.id);

describe("the database thread", () => {
  it("returns rows and keeps a Postgres error's code, detail and constraint", async () => {
    await db.query("insert into public.thread_test values ($1, $2)", [1, "one"]);
    expect((await db.query("select id, note from public.thread_test")).rows).toEqual([{ id: 1, note: "one" }]);
    await expect(db.query("insert into public.thread_test values (1, 'again')")).rejects.toMatchObject({
      code: "23505",
      constraint: "thread_test_pkey",
      detail: "Key (id)=(1) already exists.",
    });
    await expect(db.query("select * from public.no_such_table")).rejects.toMatchObject({ code: "42P01" });
  });

  it("commits a transaction whose callback resolves, with the callback's result", async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query("insert into public.thread_test values (2, 'two')");
      return (await tx.sql<{ n: number }>`select count(*)::int n from public.thread_test where id >= ${2}`).rows[0].n;
    });
    expect(result).toBe(1);
    expect(await ids()).toEqual([1, 2]);
  });

  it("rolls back when the callback throws, and when it rolls back itself", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("insert into public.thread_test values (3, 'three')");
        throw new Error("refused by the caller");
      }),
    ).rejects.toThrow("refused by the caller");
    await db.transaction(async (tx) => {
      await tx.query("insert into public.thread_test values (4, 'four')");
      await tx.rollback();
      expect(tx.closed).toBe(true);
    });
    expect(await ids()).toEqual([1, 2]);
  });
});
