import { describe, expect, it } from "vitest";
import { fileNameFromDisposition, formatBytes } from "./download";

describe("the downloaded file's name", () => {
  it("takes the exact UTF-8 name when the server sends one", () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="plan-tbilisi_.docx"; filename*=UTF-8''plan-%E1%83%97%E1%83%91%E1%83%98.docx`,
        "export",
      ),
    ).toBe("plan-თბი.docx");
  });

  it("falls back to the plain name, then to a default", () => {
    expect(fileNameFromDisposition('attachment; filename="joint-plan.xlsx"', "export")).toBe(
      "joint-plan.xlsx",
    );
    expect(fileNameFromDisposition(null, "export")).toBe("export");
    expect(
      fileNameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A; filename="a.csv"`, "x"),
    ).toBe("a.csv");
  });

  it("says sizes the way people read them", () => {
    expect(formatBytes(900, "en")).toBe("900 byte");
    expect(formatBytes(25_600, "en")).toBe("25 kB");
    expect(formatBytes(5_400_000, "en")).toBe("5.1 MB");
    expect(formatBytes(5_400_000, "fr")).toBe("5,1\u202fMo");
  });
});
