import { describe, expect, it } from "vitest";
import { createOrganisationDirectory, isSameOrganisation } from "./organisations";

describe("organisation names", () => {
  const directory = createOrganisationDirectory();
  const same = (a: string, b: string) =>
    isSameOrganisation(directory.mention(a), directory.mention(b));

  it("reads an acronym, the full name and the French or Spanish forms as one body", () => {
    expect(same("IOM", "International Organization for Migration")).toBe(true);
    expect(same("IOM", "OIM")).toBe(true);
    expect(same("ILO", "BIT")).toBe(true);
    expect(same("International Labour Organization", "OIT")).toBe(true);
    expect(same("UNICEF", "UN Children's Fund")).toBe(true);
    expect(same("UNHCR", "ACNUR")).toBe(true);
    expect(same("UN Women", "ONU Femmes")).toBe(true);
    expect(same("OHCHR", "ACNUDH")).toBe(true);
    expect(same("UNCDF", "Fonds d'équipement des Nations Unies")).toBe(true);
    expect(same("UNCDF", "UNDP")).toBe(false);
  });

  it("reads a country office as its agency", () => {
    expect(same("IOM Kyrgyzstan", "IOM")).toBe(true);
    expect(same("OSCE Programme Office in Bishkek", "OSCE")).toBe(true);
  });

  it("matches an acronym with the initials of a full name it has not seen before", () => {
    expect(same("MoH", "Ministry of Health")).toBe(true);
    expect(same("NSC", "National Statistical Committee")).toBe(true);
  });

  it("keeps different agencies apart", () => {
    expect(same("IOM", "ILO")).toBe(false);
    expect(same("UNDP", "UNHCR")).toBe(false);
    expect(same("Ministry of Health", "Ministry of Labour")).toBe(false);
  });

  it("uses the network's own records for names only it knows", () => {
    const network = createOrganisationDirectory([
      { id: "o1", name: "Association for Safe Journeys", acronym: "Safe Journeys" },
    ]);
    expect(
      isSameOrganisation(
        network.mention("Safe Journeys"),
        network.mention("Association for Safe Journeys"),
      ),
    ).toBe(true);
  });
});
