// Copied from the shared domain catalogues; see packages/domain/README.md for the sources.
import type { SdgGoal } from "../catalogue-types";

export const SDG_GOALS: readonly SdgGoal[] = [
  {
    "number": 1,
    "title": "No poverty",
    "statement": "End poverty in all its forms everywhere"
  },
  {
    "number": 2,
    "title": "Zero hunger",
    "statement": "End hunger, achieve food security and improved nutrition and promote sustainable agriculture"
  },
  {
    "number": 3,
    "title": "Good health and well-being",
    "statement": "Ensure healthy lives and promote well-being for all at all ages"
  },
  {
    "number": 4,
    "title": "Quality education",
    "statement": "Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all"
  },
  {
    "number": 5,
    "title": "Gender equality",
    "statement": "Achieve gender equality and empower all women and girls"
  },
  {
    "number": 6,
    "title": "Clean water and sanitation",
    "statement": "Ensure availability and sustainable management of water and sanitation for all"
  },
  {
    "number": 7,
    "title": "Affordable and clean energy",
    "statement": "Ensure access to affordable, reliable, sustainable and modern energy for all"
  },
  {
    "number": 8,
    "title": "Decent work and economic growth",
    "statement": "Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all"
  },
  {
    "number": 9,
    "title": "Industry, innovation and infrastructure",
    "statement": "Build resilient infrastructure, promote inclusive and sustainable industrialization and foster innovation"
  },
  {
    "number": 10,
    "title": "Reduced inequalities",
    "statement": "Reduce inequality within and among countries"
  },
  {
    "number": 11,
    "title": "Sustainable cities and communities",
    "statement": "Make cities and human settlements inclusive, safe, resilient and sustainable"
  },
  {
    "number": 12,
    "title": "Responsible consumption and production",
    "statement": "Ensure sustainable consumption and production patterns"
  },
  {
    "number": 13,
    "title": "Climate action",
    "statement": "Take urgent action to combat climate change and its impacts"
  },
  {
    "number": 14,
    "title": "Life below water",
    "statement": "Conserve and sustainably use the oceans, seas and marine resources for sustainable development"
  },
  {
    "number": 15,
    "title": "Life on land",
    "statement": "Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably manage forests, combat desertification, and halt and reverse land degradation and halt biodiversity loss"
  },
  {
    "number": 16,
    "title": "Peace, justice and strong institutions",
    "statement": "Promote peaceful and inclusive societies for sustainable development, provide access to justice for all and build effective, accountable and inclusive institutions at all levels"
  },
  {
    "number": 17,
    "title": "Partnerships for the goals",
    "statement": "Strengthen the means of implementation and revitalize the Global Partnership for Sustainable Development"
  }
];
