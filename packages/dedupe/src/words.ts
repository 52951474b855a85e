import { stemmer as stemDutch } from "@orama/stemmers/dutch";
import { stemmer as stemEnglish } from "@orama/stemmers/english";
import { stemmer as stemFrench } from "@orama/stemmers/french";
import { stemmer as stemGerman } from "@orama/stemmers/german";
import { stemmer as stemIndonesian } from "@orama/stemmers/indonesian";
import { stemmer as stemItalian } from "@orama/stemmers/italian";
import { stemmer as stemPortuguese } from "@orama/stemmers/portuguese";
import { stemmer as stemRomanian } from "@orama/stemmers/romanian";
import { stemmer as stemRussian } from "@orama/stemmers/russian";
import { stemmer as stemSpanish } from "@orama/stemmers/spanish";
import { stemmer as stemTurkish } from "@orama/stemmers/turkish";
import { stemmer as stemUkrainian } from "@orama/stemmers/ukrainian";
import { stopwords as dutchStopwords } from "@orama/stopwords/dutch";
import { stopwords as englishStopwords } from "@orama/stopwords/english";
import { stopwords as frenchStopwords } from "@orama/stopwords/french";
import { stopwords as germanStopwords } from "@orama/stopwords/german";
import { stopwords as indonesianStopwords } from "@orama/stopwords/indonesian";
import { stopwords as italianStopwords } from "@orama/stopwords/italian";
import { stopwords as portugueseStopwords } from "@orama/stopwords/portuguese";
import { stopwords as romanianStopwords } from "@orama/stopwords/romanian";
import { stopwords as russianStopwords } from "@orama/stopwords/russian";
import { stopwords as spanishStopwords } from "@orama/stopwords/spanish";
import { stopwords as turkishStopwords } from "@orama/stopwords/turkish";
import { stopwords as ukrainianStopwords } from "@orama/stopwords/ukrainian";

/** Languages the vocabulary and the knowledge are written in. */
export type Language = "en" | "fr" | "es" | "ru";

/** Languages a text may be read in: the vocabulary's, and others with a Snowball stemmer. */
export type TextLanguage = Language | "pt" | "it" | "de" | "ro" | "nl" | "tr" | "id" | "uk";

export const LANGUAGES: readonly Language[] = ["en", "fr", "es", "ru"];

const STEMMERS: Record<TextLanguage, (word: string) => string> = {
  en: stemEnglish,
  fr: stemFrench,
  es: stemSpanish,
  ru: stemRussian,
  pt: stemPortuguese,
  it: stemItalian,
  de: stemGerman,
  ro: stemRomanian,
  nl: stemDutch,
  tr: stemTurkish,
  id: stemIndonesian,
  uk: stemUkrainian,
};

/** Each language's stopwords (Snowball lists, as @orama/stopwords ships them). */
export const STOPWORDS: Readonly<Record<TextLanguage, readonly string[]>> = {
  en: englishStopwords,
  fr: frenchStopwords,
  es: spanishStopwords,
  ru: russianStopwords,
  pt: portugueseStopwords,
  it: italianStopwords,
  de: germanStopwords,
  ro: romanianStopwords,
  nl: dutchStopwords,
  tr: turkishStopwords,
  id: indonesianStopwords,
  uk: ukrainianStopwords,
};

// Cyrillic letters of Russian and the Central Asian languages written in it, in Latin
const CYRILLIC: Readonly<Record<string, string>> = Object.fromEntries(
  (
    "а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f " +
    "х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya ғ:g ӣ:i қ:q ӯ:u ҳ:h ҷ:j ә:a ө:o ү:u " +
    "ң:n һ:h і:i ї:i є:e ґ:g ў:u"
  )
    .split(" ")
    .map((pair) => pair.split(":")),
);

/** Cyrillic written in Latin letters, everything else unchanged. */
export function transliterate(text: string): string {
  return text.replace(/[\u0400-\u04ff]/g, (letter) => {
    const lower = letter.toLowerCase();
    const latin = CYRILLIC[lower];
    if (latin === undefined) return letter;
    return lower === letter ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  });
}

/**
 * A word folded to how it sounds, across Latin spellings and transliterated Cyrillic, so cognates
 * meet in character n-grams: vaccination / vacunación / вакцинация -> "vaksinasion" / "vakunasion"
 * / "vaksinasia".
 */
export function skeletonOf(word: string): string {
  return stripAccents(transliterate(word.toLowerCase()))
    .replace(/[^a-z]/g, "")
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/kh/g, "h")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/ck|c|q/g, "k")
    .replace(/ts|tz|z/g, "s")
    .replace(/ti(?=[oa])/g, "si")
    .replace(/x/g, "ks")
    .replace(/w/g, "v")
    .replace(/y/g, "i")
    .replace(/(.)\1+/g, "$1");
}

const GRAM_LENGTH = 4;

/** Character 4-grams of a word's skeleton, with its edges marked. */
export function gramsOf(word: string): string[] {
  const skeleton = skeletonOf(word);
  if (skeleton.length < GRAM_LENGTH) return [];
  const padded = `^${skeleton}$`;
  const grams: string[] = [];
  for (let start = 0; start + GRAM_LENGTH <= padded.length; start++)
    grams.push(padded.slice(start, start + GRAM_LENGTH));
  return grams;
}

export function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** Lower-cased words of a text, accents kept (the stemmers need them), apostrophes split. */
export function splitWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .flatMap((chunk) => chunk.split(/'|(?<=\p{L})-(?=\p{L}{4,})|-(?=\p{N})/u))
    .map((word) => word.replace(/^-+|-+$/g, ""))
    .filter((word) => word.length > 0);
}

export function stemWord(word: string, language: TextLanguage): string {
  return stripAccents(STEMMERS[language](language === "ru" ? word.replace(/ё/g, "е") : word));
}

/** The stopword lists of the four languages, before a lexicon takes words back. */
export const STOPWORD_LISTS: readonly (readonly string[])[] = [
  englishStopwords,
  frenchStopwords,
  spanishStopwords,
  russianStopwords,
];

/** Whether a word contains Cyrillic letters. */
export function isCyrillic(word: string): boolean {
  return /[\u0400-\u04ff]/.test(word);
}
