export type GcmObjective = {
  number: number;
  title: string;
  short: string;
  paragraph: number;
};

export type GcmPrinciple = {
  key: string;
  title: string;
  paragraph: string;
  summary: string;
};

export type OrganisationType = {
  key: string;
  label: string;
  group: string;
  description: string;
};

export type TargetGroup = {
  key: string;
  label: string;
  synonyms: string[];
  note?: string;
};

export type SdgGoal = {
  number: number;
  title: string;
  statement: string;
};

export type SdgTarget = {
  target: string;
  goal: number;
  text: string;
  note?: string;
};

export type Currency = {
  /** ISO 4217 alphabetic code. */
  code: string;
  name: string;
};
