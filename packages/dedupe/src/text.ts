import { knowledgeConcepts } from "./knowledge";
import { CONCEPT_GROUPS, type ConceptGroup, GENERIC_WORDS } from "./lexicon";
import {
  isCyrillic,
  LANGUAGES,
  type Language,
  STOPWORD_LISTS,
  STOPWORDS,
  splitWords,
  stemWord,
  stripAccents,
  type TextLanguage,
} from "./words";

export {
  gramsOf,
  type Language,
  skeletonOf,
  splitWords,
  stripAccents,
  transliterate,
} from "./words";

// word endings and letters only one of these languages uses, for short titles without function
// words (Romanian: ă and ț; Turkish writes ş and â too, never ă or ț)
const ENDINGS: Partial<Record<TextLanguage, RegExp>> = {
  en: /(?:ing|ness|ship|ies)$/,
  fr: /(?:[ç]|[èêàùœ]|eau|eaux|ée|ées|ité|ités)$|[çèêœ]/,
  es: /(?:ción|ciones|sión|siones|idad|idades|miento|mientos|ñ\p{L}*)$|ñ/u,
  ro: /[ăţț]/,
};
const TEXT_LANGUAGES = Object.keys(STOPWORDS) as TextLanguage[];

let markers: ReadonlyMap<TextLanguage, ReadonlySet<string>> | undefined;

/** Each language's function words that no other language's stopword list holds. */
function getMarkers(): ReadonlyMap<TextLanguage, ReadonlySet<string>> {
  if (markers) return markers;
  const count = new Map<string, number>();
  for (const language of TEXT_LANGUAGES)
    for (const word of new Set(STOPWORDS[language])) count.set(word, (count.get(word) ?? 0) + 1);
  markers = new Map(
    TEXT_LANGUAGES.map((language) => [
      language,
      new Set(STOPWORDS[language].filter((word) => count.get(word) === 1 && word.length > 1)),
    ]),
  );
  return markers;
}

export type DetectedLanguage = { language: TextLanguage; isKnown: boolean };

export function detectLanguage(
  words: readonly string[],
  fallback: TextLanguage = "en",
): DetectedLanguage {
  let cyrillic = 0;
  for (const word of words) if (isCyrillic(word)) cyrillic++;
  const candidates =
    cyrillic * 2 > words.length
      ? (["ru", "uk"] as const)
      : TEXT_LANGUAGES.filter((language) => language !== "ru" && language !== "uk");
  let best = candidates.includes(fallback as never) ? fallback : (candidates[0] ?? "en");
  let bestCount = 0;
  let isKnown = cyrillic * 2 > words.length;
  for (const language of candidates) {
    const own = getMarkers().get(language);
    let count = 0;
    for (const word of words) {
      if (own?.has(word)) count++;
      else if (word.length > 4 && ENDINGS[language]?.test(word)) count += 0.5;
      else if (language === "uk" && /[іїєґ]/.test(word)) count++;
    }
    if (count >= 1) isKnown = true;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return { language: best, isKnown };
}

type Lexicon = {
  stopwords: ReadonlySet<string>;
  generic: ReadonlySet<string>;
  /** "language:stem stem" -> concept keys; single words have no space. */
  phrases: ReadonlyMap<string, readonly string[]>;
  /** Accent-free single-word entries and their plurals -> concept keys, to settle stem clashes. */
  words: ReadonlyMap<string, readonly string[]>;
  longestPhrase: number;
  /** "language:stem" of every phrase's first word, to skip words no phrase starts with. */
  starts: ReadonlySet<string>;
  concepts: ReadonlyMap<string, ConceptGroup>;
};

function buildLexicon(): Lexicon {
  // a one-word entry ("trata", "empleo") outranks a stopword list; words inside phrases do not
  const lexiconWords = new Set<string>();
  for (const group of CONCEPT_GROUPS)
    for (const language of LANGUAGES)
      for (const entry of group[language] ?? []) {
        const words = splitWords(entry);
        if (words.length === 1 && words[0]) lexiconWords.add(words[0]);
      }
  const stopwords = new Set<string>();
  for (const list of STOPWORD_LISTS)
    for (const word of list) if (!lexiconWords.has(word)) stopwords.add(word);
  for (const word of ["e.g", "etc", "i.e", "ii", "iii", "per", "via"]) stopwords.add(word);

  const phrases = new Map<string, string[]>();
  let longestPhrase = 1;
  const starts = new Set<string>();
  const add = (key: string, concept: string) => {
    const list = phrases.get(key) ?? [];
    if (!list.includes(concept)) list.push(concept);
    phrases.set(key, list);
  };
  const words = new Map<string, string[]>();
  const addWord = (word: string, concept: string) => {
    const list = words.get(word) ?? [];
    if (!list.includes(concept)) list.push(concept);
    words.set(word, list);
  };
  for (const group of CONCEPT_GROUPS) {
    for (const language of LANGUAGES) {
      for (const entry of group[language] ?? []) {
        const single = splitWords(entry);
        if (single.length === 1 && single[0])
          for (const suffix of ["", "s", "es"])
            addWord(stripAccents(single[0] + suffix), group.key);
        const stems = splitWords(entry)
          .filter((word) => !stopwords.has(word))
          .map((word) => stemWord(word, language));
        if (stems.length === 0) continue;
        longestPhrase = Math.max(longestPhrase, stems.length);
        starts.add(`${language}:${stems[0]}`);
        add(`${language}:${stems.join(" ")}`, group.key);
      }
    }
  }
  const generic = new Set<string>();
  for (const word of GENERIC_WORDS)
    for (const language of LANGUAGES) generic.add(stemWord(word, language));
  return {
    stopwords,
    generic,
    phrases,
    words,
    longestPhrase,
    starts,
    concepts: new Map(CONCEPT_GROUPS.map((group) => [group.key, group])),
  };
}

let lexicon: Lexicon | undefined;

function getLexicon(): Lexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}

export function conceptGroup(key: string): ConceptGroup | undefined {
  return getLexicon().concepts.get(key);
}

export type Token = {
  /** The word as written, for reasons. */
  surface: string;
  stem: string;
  isGeneric: boolean;
  /** Knowledge topics the word points to. */
  topics: readonly string[];
};

export type AnalysedText = {
  language: TextLanguage;
  /** The language rests on its script or function words, not on word endings or the fallback. */
  isLanguageKnown: boolean;
  tokens: Token[];
  /** Concept keys found, with how often. */
  concepts: Map<string, number>;
  /** Knowledge topics (GCM objectives, DAC sectors) the words point to, with how often. */
  topics: Map<string, number>;
};

const SHORTEST_TOPIC_STEM = 5;

// a Russian stem may extend a stem of the knowledge ("информацион" / "информац"): its stemmer
// leaves more of a word's endings than the others do
function topicsOfStem(
  knowledge: ReadonlyMap<string, readonly string[]>,
  language: Language,
  stem: string,
): readonly string[] {
  const shortest = language === "ru" ? Math.min(stem.length, SHORTEST_TOPIC_STEM) : stem.length;
  for (let length = stem.length; length >= shortest && length > 0; length--) {
    const topics = knowledge.get(`${language}:${stem.slice(0, length)}`);
    if (topics) return topics;
  }
  return [];
}

type ReadWord = { stem: string; stems: readonly string[]; topics: readonly string[] };

// networks repeat their words: read each once, in a cache that starts over when full
const WORD_CACHE_SIZE = 20_000;
const wordCache = new Map<string, ReadWord>();

function readWord(
  word: string,
  language: TextLanguage,
  knowledge: ReadonlyMap<string, readonly string[]>,
): ReadWord {
  const key = `${language}:${word}`;
  const cached = wordCache.get(key);
  if (cached) return cached;
  const stem = stemWord(word, language);
  const cyrillic = isCyrillic(word);
  const topics = new Set<string>();
  const stems = LANGUAGES.map((other) => {
    const stemmed =
      other === language ? stem : (other === "ru") !== cyrillic ? "" : stemWord(word, other);
    for (const topic of topicsOfStem(knowledge, other, stemmed)) topics.add(topic);
    return stemmed;
  });
  const read = { stem, stems, topics: [...topics] };
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  wordCache.set(key, read);
  return read;
}

/** Tokens, stems and concept groups of one text field. */
export function analyseText(text: string, fallback: TextLanguage = "en"): AnalysedText {
  const { stopwords, generic, phrases, words: lexiconWords, longestPhrase, starts } = getLexicon();
  const words = splitWords(text);
  const { language, isKnown: isLanguageKnown } = detectLanguage(words, fallback);
  const ownStopwords = LANGUAGES.includes(language as Language)
    ? undefined
    : new Set(STOPWORDS[language]);
  const tokens: Token[] = [];
  // every language's stems, so a word from another language can still reach its concept
  const stemsByLanguage: Record<Language, string[]> = { en: [], fr: [], es: [], ru: [] };
  const topics = new Map<string, number>();
  const knowledge = knowledgeConcepts();
  for (const word of words) {
    if (stopwords.has(word) || ownStopwords?.has(word) || /^\p{N}+$/u.test(word) || word.length < 2)
      continue;
    const read = readWord(word, language, knowledge);
    tokens.push({
      surface: word,
      stem: read.stem,
      isGeneric: generic.has(read.stem),
      topics: read.topics,
    });
    for (const [n, other] of LANGUAGES.entries()) stemsByLanguage[other].push(read.stems[n] ?? "");
    for (const topic of read.topics) topics.set(topic, 1);
  }
  const concepts = new Map<string, number>();
  const order: Language[] = [
    ...LANGUAGES.filter((other) => other === language),
    ...LANGUAGES.filter((other) => other !== language),
  ];
  let start = 0;
  while (start < tokens.length) {
    let matched = 1;
    const languages = order.filter((other) =>
      starts.has(`${other}:${stemsByLanguage[other][start] ?? ""}`),
    );
    for (let length = Math.min(longestPhrase, tokens.length - start); length >= 1; length--) {
      if (languages.length === 0) break;
      let found: readonly string[] | undefined;
      for (const other of languages) {
        const key = `${other}:${stemsByLanguage[other].slice(start, start + length).join(" ")}`;
        found = phrases.get(key);
        if (found) break;
      }
      if (!found) continue;
      // stems of different words can clash ("estudio" / "estudiantes"): the written word decides
      const surface = tokens[start]?.surface;
      if (length === 1 && found.length > 1 && surface)
        found = lexiconWords.get(stripAccents(surface)) ?? found;
      for (const concept of found) concepts.set(concept, (concepts.get(concept) ?? 0) + 1);
      // a phrase claims its words: "legal counselling" is legal aid, not also counselling
      matched = length;
      break;
    }
    start += matched;
  }
  return { language, isLanguageKnown, tokens, concepts, topics };
}
