import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isLocale, type LocaleMessages, localeCodeSchema } from "@junction/domain";
import { WORDING_KEYS } from "@junction/exports";
import type { Logger } from "../log";
import { isMessageKey, LOCALE_NAMES } from "./catalogues";
import { compileMessage, type LocaleFile, Translator } from "./translator";

const RTL_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"]);

/** Keys of the `server` namespace that are not server messages but words of the exports. */
export const EXPORT_KEY_PREFIX = "export.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function displayName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Reads `<dir>/<locale>.json` translation files at start: `{ "$meta"?: { name, dir },
 * "<namespace>": { "<key>": "<ICU message>" } }`. A file that cannot be used is left out and a
 * message that is not valid ICU (or a `server` key Junction does not have) is skipped, each with a
 * log line saying what to fix; nothing here throws.
 */
export function loadLocaleFiles(
  dir: string,
  log: Logger,
  exportKeys: ReadonlySet<string> = new Set(),
): LocaleFile[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      log.warn("the translations directory is not a directory; no translations were loaded", {
        dir,
      });
      return [];
    }
    names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") {
      log.warn("the translations directory could not be read; no translations were loaded", {
        dir,
        error,
      });
    }
    return [];
  }
  const files: LocaleFile[] = [];
  for (const name of names.sort()) {
    const file = readLocaleFile(join(dir, name), name.slice(0, -".json".length), log, exportKeys);
    if (file) files.push(file);
  }
  return files;
}

function readLocaleFile(
  path: string,
  code: string,
  log: Logger,
  exportKeys: ReadonlySet<string>,
): LocaleFile | null {
  if (!localeCodeSchema.safeParse(code).success) {
    log.warn(
      "translations file skipped: its name is not a language code such as fr.json or pt-BR.json",
      {
        file: path,
      },
    );
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    log.warn("translations file skipped: it is not valid JSON", {
      file: path,
      error: String(error),
    });
    return null;
  }
  if (!isRecord(parsed)) {
    log.warn(
      'translations file skipped: it must be an object { "<namespace>": { "<key>": "<message>" } }',
      {
        file: path,
      },
    );
    return null;
  }
  const { $meta: meta, ...namespaces } = parsed;
  const metaRecord = isRecord(meta) ? meta : {};
  if (meta !== undefined && !isRecord(meta)) {
    log.warn('translations file: "$meta" must be { "name": "…", "dir": "ltr" | "rtl" }; ignored', {
      file: path,
    });
  }
  const primary = code.split("-")[0] ?? code;
  const name =
    typeof metaRecord.name === "string" && metaRecord.name.trim() !== ""
      ? metaRecord.name.trim()
      : isLocale(code)
        ? LOCALE_NAMES[code]
        : displayName(code);
  const dir =
    metaRecord.dir === "rtl" || metaRecord.dir === "ltr"
      ? metaRecord.dir
      : RTL_LANGUAGES.has(primary)
        ? "rtl"
        : "ltr";
  const messages: LocaleMessages = {};
  let skipped = 0;
  for (const [namespace, entries] of Object.entries(namespaces)) {
    if (!isRecord(entries)) {
      log.warn("translations file: a namespace must map keys to messages; namespace skipped", {
        file: path,
        namespace,
      });
      continue;
    }
    const kept: Record<string, string> = {};
    for (const [key, value] of Object.entries(entries)) {
      const problem = messageProblem(namespace, key, value, code, exportKeys);
      if (problem) {
        skipped++;
        log.warn(`translations file: message skipped, ${problem}`, { file: path, namespace, key });
        continue;
      }
      kept[key] = value as string;
    }
    messages[namespace] = kept;
  }
  const etag = `"${createHash("sha256").update(JSON.stringify(messages)).digest("base64url").slice(0, 27)}"`;
  log.info("translations loaded", {
    file: path,
    locale: code,
    builtIn: isLocale(code),
    messages: Object.values(messages).reduce(
      (sum, entries) => sum + Object.keys(entries).length,
      0,
    ),
    skipped,
  });
  return { code, name, dir, messages, etag };
}

function messageProblem(
  namespace: string,
  key: string,
  value: unknown,
  code: string,
  exportKeys: ReadonlySet<string>,
): string | null {
  if (typeof value !== "string") return "its value is not a string";
  if (namespace === "server") {
    const known = key.startsWith(EXPORT_KEY_PREFIX)
      ? exportKeys.has(key.slice(EXPORT_KEY_PREFIX.length)) || isMessageKey(key)
      : isMessageKey(key);
    if (!known) return "Junction's server has no message with this key";
  }
  try {
    compileMessage(value, code);
  } catch (error) {
    return `it is not a valid ICU message (${error instanceof Error ? error.message : String(error)})`;
  }
  return null;
}

/** The translator for a server: built-in catalogues plus the directory's files, read once. */
export function loadTranslator(dir: string, log: Logger): Translator {
  return new Translator(loadLocaleFiles(dir, log, WORDING_KEYS));
}
