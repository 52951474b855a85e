import { GCM_OBJECTIVES } from "@junction/domain";
import { DAC_SECTORS } from "./knowledge/dac-sectors";
import { GCM_TITLES } from "./knowledge/gcm-titles";
import { CONCEPT_GROUPS } from "./lexicon";
import { isCyrillic, type Language, STOPWORD_LISTS, splitWords, stemWord } from "./words";

/** A topic of a general vocabulary that words of an activity point to, named for reasons. */
export type Topic = { key: string; label: string; source: string };

type Item = { key: string; label: string; texts: Partial<Record<Language, string>> };

/**
 * A word stem points to an item when it occurs in the titles of at most this many items of its
 * source in that language: distinctive words carry the topic, shared ones ("migration") do not.
 */
const MAX_ITEMS: Record<"gcm" | "dac", number> = { gcm: 1, dac: 2 };

type Knowledge = {
  stems: Map<string, string[]>;
  topics: Map<string, Topic>;
  /** Each topic's whole words, in every language of its source, lower case without accents. */
  words: Map<string, Set<string>>;
};

// a codelist's note on its own codes ("modified and includes data from 11322") names no subject
const CODE_NOTE = /\([^)]*\d{5}[^)]*\)/g;

function plainWord(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

let knowledge: Knowledge | undefined;

function build(): Knowledge {
  // as in reading a text: a word of the vocabulary ("trata") is not a stopword
  const stopwords = new Set<string>(STOPWORD_LISTS.flat());
  for (const group of CONCEPT_GROUPS)
    for (const entry of [...group.en, ...group.fr, ...group.es, ...(group.ru ?? [])])
      stopwords.delete(entry.toLowerCase());
  const stems = new Map<string, string[]>();
  const topics = new Map<string, Topic>();
  const words = new Map<string, Set<string>>();
  const addSource = (source: "gcm" | "dac", name: string, items: readonly Item[]) => {
    const byLanguage = new Map<Language, Map<string, Set<string>>>();
    for (const item of items) {
      topics.set(item.key, { key: item.key, label: item.label, source: name });
      const own = new Set<string>();
      words.set(item.key, own);
      for (const [language, text] of Object.entries(item.texts) as Array<[Language, string]>) {
        for (const word of splitWords(text.replace(CODE_NOTE, " ")))
          if (!stopwords.has(word) && word.length >= 4) own.add(plainWord(word));
        const index = byLanguage.get(language) ?? new Map<string, Set<string>>();
        byLanguage.set(language, index);
        for (const word of splitWords(text)) {
          if (stopwords.has(word) || word.length < 4) continue;
          if ((language === "ru") !== isCyrillic(word)) continue;
          const stem = stemWord(word, language);
          const keys = index.get(stem) ?? new Set<string>();
          keys.add(item.key);
          index.set(stem, keys);
        }
      }
    }
    for (const [language, index] of byLanguage)
      for (const [stem, keys] of index) {
        if (keys.size > MAX_ITEMS[source] || stem.length < 3) continue;
        const key = `${language}:${stem}`;
        stems.set(key, [...(stems.get(key) ?? []), ...keys]);
      }
  };
  addSource(
    "gcm",
    "Global Compact for Migration, objective titles (en, fr, es, ru)",
    GCM_OBJECTIVES.map((objective, index) => ({
      key: `gcm:${objective.number}`,
      label: `GCM objective ${objective.number} (${objective.short.toLowerCase()})`,
      texts: {
        en: objective.title,
        fr: GCM_TITLES.fr[index] ?? "",
        es: GCM_TITLES.es[index] ?? "",
        ru: GCM_TITLES.ru[index] ?? "",
      },
    })),
  );
  addSource(
    "dac",
    "OECD DAC purpose codes, IATI Sector codelist (en, fr)",
    DAC_SECTORS.map(([code, english, french]) => ({
      key: `dac:${code}`,
      label: `DAC sector ${code} (${english.toLowerCase()})`,
      texts: { en: english, fr: french },
    })),
  );
  return { stems, topics, words };
}

function getKnowledge(): Knowledge {
  knowledge ??= build();
  return knowledge;
}

/** "language:stem" -> the topics that stem points to. */
export function knowledgeConcepts(): ReadonlyMap<string, readonly string[]> {
  return getKnowledge().stems;
}

export function topicOf(key: string): Topic | undefined {
  return getKnowledge().topics.get(key);
}

/** Longest ending two forms of one word may differ by ("border" / "borders", "migrant" / "migrants"). */
const INFLECTION = 2;

function isWordOf(word: string, words: ReadonlySet<string>): boolean {
  if (words.has(word)) return true;
  for (const other of words) {
    const [short, long] = word.length <= other.length ? [word, other] : [other, word];
    if (long.length - short.length <= INFLECTION && long.startsWith(short)) return true;
  }
  return false;
}

/** How many different stems of a text must point to a topic for a reason to name it by them. */
const STEMS_FOR_REASON = 2;

/**
 * Whether these words of a text name a topic plainly enough for a reason to say so: one of them is
 * a whole word of the topic's name ("trafficking", "borders" for "border"), or two different stems
 * point to it. A lone
 * stem that only begins like a word of the name ("operations" / "co-operatives") is not enough.
 */
export function namesTopic(
  tokens: ReadonlyArray<{ surface: string; stem: string; topics: readonly string[] }>,
  topic: string,
): boolean {
  const own = getKnowledge().words.get(topic);
  const stems = new Set<string>();
  for (const token of tokens) {
    if (!token.topics.includes(topic)) continue;
    if (own && isWordOf(plainWord(token.surface), own)) return true;
    stems.add(token.stem);
  }
  return stems.size >= STEMS_FOR_REASON;
}
