import { stripAccents } from "./text";

type PlaceLevel = "area" | "town" | "site" | "bare";

export type Place = {
  label: string;
  name: string;
  level: PlaceLevel;
};

export type PlaceSet = {
  specific: Place[];
  /** Names a whole country or says nationwide. */
  national: string[];
  isVirtual: boolean;
};

export type PlaceRelation =
  | { kind: "same"; places: string[] }
  | { kind: "same-name"; places: string[] }
  | { kind: "same-country"; places: string[] }
  | { kind: "covers"; wide: string; other: string }
  | { kind: "mentioned"; place: string; other: string }
  | { kind: "different"; a: string[]; b: string[] }
  | { kind: "unknown" };

const AREA_WORDS = new Set(
  (
    "oblast oblasti region regions regional province provinces provincia governorate prefecture " +
    "department departement departamento state county canton rayon raion district districts " +
    "distrito woreda wilaya zone municipal marz mkhare region comarca estado"
  ).split(" "),
);
const TOWN_WORDS = new Set(
  "city town ville ciudad municipality municipalite municipio village villages commune pueblo".split(
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
const LONG_COUNTRY_FORMS = [
  "russian federation",
  "kyrgyz republic",
  "republic of moldova",
  "united republic of tanzania",
  "democratic republic of the congo",
  "republic of the congo",
  "islamic republic of iran",
  "syrian arab republic",
  "lao people s democratic republic",
  "republic of korea",
  "democratic people s republic of korea",
  "viet nam",
  "turkiye",
  "cote d ivoire",
  "bolivarian republic of venezuela",
  "plurinational state of bolivia",
  "state of palestine",
  "united states of america",
  "united kingdom of great britain and northern ireland",
  "republic of north macedonia",
  "czech republic",
];

export function normalisePlace(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

let countries: ReadonlySet<string> | undefined;

function countryNames(): ReadonlySet<string> {
  if (countries) return countries;
  const names = new Set<string>(LONG_COUNTRY_FORMS);
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const locale of ["en", "fr", "es"]) {
    const display = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (const first of letters) {
      for (const second of letters) {
        const name = display.of(`${first}${second}`);
        if (name) names.add(normalisePlace(name));
      }
    }
  }
  countries = names;
  return names;
}

export function isCountryName(text: string): boolean {
  return countryNames().has(normalisePlace(text));
}

export function parsePlaces(locations: readonly string[]): PlaceSet {
  const result: PlaceSet = { specific: [], national: [], isVirtual: false };
  for (const label of locations) {
    const normalised = normalisePlace(label);
    if (!normalised) continue;
    const words = normalised.split(" ");
    if (words.some((word) => VIRTUAL_WORDS.has(word)) && words.length <= 3) {
      result.isVirtual = true;
      continue;
    }
    if (NATIONAL_PHRASES.has(normalised) || countryNames().has(normalised)) {
      result.national.push(label.trim());
      continue;
    }
    if (ABROAD_PHRASES.has(normalised)) {
      result.specific.push({ label: label.trim(), name: "abroad", level: "area" });
      continue;
    }
    let level: PlaceLevel = "bare";
    const nameWords: string[] = [];
    for (const word of words) {
      if (AREA_WORDS.has(word)) level = "area";
      else if (TOWN_WORDS.has(word)) level = level === "area" ? level : "town";
      else if (SITE_WORDS.has(word)) level = level === "bare" ? "site" : level;
      else if (!FILLER_WORDS.has(word)) nameWords.push(word);
    }
    const name = nameWords.join(" ") || normalised;
    result.specific.push({ label: label.trim(), name, level });
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
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 7) return false;
  return editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 11 ? 2 : 1);
}

function namesMatch(a: Place, b: Place): boolean {
  if (a.name === b.name) return true;
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
    const shared = a.national.find((name) =>
      b.national.some((other) => normalisePlace(other) === normalisePlace(name)),
    );
    if (shared) return { kind: "same-country", places: [shared] };
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
