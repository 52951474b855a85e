import { TARGET_GROUPS } from "@junction/domain";
import { stemmer as stemEnglish } from "@orama/stemmers/english";
import { stemmer as stemRussian } from "@orama/stemmers/russian";
import { analyseText, stripAccents } from "./text";
import { isCyrillic } from "./words";

type Age = "child" | "adult" | "any";
type Regime = "protection" | "general" | "any";
type Direction = "out" | "return" | "home" | "in" | "internal" | "any";
type Role = "beneficiary" | "modifier" | "intermediary";

type GroupProfile = { role: Role; age: Age; regime: Regime; direction: Direction };

// who the people are, along the lines that make two activities serve different groups
const PROFILES: Record<string, GroupProfile> = {
  "prospective-migrants": { role: "beneficiary", age: "any", regime: "general", direction: "out" },
  "labour-migrants": { role: "beneficiary", age: "adult", regime: "general", direction: "out" },
  "returning-migrants": {
    role: "beneficiary",
    age: "adult",
    regime: "general",
    direction: "return",
  },
  "returning-children": {
    role: "beneficiary",
    age: "child",
    regime: "general",
    direction: "return",
  },
  "children-left-behind": {
    role: "beneficiary",
    age: "child",
    regime: "general",
    direction: "home",
  },
  "unaccompanied-separated-children": {
    role: "beneficiary",
    age: "child",
    regime: "any",
    direction: "any",
  },
  "victims-of-trafficking": { role: "beneficiary", age: "any", regime: "any", direction: "any" },
  "migrants-in-vulnerable-situations": {
    role: "beneficiary",
    age: "any",
    regime: "any",
    direction: "any",
  },
  "migrants-irregular": { role: "beneficiary", age: "any", regime: "general", direction: "any" },
  "refugees-asylum-seekers": {
    role: "beneficiary",
    age: "any",
    regime: "protection",
    direction: "in",
  },
  "stateless-persons": { role: "beneficiary", age: "any", regime: "protection", direction: "any" },
  "foreign-residents": { role: "beneficiary", age: "any", regime: "any", direction: "in" },
  "internal-migrants": {
    role: "beneficiary",
    age: "any",
    regime: "general",
    direction: "internal",
  },
  diaspora: { role: "beneficiary", age: "adult", regime: "general", direction: "out" },
  "migrant-households": { role: "beneficiary", age: "any", regime: "general", direction: "home" },
  children: { role: "beneficiary", age: "child", regime: "any", direction: "any" },
  adults: { role: "beneficiary", age: "adult", regime: "any", direction: "any" },
  // people an activity trains or equips so that they serve migrants
  "government-officials": { role: "intermediary", age: "adult", regime: "any", direction: "any" },
  "border-officials": { role: "intermediary", age: "adult", regime: "any", direction: "any" },
  "justice-officials": { role: "intermediary", age: "adult", regime: "any", direction: "any" },
  professionals: { role: "intermediary", age: "adult", regime: "any", direction: "any" },
  "recruitment-agencies": { role: "intermediary", age: "adult", regime: "any", direction: "any" },
  "civil-society": { role: "intermediary", age: "adult", regime: "any", direction: "any" },
  journalists: { role: "intermediary", age: "adult", regime: "any", direction: "any" },
};

const EXTRA_SYNONYMS: Record<string, readonly string[]> = {
  "unaccompanied-separated-children": [
    "unaccompanied children",
    "unaccompanied minors",
    "separated children",
    "mineurs non accompagnés",
    "enfants non accompagnés",
    "enfants séparés",
    "niños no acompañados",
    "menores no acompañados",
    "niñez no acompañada",
    // NNA: niñas, niños y adolescentes, the usual Latin American shorthand for children
    "NNA no acompañados",
  ],
  "internal-migrants": ["internal migrants", "personnes déplacées", "desplazados internos"],
  "migrant-households": ["relatives of migrants", "migrant families", "families left behind"],
  "refugees-asylum-seekers": [
    "réfugiés",
    "demandeurs d'asile",
    "refugiados",
    "solicitantes de asilo",
  ],
  "labour-migrants": ["travailleurs migrants", "trabajadores migrantes", "migrant labour"],
  "returning-migrants": ["migrants de retour", "retournés", "migrantes retornados", "retornados"],
  "victims-of-trafficking": ["victimes de la traite", "víctimas de trata"],
  "prospective-migrants": ["candidats à la migration", "migrantes potenciales"],
  "foreign-residents": ["étrangers", "extranjeros", "inmigrantes"],
  youth: ["jeunes", "jóvenes", "pupils", "young people"],
  "women-migrants": ["women", "femmes", "mujeres"],
  children: [
    "children",
    "child",
    "minors",
    "adolescents",
    "enfants",
    "mineurs",
    "niños",
    "niñas",
    "niñez",
    "menores",
    "NNA",
    "niñas, niños y adolescentes",
  ],
  adults: ["adults", "adultes", "adultos"],
  "justice-officials": [
    "prosecutors",
    "judges",
    "judicial police",
    "procureurs",
    "magistrats",
    "juges",
    "fiscales",
    "jueces",
    "operadores de justicia",
  ],
  professionals: [
    "teachers",
    "health workers",
    "social workers",
    "service providers",
    "frontline workers",
    "police officers",
    "labour inspectors",
    "immigration officers",
    "immigration officials",
    "enseignants",
    "travailleurs sociaux",
    "agents de santé",
    "inspecteurs du travail",
    "docentes",
    "servidores públicos",
    "trabajadores sociales",
    "personal de salud",
  ],
  "government-officials": ["fonctionnaires", "funcionarios públicos"],
  "border-officials": [
    "agents frontaliers",
    "agents de police des frontières",
    "guardias fronterizos",
  ],
};

// the catalogue's groups as they are named in Russian, for networks that plan in Russian
const RUSSIAN_NAMES: Record<string, readonly string[]> = {
  "prospective-migrants": ["потенциальные мигранты", "выезжающие на работу за рубеж"],
  "labour-migrants": ["трудовые мигранты", "трудящиеся-мигранты"],
  "returning-migrants": ["вернувшиеся мигранты", "возвращающиеся мигранты"],
  "returning-children": ["дети, вернувшиеся с родителями"],
  "children-left-behind": ["дети мигрантов", "дети трудовых мигрантов"],
  "unaccompanied-separated-children": [
    "несопровождаемые дети",
    "разлучённые дети",
    "несовершеннолетние без сопровождения",
    "несопровождаемые несовершеннолетние",
  ],
  "victims-of-trafficking": ["жертвы торговли людьми"],
  "migrants-in-vulnerable-situations": ["мигранты в уязвимом положении"],
  "migrants-irregular": ["мигранты с неурегулированным статусом"],
  "refugees-asylum-seekers": ["беженцы", "лица, ищущие убежища", "просители убежища"],
  "stateless-persons": ["лица без гражданства", "апатриды"],
  "foreign-residents": ["иностранные граждане", "иностранцы"],
  "internal-migrants": ["внутренние мигранты", "внутренне перемещённые лица"],
  diaspora: ["диаспора"],
  "migrant-households": ["семьи мигрантов", "домохозяйства мигрантов"],
  "women-migrants": ["женщины-мигранты", "женщины"],
  youth: ["молодёжь", "молодые люди"],
  "host-communities": ["принимающие сообщества"],
  "government-officials": ["государственные служащие", "должностные лица"],
  "border-officials": ["пограничники", "сотрудники пограничной службы"],
  "recruitment-agencies": ["частные агентства занятости"],
  "civil-society": ["гражданское общество", "неправительственные организации"],
  journalists: ["журналисты"],
  children: ["дети", "ребёнок", "несовершеннолетние", "подростки"],
  adults: ["взрослые"],
  "justice-officials": ["прокуроры", "судьи"],
  professionals: ["учителя", "социальные работники", "медицинские работники"],
};

const LABELS: Record<string, string> = {
  children: "children",
  adults: "adults",
  "justice-officials": "prosecutors and judges",
  professionals: "service providers and officials",
};

type Phrase = { key: string; stems: readonly string[] };

// "returnees and their children" names two groups, "returned unaccompanied minors" one
const LISTS_GROUPS = /[,;&+]|\b(?:and|with|et|avec|y|con)\b|(?:^|\s)(?:и|с)(?:\s|$)/iu;

let phrases: readonly Phrase[] | undefined;

function stemsOf(text: string): string[] {
  return analyseText(text).tokens.map((token) =>
    isCyrillic(token.surface)
      ? stemRussian(token.surface.replace(/ё/g, "е"))
      : stripAccents(stemEnglish(token.surface)),
  );
}

function getPhrases(): readonly Phrase[] {
  if (phrases) return phrases;
  const list: Phrase[] = [];
  const add = (key: string, text: string) => {
    const stems = stemsOf(text);
    if (stems.length > 0) list.push({ key, stems });
  };
  for (const group of TARGET_GROUPS) {
    add(group.key, group.label);
    for (const synonym of group.synonyms) add(group.key, synonym);
  }
  for (const names of [EXTRA_SYNONYMS, RUSSIAN_NAMES])
    for (const [key, synonyms] of Object.entries(names))
      for (const synonym of synonyms) add(key, synonym);
  // longest first, so "children of labour migrants" claims its words before "labour migrants"
  list.sort((a, b) => b.stems.length - a.stems.length);
  phrases = list;
  return list;
}

export function targetGroupLabel(key: string): string {
  const group = TARGET_GROUPS.find((candidate) => candidate.key === key);
  return (group?.label ?? LABELS[key] ?? key).toLowerCase();
}

/** Catalogue keys of what users typed as target groups. */
export function classifyTargetGroups(entries: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    const present = new Set(stemsOf(entry));
    const claimed = new Set<string>();
    const found = new Set<string>();
    for (const phrase of getPhrases()) {
      if (!phrase.stems.every((stem) => present.has(stem))) continue;
      if (phrase.stems.every((stem) => claimed.has(stem))) continue;
      found.add(phrase.key);
      for (const stem of phrase.stems) claimed.add(stem);
    }
    // "returned labour migrants" have come back: the return decides who they are now
    if (found.has("returning-migrants") || found.has("returning-children")) {
      found.delete("labour-migrants");
      found.delete("prospective-migrants");
    }
    // who is named a child is a child: "returned unaccompanied minors" are returning children,
    // and children who travel alone are not the ones their parents left at home
    const namesChildren = [...found].some((key) => PROFILES[key]?.age === "child");
    if (namesChildren && !LISTS_GROUPS.test(entry) && found.delete("returning-migrants"))
      found.add("returning-children");
    if (found.has("unaccompanied-separated-children")) found.delete("children-left-behind");
    for (const key of found) keys.add(key);
  }
  return keys;
}

function isCompatible(a: GroupProfile, b: GroupProfile): boolean {
  if (a.age !== "any" && b.age !== "any" && a.age !== b.age) return false;
  if (a.regime !== "any" && b.regime !== "any" && a.regime !== b.regime) return false;
  if (a.direction === "any" || b.direction === "any" || a.direction === b.direction) return true;
  const pair = new Set([a.direction, b.direction]);
  return pair.has("home") && (pair.has("out") || pair.has("return"));
}

function beneficiaries(keys: ReadonlySet<string>): string[] {
  return [...keys].filter((key) => PROFILES[key]?.role === "beneficiary");
}

function intermediaries(keys: ReadonlySet<string>): string[] {
  return [...keys].filter((key) => PROFILES[key]?.role === "intermediary");
}

/** Keys of groups protected by refugee or statelessness law rather than general migration law. */
export function isProtectionGroup(key: string): boolean {
  return PROFILES[key]?.regime === "protection";
}

export function isBeneficiaryGroup(key: string): boolean {
  return PROFILES[key]?.role === "beneficiary";
}

export function isAgeGroup(key: string): boolean {
  return key === "children" || key === "adults" || key === "youth";
}

export type TargetGroupRelation =
  | { kind: "shared"; groups: string[] }
  | { kind: "conflict"; a: string[]; b: string[] }
  /** One serves people directly, the other only trains or equips those who serve them. */
  | { kind: "audience"; a: string[]; b: string[] }
  | { kind: "unknown" };

export function relateTargetGroups(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
): TargetGroupRelation {
  const shared = [...a].filter((key) => b.has(key));
  if (shared.length > 0) return { kind: "shared", groups: shared };
  const aGroups = beneficiaries(a);
  const bGroups = beneficiaries(b);
  const aServers = intermediaries(a);
  const bServers = intermediaries(b);
  if (aGroups.length === 0 && aServers.length > 0 && bGroups.length > 0 && bServers.length === 0)
    return { kind: "audience", a: aServers, b: bGroups };
  if (bGroups.length === 0 && bServers.length > 0 && aGroups.length > 0 && aServers.length === 0)
    return { kind: "audience", a: aGroups, b: bServers };
  if (aGroups.length === 0 || bGroups.length === 0) return { kind: "unknown" };
  const anyCompatible = aGroups.some((keyA) =>
    bGroups.some((keyB) => {
      const profileA = PROFILES[keyA];
      const profileB = PROFILES[keyB];
      return profileA !== undefined && profileB !== undefined && isCompatible(profileA, profileB);
    }),
  );
  return anyCompatible ? { kind: "unknown" } : { kind: "conflict", a: aGroups, b: bGroups };
}
