import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "./db";
import { findIatiSettings, saveIatiSettings } from "./iati-settings";
import { createNetwork } from "./networks";
import { openTestStore } from "./testing";

let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

describe("a network's IATI settings", () => {
  it("are absent until set, then read back as saved and replaced by the next save", () => {
    db = openTestStore(":memory:");
    const network = createNetwork(db, { name: "N", country: "Georgia", description: "" });
    expect(findIatiSettings(db, network.id)).toBeNull();
    const first = {
      prefix: "XM-DAC-47066",
      reportingOrgType: "40",
      reportingOrgName: null,
      language: "en",
      sector: "15190",
      updatedBy: null,
    };
    saveIatiSettings(db, network.id, first, Date.UTC(2026, 0, 1));
    expect(findIatiSettings(db, network.id)).toEqual({
      ...first,
      updatedAt: "2026-01-01T00:00:00.000Z",
    });
    saveIatiSettings(db, network.id, { ...first, prefix: "GE-COH-123", sector: null }, 5);
    expect(findIatiSettings(db, network.id)).toMatchObject({ prefix: "GE-COH-123", sector: null });
  });
});
