import { KNOWN_ORGANISATIONS } from "./known-organisations";
import { stripAccents, transliterate } from "./words";

/** An organisation record of the network, as the caller knows it. */
export type OrganisationRecord = {
  id?: string | undefined;
  name: string;
  acronym?: string | null | undefined;
};

/** One way an activity names an organisation, resolved as far as the directory allows. */
export type OrganisationMention = {
  label: string;
  /** Canonical key when the directory knows the body, else the normalised name. */
  key: string;
  isKnown: boolean;
  /** Capital letters of an acronym-like mention ("MoES" -> "mes"). */
  acronymLetters: string | null;
  /** First letters of a full name's words ("Ministry of Health" -> "mh"). */
  initials: string;
  words: readonly string[];
};

const JOINING_WORDS = new Set(
  "of and the for on in to at a an de la le les des du et pour l d el los las del y para con sobre po i v na dlia s o ob pri k".split(
    " ",
  ),
);

const SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/\borganisation\b/g, "organization"],
  [/\bprogramme\b/g, "program"],
  [/\blabour\b/g, "labor"],
  [/\bcentre\b/g, "center"],
  [/\bunited nations\b/g, "un"],
  [/\bnations unies\b/g, "un"],
  [/\bnaciones unidas\b/g, "un"],
  [/\bonu\b/g, "un"],
  [/\boon\b/g, "un"],
  [/\borganizatsii ob edinennykh natsii\b/g, "un"],
  [/^the /, ""],
];

export function normaliseOrganisationName(name: string): string {
  let text = stripAccents(transliterate(name))
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]s\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  for (const [pattern, replacement] of SPELLINGS) text = text.replace(pattern, replacement);
  return text.replace(/\s+/g, " ").trim();
}

// what people type where no organisation is chosen yet, in the languages the engine reads
const UNSET =
  /^(?:n ?a|none|nil|null|tbd|tbc|to be (?:confirmed|determined|decided|defined|identified)|unknown|not (?:yet )?(?:set|assigned|decided|known|confirmed)|unassigned|pending|no lead|a (?:definir|confirmer|determiner)|non defini|por (?:definir|confirmar|determinar)|sin (?:definir|asignar)|ne (?:opredelen|naznachen|izvesten)\w*|x+)$/;

/** Whether a lead or partner field names no organisation ("", "TBD", "n/a", "—", "à définir"). */
export function isUnsetName(raw: string | null | undefined): boolean {
  return (
    UNSET.test(normaliseOrganisationName(raw ?? "")) || normaliseOrganisationName(raw ?? "") === ""
  );
}

function initialsOf(words: readonly string[]): string {
  return words
    .filter((word) => !JOINING_WORDS.has(word))
    .map((word) => word[0] ?? "")
    .join("");
}

function acronymLettersOf(raw: string): string | null {
  const trimmed = raw.trim();
  if (/\s/.test(trimmed) || trimmed.length < 2 || trimmed.length > 12) return null;
  const capitals = trimmed.replace(/[^\p{Lu}]/gu, "");
  if (capitals.length < 2 || capitals.length < trimmed.replace(/[^\p{L}]/gu, "").length / 2)
    return null;
  return stripAccents(transliterate(capitals)).toLowerCase();
}

/** Resolves names and acronyms to one key per organisation. */
export type OrganisationDirectory = {
  mention: (raw: string) => OrganisationMention;
};

export function createOrganisationDirectory(
  records: readonly OrganisationRecord[] = [],
): OrganisationDirectory {
  const aliases = new Map<string, string>();
  const known = new Set<string>();
  const register = (alias: string, key: string) => {
    const normalised = normaliseOrganisationName(alias);
    if (normalised && !aliases.has(normalised)) aliases.set(normalised, key);
  };
  for (const organisation of KNOWN_ORGANISATIONS) {
    known.add(organisation.key);
    for (const alias of [...organisation.acronyms, ...organisation.names])
      register(alias, organisation.key);
  }
  const resolveAlias = (normalised: string): string | undefined => {
    const exact = aliases.get(normalised);
    if (exact) return exact;
    // "IOM Kyrgyzstan", "OSCE Programme Office in Bishkek": a known body named first
    const words = normalised.split(" ");
    for (let length = words.length - 1; length >= 1; length--) {
      const key = aliases.get(words.slice(0, length).join(" "));
      if (key && known.has(key)) return key;
    }
    return undefined;
  };
  for (const record of records) {
    const names = [record.name, record.acronym ?? ""].filter((name) => name.trim().length > 0);
    const resolved = names
      .map((name) => resolveAlias(normaliseOrganisationName(name)))
      .find((key) => key !== undefined);
    const key = resolved ?? `org:${record.id ?? normaliseOrganisationName(record.name)}`;
    if (!resolved) known.add(key);
    for (const name of names) register(name, key);
  }
  const cache = new Map<string, OrganisationMention>();
  return {
    mention(raw: string): OrganisationMention {
      const cached = cache.get(raw);
      if (cached) return cached;
      const normalised = normaliseOrganisationName(raw);
      const resolved = resolveAlias(normalised);
      const words = normalised.split(" ").filter((word) => word.length > 0);
      const result: OrganisationMention = {
        label: raw.trim(),
        key: resolved ?? normalised,
        isKnown: resolved !== undefined,
        acronymLetters: acronymLettersOf(raw),
        initials: initialsOf(words),
        words,
      };
      cache.set(raw, result);
      return result;
    },
  };
}

function isShortFormOf(short: OrganisationMention, long: OrganisationMention): boolean {
  const shortWords = short.words.filter((word) => !JOINING_WORDS.has(word));
  const longWords = long.words.filter((word) => !JOINING_WORDS.has(word));
  if (shortWords.length < 2 || shortWords.length >= longWords.length) return false;
  return shortWords.every((word, index) => longWords[index] === word);
}

/** Whether two mentions name the same body: same key, an acronym of the other, or a short form. */
export function isSameOrganisation(a: OrganisationMention, b: OrganisationMention): boolean {
  if (a.key === b.key) return true;
  if (a.isKnown && b.isKnown) return false;
  if (a.acronymLetters && !b.acronymLetters && a.acronymLetters === b.initials) return true;
  if (b.acronymLetters && !a.acronymLetters && b.acronymLetters === a.initials) return true;
  return isShortFormOf(a, b) || isShortFormOf(b, a);
}
