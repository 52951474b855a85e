import { stripAccents, transliterate } from "./words";

type PlaceLevel = "area" | "town" | "site" | "bare";

export type Place = {
  label: string;
  name: string;
  level: PlaceLevel;
  /** The name and the names of the areas the label puts it in ("Ukhiya, Cox's Bazar"). */
  names: string[];
  /** ISO 3166 code of the country the label names beside the place ("Moyale, Ethiopia"). */
  country: string | null;
};

export type PlaceSet = {
  specific: Place[];
  /** Names a whole country or says nationwide. */
  national: string[];
  /** ISO 3166 codes of every country the locations name. */
  countries: string[];
  isVirtual: boolean;
};

export type PlaceRelation =
  | { kind: "same"; places: string[] }
  | { kind: "same-name"; places: string[] }
  | { kind: "same-country"; places: string[] }
  | { kind: "covers"; wide: string; other: string }
  | { kind: "mentioned"; place: string; other: string }
  | { kind: "different"; a: string[]; b: string[] }
  | { kind: "other-country"; a: string[]; b: string[] }
  | { kind: "unknown" };

const AREA_WORDS = new Set(
  (
    "oblast oblasti region regions regional province provinces provincia governorate prefecture " +
    "department departement departamento state county canton rayon raion district districts " +
    "distrito woreda wilaya zone municipal marz mkhare region comarca estado valley dolina " +
    "upazila division"
  ).split(" "),
);
const TOWN_WORDS = new Set(
  "city town ville ciudad municipality municipalite municipio village villages commune pueblo gorod".split(
    " ",
  ),
);
const SITE_WORDS = new Set(
  (
    "airport aeroport aeropuerto international border crossing point points bcp checkpoint " +
    "poste frontiere frontera paso fronterizo port seaport station"
  ).split(" "),
);
const FILLER_WORDS = new Set("of the de la le du del des el in and y et".split(" "));
const VIRTUAL_WORDS = new Set(
  "online virtual remote remotely webinar internet distance en ligne linea".split(" "),
);
const NATIONAL_PHRASES = new Set([
  "nationwide",
  "national",
  "national level",
  "countrywide",
  "country wide",
  "whole country",
  "all regions",
  "all provinces",
  "tout le pays",
  "niveau national",
  "national territory",
  "todo el pais",
  "nivel nacional",
  "ambito nacional",
]);
const ABROAD_PHRASES = new Set([
  "abroad",
  "overseas",
  "a l etranger",
  "etranger",
  "en el extranjero",
  "extranjero",
  "exterior",
  "en el exterior",
]);
// official long forms that the standard display names leave out
const LONG_COUNTRY_FORMS: ReadonlyArray<readonly [string, string]> = [
  ["russian federation", "RU"],
  ["kyrgyz republic", "KG"],
  ["republic of moldova", "MD"],
  ["united republic of tanzania", "TZ"],
  ["democratic republic of the congo", "CD"],
  ["republic of the congo", "CG"],
  ["islamic republic of iran", "IR"],
  ["syrian arab republic", "SY"],
  ["lao people s democratic republic", "LA"],
  ["republic of korea", "KR"],
  ["democratic people s republic of korea", "KP"],
  ["viet nam", "VN"],
  ["turkiye", "TR"],
  ["cote d ivoire", "CI"],
  ["bolivarian republic of venezuela", "VE"],
  ["plurinational state of bolivia", "BO"],
  ["state of palestine", "PS"],
  ["united states of america", "US"],
  ["united kingdom of great britain and northern ireland", "GB"],
  ["republic of north macedonia", "MK"],
  ["czech republic", "CZ"],
  ["rossiiskaia federatsiia", "RU"],
];

export function normalisePlace(text: string): string {
  return stripAccents(transliterate(text))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// locales written in Latin or Cyrillic letters, which place names are compared in
const COUNTRY_NAME_LOCALES = (
  "en fr es ru pt de it nl tr uk kk ky uz tg tk mn az sq ro sr hr bs mk bg pl cs sk hu sl lt lv et " +
  "fi sv da nb is ga cy eu ca gl id ms vi tl sw so ha yo ig om af zu xh ln rw"
).split(" ");
// codes Intl knows that are not a country today: unions, pseudo-regions, former states, islands
// that belong to another country
const NOT_COUNTRIES = new Set(
  "AC AN BU CP CS DD DG EA EU EZ FX IC NT QO QU SU TA TP UN XA XB YU ZR ZZ".split(" "),
);
const LONGEST_COUNTRY_NAME = 8;

let countries: ReadonlyMap<string, string> | undefined;

/** Normalised country name in any of the locales -> ISO 3166 code; the first locale wins. */
function countryNames(): ReadonlyMap<string, string> {
  if (countries) return countries;
  const names = new Map<string, string>();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const codes: string[] = [];
  const english = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  for (const first of letters)
    for (const second of letters) {
      const code = `${first}${second}`;
      if (!NOT_COUNTRIES.has(code) && english.of(code)) codes.push(code);
    }
  for (const locale of COUNTRY_NAME_LOCALES) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    } catch {
      continue;
    }
    for (const code of codes) {
      const name = normalisePlace(display.of(code) ?? "");
      if (name && name.split(" ").length <= LONGEST_COUNTRY_NAME && !names.has(name))
        names.set(name, code);
    }
  }
  for (const [name, code] of LONG_COUNTRY_FORMS) if (!names.has(name)) names.set(name, code);
  countries = names;
  return names;
}

/** Country codes named in a normalised label, and the words left once they are taken out. */
function findCountries(words: readonly string[]): { codes: string[]; rest: string[] } {
  const names = countryNames();
  const codes: string[] = [];
  const rest: string[] = [];
  let start = 0;
  while (start < words.length) {
    let matched = 0;
    for (let length = Math.min(LONGEST_COUNTRY_NAME, words.length - start); length >= 1; length--) {
      const code = names.get(words.slice(start, start + length).join(" "));
      if (!code) continue;
      if (!codes.includes(code)) codes.push(code);
      matched = length;
      break;
    }
    if (matched === 0) rest.push(words[start] ?? "");
    start += Math.max(matched, 1);
  }
  return { codes, rest };
}

// short forms of general usage that the display names leave out, matched as written
const COUNTRY_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:USA|US|U\.S\.)(?![$\w])|\bEE\.\s?UU\b|США/u, "US"],
  [/\bUK\b/u, "GB"],
  [/\b(?:UAE|EAU)\b|ОАЭ/u, "AE"],
  [/(?:^|[^\p{L}])РФ(?![\p{L}])/u, "RU"],
];

/** ISO 3166 codes of the countries a title or description names ("for Canada", "EE.UU."). */
export function countriesNamedIn(text: string): string[] {
  const codes = findCountries(normalisePlace(text).split(" ").filter(Boolean)).codes;
  for (const [pattern, code] of COUNTRY_ABBREVIATIONS)
    if (!codes.includes(code) && pattern.test(text)) codes.push(code);
  return codes;
}

/** A title or description as place names are compared: normalised, each word folded. */
export function placeTextFor(text: string): string {
  return normalisePlace(text).split(" ").map(foldName).join(" ");
}

export function isCountryName(text: string): boolean {
  return countryNames().has(normalisePlace(text));
}

// "khatlonskaya oblast", "vakhdat": Russian adjective endings and transliteration variants fold
function foldName(word: string): string {
  return word
    .replace(/kh/g, "h")
    .replace(/dzh/g, "j")
    .replace(/y/g, "i")
    .replace(/(.)\1+/g, "$1")
    .replace(/(?:iiskaia|iiskii|skaia|skii|skoi|skogo|skoe)$/, "");
}

export function parsePlaces(locations: readonly string[]): PlaceSet {
  const result: PlaceSet = { specific: [], national: [], countries: [], isVirtual: false };
  for (const label of locations) {
    const normalised = normalisePlace(label);
    if (!normalised) continue;
    const words = normalised.split(" ");
    if (words.some((word) => VIRTUAL_WORDS.has(word)) && words.length <= 3) {
      result.isVirtual = true;
      continue;
    }
    if (NATIONAL_PHRASES.has(normalised)) {
      result.national.push(label.trim());
      continue;
    }
    const found = findCountries(words);
    for (const code of found.codes)
      if (!result.countries.includes(code)) result.countries.push(code);
    const country = found.codes.length === 1 ? (found.codes[0] ?? null) : null;
    const rest = found.rest.filter((word) => !FILLER_WORDS.has(word));
    if (found.codes.length > 0 && rest.length === 0) {
      result.national.push(label.trim());
      continue;
    }
    if (ABROAD_PHRASES.has(normalised)) {
      result.specific.push({
        label: label.trim(),
        name: "abroad",
        names: ["abroad"],
        level: "area",
        country: null,
      });
      continue;
    }
    let level = "bare" as PlaceLevel;
    const names: string[] = [];
    // "Moyale, Ethiopia", "Ukhiya (Cox's Bazar)": the place first, then what holds it
    for (const part of label.split(/[,;()/]+/)) {
      const partFound = findCountries(normalisePlace(part).split(" ").filter(Boolean));
      const partWords = partFound.rest;
      // "Ciudad de Guatemala", "Guatemala City", "Ville de Djibouti": the capital named after
      // its country is one town, however the country is spelled
      if (
        partFound.codes.length === 1 &&
        partWords.some((word) => TOWN_WORDS.has(word)) &&
        partWords.every((word) => TOWN_WORDS.has(word) || FILLER_WORDS.has(word))
      ) {
        if (names.length === 0) level = "town";
        names.push(`city of ${(partFound.codes[0] ?? "").toLowerCase()}`);
        continue;
      }
      const nameWords: string[] = [];
      for (const word of partWords) {
        const isFirst = names.length === 0;
        if (AREA_WORDS.has(word)) level = isFirst ? "area" : level;
        else if (TOWN_WORDS.has(word)) level = isFirst && level !== "area" ? "town" : level;
        else if (SITE_WORDS.has(word)) level = isFirst && level === "bare" ? "site" : level;
        else if (!FILLER_WORDS.has(word)) nameWords.push(foldName(word));
      }
      const name = nameWords.filter((word) => word.length > 0).join(" ");
      if (name) names.push(name);
    }
    if (names.length === 0) names.push(normalised);
    result.specific.push({
      label: label.trim(),
      name: names[0] ?? normalised,
      names,
      level,
      country,
    });
  }
  return result;
}

/** Edit distance up to `limit`; anything further comes back as `limit + 1`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

// transliterations of one long name ("Sudurpashchim" / "Sudurpaschim") differ by a letter or two
function isSpellingVariant(a: string, b: string): boolean {
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 6) return false;
  return editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 11 ? 2 : 1);
}

function namesMatch(a: Place, b: Place): boolean {
  if (a.country && b.country && a.country !== b.country) return false;
  return a.names.some((nameA) => b.names.some((nameB) => nameMatches(nameA, nameB)));
}

function nameMatches(nameA: string, nameB: string): boolean {
  const a = { name: nameA };
  const b = { name: nameB };
  if (a.name === b.name) return true;
  // "raionul cahul" / "cahul": a one-word name inside a name written with a local area word
  const [shorter, longer] = nameA.length <= nameB.length ? [nameA, nameB] : [nameB, nameA];
  if (!shorter.includes(" ") && shorter.length >= 4 && longer.split(" ").includes(shorter))
    return true;
  // "Manas airport" against "Manas International Airport", "Dostuk" against "Dostuk BCP"
  const aWords = a.name.split(" ");
  const bWords = b.name.split(" ");
  const aFirst = aWords[0] ?? "";
  const bFirst = bWords[0] ?? "";
  const sameFirst = aFirst === bFirst || isSpellingVariant(aFirst, bFirst);
  if (!sameFirst) return false;
  return (
    aWords.length === 1 ||
    bWords.length === 1 ||
    aWords.slice(1).join(" ") === bWords.slice(1).join(" ")
  );
}

/**
 * A place of one activity named in the other's title or description (" ... ibarra ... "), when the
 * other's own places are areas or towns that could hold it, not points like an airport or a post.
 */
function mentionedPlace(places: PlaceSet, other: PlaceSet, text: string): Place | undefined {
  if (other.specific.some((place) => place.level === "site")) return undefined;
  return places.specific.find(
    (place) =>
      place.name !== "abroad" && place.name.length >= 4 && text.includes(` ${place.name} `),
  );
}

let englishNames: Intl.DisplayNames | undefined;

export function countryLabel(code: string): string {
  englishNames ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
  return englishNames.of(code) ?? code;
}

/**
 * How two activities' places relate. `texts` are each activity's title and description as
 * `normalisePlace` leaves them, padded with spaces: places apart on the location lists still
 * meet when one names the other's place in its text.
 */
export function relatePlaces(
  a: PlaceSet,
  b: PlaceSet,
  texts?: { a: string; b: string },
): PlaceRelation {
  // two activities in different countries are never the same place
  if (
    a.countries.length > 0 &&
    b.countries.length > 0 &&
    !a.countries.some((code) => b.countries.includes(code))
  )
    return {
      kind: "other-country",
      a: a.countries.map(countryLabel),
      b: b.countries.map(countryLabel),
    };
  const same = new Set<string>();
  const sameName = new Set<string>();
  for (const placeA of a.specific) {
    for (const placeB of b.specific) {
      if (!namesMatch(placeA, placeB)) continue;
      const aIsArea = placeA.level === "area";
      const bIsArea = placeB.level === "area";
      if (aIsArea === bIsArea) same.add(placeA.label);
      else
        sameName.add(
          aIsArea ? `${placeB.label} / ${placeA.label}` : `${placeA.label} / ${placeB.label}`,
        );
    }
  }
  if (same.size > 0) return { kind: "same", places: [...same] };
  if (sameName.size > 0) return { kind: "same-name", places: [...sameName] };
  const aWide = a.national[0] ?? (a.isVirtual ? "online" : undefined);
  const bWide = b.national[0] ?? (b.isVirtual ? "online" : undefined);
  if (aWide && b.specific.length > 0)
    return {
      kind: "covers",
      wide: aWide,
      other: b.specific.map((place) => place.label).join(", "),
    };
  if (bWide && a.specific.length > 0)
    return {
      kind: "covers",
      wide: bWide,
      other: a.specific.map((place) => place.label).join(", "),
    };
  if (a.national.length > 0 && b.national.length > 0) {
    const shared = a.countries.find((code) => b.countries.includes(code));
    if (shared) return { kind: "same-country", places: [countryLabel(shared)] };
    const both = a.national.find((name) =>
      b.national.some((other) => normalisePlace(other) === normalisePlace(name)),
    );
    if (both) return { kind: "same-country", places: [both] };
    return { kind: "unknown" };
  }
  if (a.specific.length > 0 && b.specific.length > 0) {
    const inB = texts ? mentionedPlace(a, b, texts.b) : undefined;
    if (inB)
      return {
        kind: "mentioned",
        place: inB.label,
        other: b.specific.map((place) => place.label).join(", "),
      };
    const inA = texts ? mentionedPlace(b, a, texts.a) : undefined;
    if (inA)
      return {
        kind: "mentioned",
        place: inA.label,
        other: a.specific.map((place) => place.label).join(", "),
      };
    return {
      kind: "different",
      a: a.specific.map((place) => place.label),
      b: b.specific.map((place) => place.label),
    };
  }
  return { kind: "unknown" };
}
