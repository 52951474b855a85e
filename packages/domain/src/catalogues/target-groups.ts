// Copied from the shared domain catalogues; see packages/domain/README.md for the sources.
import type { TargetGroup } from "../catalogue-types";

export const TARGET_GROUPS: readonly TargetGroup[] = [
  {
    "key": "prospective-migrants",
    "label": "Prospective migrants",
    "synonyms": [
      "potential migrants",
      "aspiring migrants",
      "people planning to migrate",
      "outgoing migrants"
    ],
    "note": "People considering or preparing departure; the usual audience of information campaigns."
  },
  {
    "key": "labour-migrants",
    "label": "Labour migrants",
    "synonyms": [
      "migrant workers",
      "labor migrants",
      "workers abroad",
      "circular migrants",
      "seasonal workers"
    ],
    "note": "People who move, or have moved, for work, including circular and seasonal schemes."
  },
  {
    "key": "returning-migrants",
    "label": "Returning migrants",
    "synonyms": [
      "returnees",
      "returned migrants",
      "return migrants"
    ],
    "note": "Adults who have come back to their country of origin."
  },
  {
    "key": "returning-children",
    "label": "Returning children",
    "synonyms": [
      "children returning with their families",
      "returnee children"
    ],
    "note": "Children who come back with their parents after living abroad."
  },
  {
    "key": "children-left-behind",
    "label": "Children left behind",
    "synonyms": [
      "children of migrants",
      "children of labour migrants",
      "left-behind children"
    ],
    "note": "Children who stay in the country of origin while one or both parents work abroad."
  },
  {
    "key": "unaccompanied-separated-children",
    "label": "Unaccompanied and separated children",
    "synonyms": [
      "unaccompanied minors",
      "separated children",
      "UASC"
    ],
    "note": "Children on the move without a parent or usual caregiver."
  },
  {
    "key": "victims-of-trafficking",
    "label": "Victims of trafficking",
    "synonyms": [
      "trafficked persons",
      "survivors of trafficking",
      "presumed victims of trafficking"
    ],
    "note": "Includes people at risk of trafficking and child victims."
  },
  {
    "key": "migrants-in-vulnerable-situations",
    "label": "Migrants in vulnerable situations",
    "synonyms": [
      "vulnerable migrants"
    ],
    "note": "A broad group; check which specific needs an activity addresses."
  },
  {
    "key": "migrants-irregular",
    "label": "Migrants in an irregular situation",
    "synonyms": [
      "undocumented migrants",
      "irregular migrants"
    ],
    "note": "Prefer this wording to 'illegal migrants'."
  },
  {
    "key": "refugees-asylum-seekers",
    "label": "Refugees and asylum seekers",
    "synonyms": [
      "asylum seekers",
      "refugees",
      "persons in need of international protection"
    ],
    "note": "Covered by the international refugee protection framework; not interchangeable with other migrant groups."
  },
  {
    "key": "stateless-persons",
    "label": "Stateless persons",
    "synonyms": [
      "persons without nationality"
    ],
    "note": "People not recognised as nationals by any State."
  },
  {
    "key": "foreign-residents",
    "label": "Foreign residents and immigrants",
    "synonyms": [
      "immigrants",
      "foreign nationals",
      "foreigners"
    ],
    "note": "Non-nationals living in the country; the opposite direction from emigrants and the diaspora."
  },
  {
    "key": "internal-migrants",
    "label": "Internal migrants and internally displaced persons",
    "synonyms": [
      "IDPs",
      "internally displaced persons",
      "rural-urban migrants"
    ],
    "note": "People who moved within the country."
  },
  {
    "key": "diaspora",
    "label": "Diaspora",
    "synonyms": [
      "nationals abroad",
      "emigrant communities"
    ],
    "note": "Nationals and people of national origin living abroad."
  },
  {
    "key": "migrant-households",
    "label": "Migrant households and families",
    "synonyms": [
      "families of migrants",
      "remittance-receiving households",
      "households with migrants"
    ],
    "note": "Families at home that have a member abroad or receive remittances."
  },
  {
    "key": "women-migrants",
    "label": "Migrant women",
    "synonyms": [
      "women migrants",
      "women migrant workers"
    ],
    "note": "Use with other groups to mark a gender focus."
  },
  {
    "key": "youth",
    "label": "Young people",
    "synonyms": [
      "youth",
      "students",
      "young professionals"
    ],
    "note": "Includes school pupils when the activity works through schools."
  },
  {
    "key": "host-communities",
    "label": "Host communities",
    "synonyms": [
      "local communities",
      "local residents"
    ],
    "note": "Residents of the places where migrants or returnees live."
  },
  {
    "key": "government-officials",
    "label": "Government officials",
    "synonyms": [
      "public officials",
      "civil servants",
      "policy makers"
    ],
    "note": "Staff of ministries, agencies, commissions and municipalities."
  },
  {
    "key": "border-officials",
    "label": "Border officials",
    "synonyms": [
      "border police",
      "border guards",
      "border officers"
    ],
    "note": "Frontline staff at border crossing points and airports."
  },
  {
    "key": "recruitment-agencies",
    "label": "Recruitment agencies",
    "synonyms": [
      "private employment agencies",
      "PEAs",
      "labour recruiters"
    ],
    "note": "Agencies that place workers in jobs abroad."
  },
  {
    "key": "civil-society",
    "label": "Civil society organisations",
    "synonyms": [
      "CSOs",
      "NGOs"
    ],
    "note": "When civil society is the audience of an activity rather than a partner."
  },
  {
    "key": "journalists",
    "label": "Journalists and media professionals",
    "synonyms": [
      "media",
      "editors",
      "reporters"
    ],
    "note": ""
  }
];
