import { describe, expect, it } from "vitest";
import { contentDisposition, exportFileName, isExportFormat } from "./files";
import { exportInput, workplan } from "./test/fixtures";

describe("export file names", () => {
  it("names a workplan's file after it, its version and the day", () => {
    const input = exportInput([
      workplan({
        title: "Joint workplan 2024–2025",
        version: { id: "v", name: "Adopted v1.0", createdAt: "" },
      }),
    ]);
    expect(exportFileName(input, "docx")).toBe(
      "joint-workplan-2024-2025-adopted-v1-0-2026-12-03.docx",
    );
    expect(exportFileName(input, "iati")).toBe(
      "joint-workplan-2024-2025-adopted-v1-0-iati-2026-12-03.xml",
    );
    expect(exportFileName(input, "json", "gcm-report")).toBe(
      "un-network-on-migration-georgia-gcm-report-2026-12-03.json",
    );
  });

  it("names a network's file after the network, and keeps other scripts", () => {
    expect(exportFileName(exportInput([workplan(), workplan({ id: "wp-2" })]), "csv")).toBe(
      "un-network-on-migration-georgia-2026-12-03.csv",
    );
    expect(exportFileName(exportInput([workplan({ title: "სამოქმედო გეგმა" })]), "md")).toBe(
      "სამოქმედო-გეგმა-2026-12-03.md",
    );
  });

  it("gives browsers an ASCII name and the exact one", () => {
    expect(contentDisposition("plan-é.docx")).toBe(
      `attachment; filename="plan-e.docx"; filename*=UTF-8''plan-%C3%A9.docx`,
    );
    expect(contentDisposition('a"b.csv')).toBe(
      `attachment; filename="a_b.csv"; filename*=UTF-8''a%22b.csv`,
    );
  });

  it("knows the formats", () => {
    expect(["docx", "xlsx", "csv", "md", "iati"].every(isExportFormat)).toBe(true);
    expect(isExportFormat("pdf")).toBe(false);
  });
});
