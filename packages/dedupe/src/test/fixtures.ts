import type { DedupeActivity } from "../types";

let counter = 0;

/** A border-police training activity; override what a test is about. */
export function borderTraining(overrides: Partial<DedupeActivity> = {}): DedupeActivity {
  counter++;
  return {
    id: `T${String(counter).padStart(3, "0")}`,
    title: "Training of border police on identification and referral of trafficking victims",
    description:
      "Workshops for border police officers at the main airport and land crossing points on " +
      "recognising possible victims of trafficking and referring them to assistance, with a " +
      "pocket guide of indicators and standard operating procedures.",
    lead: "IOM",
    partners: ["Border Police", "Ministry of Interior"],
    gcmObjectives: [10, 11],
    locations: ["Riverton airport", "Northgate crossing point"],
    targetGroups: ["border police", "victims of trafficking"],
    start: "2024-01",
    end: "2024-09",
    budget: 60000,
    ...overrides,
  };
}

/** The same work as `borderTraining`, reworded by another organisation. */
export function rewordedBorderTraining(overrides: Partial<DedupeActivity> = {}): DedupeActivity {
  counter++;
  return {
    id: `T${String(counter).padStart(3, "0")}`,
    title: "Capacity building for border guards: detecting human trafficking at crossing points",
    description:
      "Train-the-trainer course for border guards serving at Riverton International Airport " +
      "and the Northgate checkpoint on detecting trafficked persons among travellers and " +
      "referring presumed victims to shelters.",
    lead: "OSCE",
    partners: ["Border Police"],
    gcmObjectives: [10],
    locations: ["Riverton International Airport", "Northgate"],
    targetGroups: ["border guards"],
    start: "2024-03",
    end: "2024-12",
    budget: 50000,
    ...overrides,
  };
}
