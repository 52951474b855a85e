import { describe, expect, it } from "vitest";
import { formatRelative, gcmObjective, userAgentParts } from "./format";

const now = Date.parse("2025-03-15T12:00:00Z");

describe("formatRelative", () => {
  it("says now for the last minute", () => {
    expect(formatRelative("2025-03-15T11:59:30Z", now)).toBe("now");
  });

  it("counts minutes, hours and days in the past", () => {
    expect(formatRelative("2025-03-15T11:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative("2025-03-15T09:00:00Z", now)).toBe("3 hours ago");
    expect(formatRelative("2025-03-14T10:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2025-03-10T12:00:00Z", now)).toBe("5 days ago");
  });

  it("speaks of the future for expiry dates", () => {
    expect(formatRelative("2025-03-22T12:00:00Z", now)).toBe("in 7 days");
  });

  it("shows the date itself for anything older than a month", () => {
    expect(formatRelative("2024-11-02T08:00:00Z", now)).toBe("2 Nov 2024");
  });

  it("shows a dash for a missing date rather than 'Invalid Date'", () => {
    expect(formatRelative("", now)).toBe("—");
  });
});

describe("catalogue labels", () => {
  it("names GCM objectives by their short title", () => {
    expect(gcmObjective(3).short).toBe("Information");
    expect(gcmObjective(99).short).toBe("Objective 99");
  });
});

describe("userAgentParts", () => {
  it("names browser and system of a session", () => {
    const chrome =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
    const firefox =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    const safari =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
    expect(userAgentParts(chrome)).toEqual({ browser: "Chrome", system: "Linux" });
    expect(userAgentParts(firefox)).toEqual({ browser: "Firefox", system: "Windows" });
    expect(userAgentParts(safari)).toEqual({ browser: "Safari", system: "iOS" });
    expect(userAgentParts("")).toBeNull();
  });
});

describe("formatRelative in the reader's language", () => {
  it("writes French, Russian and Arabic as those readers do", () => {
    expect(formatRelative("2025-03-15T09:00:00Z", now, "fr")).toBe("il y a 3 heures");
    expect(formatRelative("2025-03-10T12:00:00Z", now, "ru")).toBe("5 дней назад");
    expect(formatRelative("2024-11-02T08:00:00Z", now, "ar")).toBe("2 نوفمبر 2024");
  });
});
