// Copied from the shared domain catalogues; see packages/domain/README.md for the sources.
import type { SdgTarget } from "../catalogue-types";

export const SDG_TARGETS: readonly SdgTarget[] = [
  {
    "target": "1.3",
    "goal": 1,
    "text": "Implement nationally appropriate social protection systems and measures for all, including floors, and by 2030 achieve substantial coverage of the poor and the vulnerable",
    "note": "Used for activities that open social protection to migrants and their families or make benefits follow them."
  },
  {
    "target": "3.8",
    "goal": 3,
    "text": "Achieve universal health coverage, including financial risk protection, access to quality essential health-care services and access to safe, effective, quality and affordable essential medicines and vaccines for all",
    "note": "Used for migrant and returnee health, health insurance and access to care."
  },
  {
    "target": "3.c",
    "goal": 3,
    "text": "Substantially increase health financing and the recruitment, development, training and retention of the health workforce in developing countries, especially in least developed countries and small island developing States",
    "note": "Used for work on the international mobility and ethical recruitment of health workers."
  },
  {
    "target": "4.b",
    "goal": 4,
    "text": "By 2020, substantially expand globally the number of scholarships available to developing countries, in particular least developed countries, small island developing States and African countries, for enrolment in higher education, including vocational training and information and communications technology, technical, engineering and scientific programmes, in developed countries and other developing countries",
    "note": "Used for student mobility and scholarships abroad."
  },
  {
    "target": "5.2",
    "goal": 5,
    "text": "Eliminate all forms of violence against all women and girls in the public and private spheres, including trafficking and sexual and other types of exploitation",
    "note": "Used for gender-based violence and the trafficking of women and girls."
  },
  {
    "target": "8.5",
    "goal": 8,
    "text": "By 2030, achieve full and productive employment and decent work for all women and men, including for young people and persons with disabilities, and equal pay for work of equal value",
    "note": "Used for jobs and livelihoods for returnees, migrants and host communities."
  },
  {
    "target": "8.7",
    "goal": 8,
    "text": "Take immediate and effective measures to eradicate forced labour, end modern slavery and human trafficking and secure the prohibition and elimination of the worst forms of child labour, including recruitment and use of child soldiers, and by 2025 end child labour in all its forms",
    "note": "Used for forced labour, trafficking in persons and child labour."
  },
  {
    "target": "8.8",
    "goal": 8,
    "text": "Protect labour rights and promote safe and secure working environments for all workers, including migrant workers, in particular women migrants, and those in precarious employment",
    "note": "Used for fair recruitment, labour inspection and the rights of migrant workers."
  },
  {
    "target": "10.2",
    "goal": 10,
    "text": "By 2030, empower and promote the social, economic and political inclusion of all, irrespective of age, sex, disability, race, ethnicity, origin, religion or economic or other status",
    "note": "Used for integration and inclusion of migrants and returnees."
  },
  {
    "target": "10.3",
    "goal": 10,
    "text": "Ensure equal opportunity and reduce inequalities of outcome, including by eliminating discriminatory laws, policies and practices and promoting appropriate legislation, policies and action in this regard",
    "note": "Used for anti-discrimination work and for fair public discourse on migration."
  },
  {
    "target": "10.7",
    "goal": 10,
    "text": "Facilitate orderly, safe, regular and responsible migration and mobility of people, including through the implementation of planned and well-managed migration policies",
    "note": "The central migration target of the 2030 Agenda; fits most migration governance activities."
  },
  {
    "target": "10.c",
    "goal": 10,
    "text": "By 2030, reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance corridors with costs higher than 5 per cent",
    "note": "Used for remittance costs and channels."
  },
  {
    "target": "13.1",
    "goal": 13,
    "text": "Strengthen resilience and adaptive capacity to climate-related hazards and natural disasters in all countries",
    "note": "Used for disaster displacement and climate-related mobility."
  },
  {
    "target": "16.2",
    "goal": 16,
    "text": "End abuse, exploitation, trafficking and all forms of violence against and torture of children",
    "note": "Used for child protection, including children on the move and child victims of trafficking."
  },
  {
    "target": "16.3",
    "goal": 16,
    "text": "Promote the rule of law at the national and international levels and ensure equal access to justice for all",
    "note": "Used for legal aid, fair procedures and independent monitoring."
  },
  {
    "target": "16.9",
    "goal": 16,
    "text": "By 2030, provide legal identity for all, including birth registration",
    "note": "Used for documentation, civil registration and statelessness."
  },
  {
    "target": "17.3",
    "goal": 17,
    "text": "Mobilize additional financial resources for developing countries from multiple sources",
    "note": "Used for diaspora investment and other private flows linked to migration."
  },
  {
    "target": "17.18",
    "goal": 17,
    "text": "By 2020, enhance capacity-building support to developing countries, including for least developed countries and small island developing States, to increase significantly the availability of high-quality, timely and reliable data disaggregated by income, gender, age, race, ethnicity, migratory status, disability, geographic location and other characteristics relevant in national contexts",
    "note": "Used for migration statistics and for disaggregating data by migratory status."
  }
];
