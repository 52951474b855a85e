// Copied from the shared domain catalogues; see packages/domain/README.md for the sources.
import type { GcmPrinciple } from "../catalogue-types";

export const GCM_PRINCIPLES: readonly GcmPrinciple[] = [
  {
    "key": "people-centred",
    "title": "People-centred",
    "paragraph": "15(a)",
    "summary": "Puts the well-being of migrants, and of the communities they leave, cross and settle in, at the centre of every measure."
  },
  {
    "key": "international-cooperation",
    "title": "International cooperation",
    "paragraph": "15(b)",
    "summary": "Starts from the fact that no country can govern migration alone, so the Compact relies on bilateral, regional and global cooperation and on joint ownership of its follow-up."
  },
  {
    "key": "national-sovereignty",
    "title": "National sovereignty",
    "paragraph": "15(c)",
    "summary": "Confirms each State's right to set its own migration policy within international law, including how it tells regular from irregular status apart."
  },
  {
    "key": "rule-of-law",
    "title": "Rule of law and due process",
    "paragraph": "15(d)",
    "summary": "Asks that migration be governed through law, with fair procedures and access to justice for everyone concerned."
  },
  {
    "key": "sustainable-development",
    "title": "Sustainable development",
    "paragraph": "15(e)",
    "summary": "Ties migration governance to the 2030 Agenda and treats well-managed migration as a source of development for migrants and for the places they come from, pass through and settle in."
  },
  {
    "key": "human-rights",
    "title": "Human rights",
    "paragraph": "15(f)",
    "summary": "Commits to respecting, protecting and fulfilling the human rights of every migrant, whatever their status, without discrimination."
  },
  {
    "key": "gender-responsive",
    "title": "Gender-responsive",
    "paragraph": "15(g)",
    "summary": "Makes policies take account of how women, men, girls and boys experience migration differently, and treats migrant women as actors in their own right rather than only as victims."
  },
  {
    "key": "child-sensitive",
    "title": "Child-sensitive",
    "paragraph": "15(h)",
    "summary": "Makes the best interests of the child the primary consideration whenever children are affected by migration, including children who travel unaccompanied or separated from their families."
  },
  {
    "key": "whole-of-government",
    "title": "Whole-of-government approach",
    "paragraph": "15(i)",
    "summary": "Calls for coherence across ministries and between national and local levels, because no single policy sector can handle migration on its own."
  },
  {
    "key": "whole-of-society",
    "title": "Whole-of-society approach",
    "paragraph": "15(j)",
    "summary": "Brings migrants and diasporas, civil society, researchers, business, trade unions, parliaments, human rights institutions, the media and local communities into migration governance."
  }
];
