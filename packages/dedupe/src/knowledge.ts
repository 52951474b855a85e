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

type Knowledge = { stems: Map<string, string[]>; topics: Map<string, Topic> };

let knowledge: Knowledge | undefined;

function build(): Knowledge {
  // as in reading a text: a word of the vocabulary ("trata") is not a stopword
  const stopwords = new Set<string>(STOPWORD_LISTS.flat());
  for (const group of CONCEPT_GROUPS)
    for (const entry of [...group.en, ...group.fr, ...group.es, ...(group.ru ?? [])])
      stopwords.delete(entry.toLowerCase());
  const stems = new Map<string, string[]>();
  const topics = new Map<string, Topic>();
  const addSource = (source: "gcm" | "dac", name: string, items: readonly Item[]) => {
    const byLanguage = new Map<Language, Map<string, Set<string>>>();
    for (const item of items) {
      topics.set(item.key, { key: item.key, label: item.label, source: name });
      for (const [language, text] of Object.entries(item.texts) as Array<[Language, string]>) {
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
  return { stems, topics };
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
