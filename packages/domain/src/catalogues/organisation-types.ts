// Copied from the shared domain catalogues; see packages/domain/README.md for the sources.
import type { OrganisationType } from "../catalogue-types";

export const ORGANISATION_TYPES: readonly OrganisationType[] = [
  {
    "key": "un-agency",
    "label": "UN agency",
    "group": "united-nations",
    "description": "A United Nations agency, fund or programme, or IOM as the UN migration agency."
  },
  {
    "key": "un-coordination-office",
    "label": "UN coordination office",
    "group": "united-nations",
    "description": "The Resident Coordinator's Office or another office that coordinates the UN country team."
  },
  {
    "key": "government-commission",
    "label": "Government commission",
    "group": "state",
    "description": "An inter-ministerial body that plans and coordinates migration policy, with its secretariat."
  },
  {
    "key": "ministry",
    "label": "Ministry",
    "group": "state",
    "description": "A line ministry of the national government, including its departments and services."
  },
  {
    "key": "government-agency",
    "label": "Government agency",
    "group": "state",
    "description": "A public agency outside the ministries' core structure, such as the statistics office or an employment agency."
  },
  {
    "key": "nhri",
    "label": "National human rights institution / ombudsman",
    "group": "state",
    "description": "An independent state institution that monitors human rights, such as a public defender or ombudsman."
  },
  {
    "key": "parliament",
    "label": "Parliament",
    "group": "state",
    "description": "The national legislature or one of its committees."
  },
  {
    "key": "municipality",
    "label": "Municipality",
    "group": "state",
    "description": "A city hall, local self-government body or regional administration."
  },
  {
    "key": "intergovernmental-organisation",
    "label": "Intergovernmental organisation",
    "group": "international",
    "description": "An international organisation outside the UN system, such as ICMPD, OSCE or the Council of Europe."
  },
  {
    "key": "civil-society-organisation",
    "label": "Civil society organisation",
    "group": "society",
    "description": "A non-governmental organisation, legal aid provider, faith-based or community group."
  },
  {
    "key": "migrant-association",
    "label": "Migrant or diaspora association",
    "group": "society",
    "description": "An association run by migrants, returnees or members of the diaspora."
  },
  {
    "key": "academia",
    "label": "Academia",
    "group": "society",
    "description": "A university, research centre or think tank."
  },
  {
    "key": "private-sector",
    "label": "Private sector",
    "group": "society",
    "description": "A company, employers' organisation, recruitment agency or chamber of commerce."
  },
  {
    "key": "trade-union",
    "label": "Trade union",
    "group": "society",
    "description": "A trade union or workers' confederation."
  },
  {
    "key": "media",
    "label": "Media",
    "group": "society",
    "description": "A media outlet or journalists' association."
  },
  {
    "key": "donor",
    "label": "Donor",
    "group": "funding",
    "description": "A bilateral donor, development agency, pooled fund or international financial institution."
  },
  {
    "key": "other",
    "label": "Other",
    "group": "other",
    "description": "Any organisation that fits none of the other types."
  }
];
