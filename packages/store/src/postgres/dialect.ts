/**
 * The store's SQL is written once, for SQLite; PostgreSQL runs it through `toPostgres`, which
 * rewrites the few SQLite forms the store uses into their PostgreSQL equivalents. Anything else
 * passes unchanged, so a new query is written in the common subset of both, and the store's tests
 * run on both databases to prove it.
 *
 * Rewritten: `?` placeholders (to `$1`, `$2`...), `INSERT OR IGNORE` (to `ON CONFLICT DO NOTHING`),
 * `json_extract(x, '$.key')`, `json_each(?)`, `json_group_array(x)`, two-argument `MAX(a, b)`
 * (to `GREATEST`), `IS ?` / `IS NOT ?` (to `IS [NOT] DISTINCT FROM`) and `LIKE` (SQLite's is
 * case-insensitive, so `ILIKE`). `rowid` needs no rewrite: the PostgreSQL schema gives the tables
 * whose insertion order the store reads a `rowid` identity column.
 */
export function toPostgres(sql: string): { text: string; names: string[] | null } {
  let text = replaceOutsideLiterals(sql, (code) =>
    code
      .replace(/\bINSERT\s+OR\s+IGNORE\s+INTO\b/gi, "INSERT INTO")
      .replace(/\bIS\s+NOT\s+\?/gi, "IS DISTINCT FROM ?")
      .replace(/\bIS\s+\?/gi, "IS NOT DISTINCT FROM ?")
      .replace(/\bNOT\s+LIKE\b/gi, "NOT ILIKE")
      .replace(/(?<!NOT\s)\bLIKE\b/gi, "ILIKE")
      .replace(/\bjson_each\(\s*\?\s*\)/gi, "json_array_elements_text(?::json)"),
  );
  text = rewriteCalls(text, "json_extract", ([value, path]) => {
    const key = /^'\$\.([A-Za-z_][A-Za-z0-9_]*)'$/.exec(path?.trim() ?? "");
    if (!value || !key) throw new Error(`json_extract needs a '$.key' path: ${sql}`);
    return `(${value.trim()}::jsonb ->> '${key[1]}')`;
  });
  text = rewriteCalls(
    text,
    "json_group_array",
    ([value]) => `COALESCE(json_agg(${value?.trim()})::text, '[]')`,
  );
  text = rewriteCalls(text, "MAX", (args) =>
    args.length > 1 ? `GREATEST(${args.join(",")})` : null,
  );
  if (/^\s*INSERT\s+OR\s+IGNORE\b/i.test(sql)) text = addOnConflictDoNothing(text);
  text = quoteMixedCaseAliases(text);
  return numberPlaceholders(text);
}

/**
 * PostgreSQL folds unquoted names to lower case, so a row would answer `organisationcount` for
 * SQLite's `organisationCount`: an alias with capitals (`AS memberCount`) is quoted, with every
 * other mention of it in the statement.
 */
function quoteMixedCaseAliases(sql: string): string {
  const aliases = new Set<string>();
  replaceOutsideLiterals(sql, (code) => {
    for (const match of code.matchAll(/\bAS\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) {
      const name = match[1] as string;
      if (name !== name.toLowerCase()) aliases.add(name);
    }
    return code;
  });
  if (aliases.size === 0) return sql;
  const names = new RegExp(`(?<!["\\w])(${[...aliases].join("|")})(?![\\w"])`, "g");
  return replaceOutsideLiterals(sql, (code) => code.replace(names, '"$1"'));
}

/** Applies `rewrite` to the SQL outside string literals and quoted identifiers. */
function replaceOutsideLiterals(sql: string, rewrite: (code: string) => string): string {
  return splitLiterals(sql)
    .map((part) => (part.literal ? part.text : rewrite(part.text)))
    .join("");
}

function splitLiterals(sql: string): { text: string; literal: boolean }[] {
  const parts: { text: string; literal: boolean }[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const quote = sql[i];
    if (quote === "'" || quote === '"') {
      if (i > start) parts.push({ text: sql.slice(start, i), literal: false });
      let end = i + 1;
      while (end < sql.length) {
        if (sql[end] === quote) {
          if (sql[end + 1] === quote) end += 2;
          else break;
        } else end++;
      }
      parts.push({ text: sql.slice(i, end + 1), literal: true });
      i = end + 1;
      start = i;
    } else if (quote === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      if (i > start) parts.push({ text: sql.slice(start, i), literal: false });
      const stop = end === -1 ? sql.length : end;
      parts.push({ text: sql.slice(i, stop), literal: true });
      i = stop;
      start = i;
    } else i++;
  }
  if (start < sql.length) parts.push({ text: sql.slice(start), literal: false });
  return parts;
}

/**
 * Rewrites every call `name(arg, ...)` (outside literals, case-insensitive) with `rewrite`, which
 * answers the replacement or null to keep the call. Arguments may nest calls and parentheses.
 */
function rewriteCalls(
  sql: string,
  name: string,
  rewrite: (args: string[]) => string | null,
): string {
  const pattern = new RegExp(`\\b${name}\\s*\\(`, "gi");
  const literalAt = literalMask(sql);
  let out = "";
  let from = 0;
  for (let match = pattern.exec(sql); match; match = pattern.exec(sql)) {
    if (literalAt[match.index] || match.index < from) continue;
    const open = match.index + match[0].length - 1;
    const args: string[] = [];
    let depth = 0;
    let argStart = open + 1;
    let close = -1;
    for (let i = open; i < sql.length; i++) {
      if (literalAt[i]) continue;
      const char = sql[i];
      if (char === "(") depth++;
      else if (char === ")") {
        depth--;
        if (depth === 0) {
          args.push(sql.slice(argStart, i));
          close = i;
          break;
        }
      } else if (char === "," && depth === 1) {
        args.push(sql.slice(argStart, i));
        argStart = i + 1;
      }
    }
    if (close === -1) throw new Error(`Unbalanced parentheses after ${name}: ${sql}`);
    const replacement = rewrite(args.map((arg) => rewriteCalls(arg, name, rewrite)));
    if (replacement === null) continue;
    out += sql.slice(from, match.index) + replacement;
    from = close + 1;
    pattern.lastIndex = from;
  }
  return out + sql.slice(from);
}

/** Per character of `sql`, whether it is inside a string literal, quoted identifier or comment. */
function literalMask(sql: string): boolean[] {
  const mask: boolean[] = [];
  for (const part of splitLiterals(sql)) {
    for (let i = 0; i < part.text.length; i++) mask.push(part.literal);
  }
  return mask;
}

function addOnConflictDoNothing(sql: string): string {
  const returning = /\bRETURNING\b/i.exec(sql);
  if (!returning) return `${sql.trimEnd()} ON CONFLICT DO NOTHING`;
  return `${sql.slice(0, returning.index).trimEnd()} ON CONFLICT DO NOTHING ${sql.slice(returning.index)}`;
}

/**
 * `?` become `$1`, `$2`...; named parameters (`@name`, bound from one object as better-sqlite3
 * does) become positions too, and `names` lists which name each position takes.
 */
function numberPlaceholders(sql: string): { text: string; names: string[] | null } {
  let n = 0;
  const names: string[] = [];
  const text = replaceOutsideLiterals(sql, (code) =>
    code.replace(/\?|@([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string | undefined) => {
      if (name === undefined) return `$${++n}`;
      const known = names.indexOf(name);
      if (known !== -1) return `$${known + 1}`;
      names.push(name);
      return `$${names.length}`;
    }),
  );
  if (n > 0 && names.length > 0) throw new Error(`Mixed ? and @name parameters: ${sql}`);
  return { text, names: names.length > 0 ? names : null };
}
