// Copied from the shared domain catalogues; see packages/domain/README.md for the sources.
import type { GcmObjective } from "../catalogue-types";

export const GCM_OBJECTIVES: readonly GcmObjective[] = [
  {
    "number": 1,
    "title": "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
    "short": "Data and evidence",
    "paragraph": 17
  },
  {
    "number": 2,
    "title": "Minimize the adverse drivers and structural factors that compel people to leave their country of origin",
    "short": "Adverse drivers",
    "paragraph": 18
  },
  {
    "number": 3,
    "title": "Provide accurate and timely information at all stages of migration",
    "short": "Information",
    "paragraph": 19
  },
  {
    "number": 4,
    "title": "Ensure that all migrants have proof of legal identity and adequate documentation",
    "short": "Legal identity and documents",
    "paragraph": 20
  },
  {
    "number": 5,
    "title": "Enhance availability and flexibility of pathways for regular migration",
    "short": "Regular pathways",
    "paragraph": 21
  },
  {
    "number": 6,
    "title": "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
    "short": "Fair recruitment and decent work",
    "paragraph": 22
  },
  {
    "number": 7,
    "title": "Address and reduce vulnerabilities in migration",
    "short": "Vulnerabilities",
    "paragraph": 23
  },
  {
    "number": 8,
    "title": "Save lives and establish coordinated international efforts on missing migrants",
    "short": "Saving lives, missing migrants",
    "paragraph": 24
  },
  {
    "number": 9,
    "title": "Strengthen the transnational response to smuggling of migrants",
    "short": "Smuggling of migrants",
    "paragraph": 25
  },
  {
    "number": 10,
    "title": "Prevent, combat and eradicate trafficking in persons in the context of international migration",
    "short": "Trafficking in persons",
    "paragraph": 26
  },
  {
    "number": 11,
    "title": "Manage borders in an integrated, secure and coordinated manner",
    "short": "Border management",
    "paragraph": 27
  },
  {
    "number": 12,
    "title": "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral",
    "short": "Screening and referral",
    "paragraph": 28
  },
  {
    "number": 13,
    "title": "Use migration detention only as a measure of last resort and work towards alternatives",
    "short": "Alternatives to detention",
    "paragraph": 29
  },
  {
    "number": 14,
    "title": "Enhance consular protection, assistance and cooperation throughout the migration cycle",
    "short": "Consular protection",
    "paragraph": 30
  },
  {
    "number": 15,
    "title": "Provide access to basic services for migrants",
    "short": "Basic services",
    "paragraph": 31
  },
  {
    "number": 16,
    "title": "Empower migrants and societies to realize full inclusion and social cohesion",
    "short": "Inclusion and social cohesion",
    "paragraph": 32
  },
  {
    "number": 17,
    "title": "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration",
    "short": "Non-discrimination and public discourse",
    "paragraph": 33
  },
  {
    "number": 18,
    "title": "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
    "short": "Skills and recognition",
    "paragraph": 34
  },
  {
    "number": 19,
    "title": "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries",
    "short": "Diaspora and development",
    "paragraph": 35
  },
  {
    "number": 20,
    "title": "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants",
    "short": "Remittances and financial inclusion",
    "paragraph": 36
  },
  {
    "number": 21,
    "title": "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
    "short": "Return and reintegration",
    "paragraph": 37
  },
  {
    "number": 22,
    "title": "Establish mechanisms for the portability of social security entitlements and earned benefits",
    "short": "Social security portability",
    "paragraph": 38
  },
  {
    "number": 23,
    "title": "Strengthen international cooperation and global partnerships for safe, orderly and regular migration",
    "short": "International cooperation",
    "paragraph": 39
  }
];
