import type { Locale } from "../locales";
import { GCM_PRINCIPLES } from "./gcm-principles";

// The principles' names as the official texts of A/RES/73/195, para. 15, write them.
// Russian and Arabic are left out until someone checks them against the official documents:
// those readers see the English name rather than a made-up one.
const TITLES: Partial<Record<Locale, Readonly<Record<string, string>>>> = {
  fr: {
    "people-centred": "Priorité à la dimension humaine",
    "international-cooperation": "Coopération internationale",
    "national-sovereignty": "Souveraineté nationale",
    "rule-of-law": "État de droit et garanties d’une procédure régulière",
    "sustainable-development": "Développement durable",
    "human-rights": "Droits de l’homme",
    "gender-responsive": "Prise en compte de la problématique femmes-hommes",
    "child-sensitive": "Adaptation aux besoins de l’enfant",
    "whole-of-government": "Approche mobilisant l’ensemble des pouvoirs publics",
    "whole-of-society": "Approche mobilisant l’ensemble de la société",
  },
  es: {
    "people-centred": "Centrarse en las personas",
    "international-cooperation": "Cooperación internacional",
    "national-sovereignty": "Soberanía nacional",
    "rule-of-law": "Estado de derecho y garantías procesales",
    "sustainable-development": "Desarrollo sostenible",
    "human-rights": "Derechos humanos",
    "gender-responsive": "Perspectiva de género",
    "child-sensitive": "Perspectiva infantil",
    "whole-of-government": "Enfoque pangubernamental",
    "whole-of-society": "Enfoque pansocial",
  },
};

/**
 * A guiding principle's name in `locale` where an official translation is shipped, else its
 * English name; an unknown key comes back as it is.
 */
export function gcmPrincipleTitle(key: string, locale: string): string {
  const translated = TITLES[locale as Locale]?.[key];
  if (translated) return translated;
  return GCM_PRINCIPLES.find((principle) => principle.key === key)?.title ?? key;
}

/** The locales with official names for every principle (the rest read English). */
export function gcmPrincipleLocales(): Locale[] {
  return (Object.keys(TITLES) as Locale[]).filter((locale) =>
    GCM_PRINCIPLES.every((principle) => TITLES[locale]?.[principle.key]),
  );
}
