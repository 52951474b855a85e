import { describe, expect, it } from "vitest";
import { toPostgres } from "./dialect";

const pg = (sql: string) => toPostgres(sql).text;

describe("the store's SQL on PostgreSQL", () => {
  it("numbers placeholders, leaving question marks in strings alone", () => {
    expect(pg("SELECT * FROM t WHERE a = ? AND b = '?' AND c IN (?, ?)")).toBe(
      "SELECT * FROM t WHERE a = $1 AND b = '?' AND c IN ($2, $3)",
    );
  });

  it("binds named parameters by position, one position per name", () => {
    expect(
      toPostgres("INSERT INTO q (a, b) SELECT @reason, x FROM t WHERE id = @id AND r = @reason"),
    ).toEqual({
      text: "INSERT INTO q (a, b) SELECT $1, x FROM t WHERE id = $2 AND r = $1",
      names: ["reason", "id"],
    });
  });

  it("turns INSERT OR IGNORE into ON CONFLICT DO NOTHING, before any RETURNING", () => {
    expect(pg("INSERT OR IGNORE INTO m (a, b) VALUES (?, ?)")).toBe(
      "INSERT INTO m (a, b) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    );
    expect(pg("INSERT OR IGNORE INTO m (a) VALUES (?) RETURNING a")).toBe(
      "INSERT INTO m (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING a",
    );
  });

  it("reads JSON fields, lists and aggregates as PostgreSQL spells them", () => {
    expect(pg("SELECT json_extract(xa.data, '$.title') FROM activities xa")).toBe(
      "SELECT (xa.data::jsonb ->> 'title') FROM activities xa",
    );
    expect(pg("SELECT * FROM o WHERE id IN (SELECT value FROM json_each(?))")).toBe(
      "SELECT * FROM o WHERE id IN (SELECT value FROM json_array_elements_text($1::json))",
    );
    expect(pg("SELECT (SELECT json_group_array(m.user_id) FROM m) AS mentions")).toBe(
      "SELECT (SELECT COALESCE(json_agg(m.user_id)::text, '[]') FROM m) AS mentions",
    );
  });

  it("keeps aggregate MAX and makes the two-argument one GREATEST", () => {
    expect(pg("SELECT MAX(a), MAX(excluded.b, t.b) FROM t")).toBe(
      "SELECT MAX(a), GREATEST(excluded.b, t.b) FROM t",
    );
  });

  it("compares with NULL-safe IS ? and LIKE case-insensitively, as SQLite does", () => {
    expect(pg("SELECT 1 WHERE a IS NOT ? AND b IS ? AND c LIKE ? AND d NOT LIKE ?")).toBe(
      "SELECT 1 WHERE a IS DISTINCT FROM $1 AND b IS NOT DISTINCT FROM $2 AND c ILIKE $3 AND d NOT ILIKE $4",
    );
  });

  it("keeps the case of mixed-case aliases, wherever the statement names them", () => {
    expect(pg("SELECT COUNT(*) AS memberCount FROM m ORDER BY memberCount, x.memberCount")).toBe(
      'SELECT COUNT(*) AS "memberCount" FROM m ORDER BY "memberCount", x."memberCount"',
    );
  });

  it("rewrites nothing inside strings, quoted names or comments", () => {
    const sql = `SELECT "json_extract(x)", 'LIKE ? INSERT OR IGNORE' -- MAX(a, b) ?\nFROM t`;
    expect(pg(sql)).toBe(sql);
  });
});
