import {
  coverageSchema,
  errorBodySchema,
  gcmReportSchema,
  iatiCheckSchema,
  iatiSettingsViewSchema,
} from "@junction/domain";
import { NARRATIVE_FIELD } from "@junction/domain/doc";
import { docxParagraphs, unzipText, validateIati } from "@junction/exports/testing";
import { createWorkplan, insertVersion, listAudit, updateWorkplan } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { activity, storeDocument, storeEdit } from "../test/documents";
import {
  createHarness,
  createTestNetwork,
  type Harness,
  ORIGIN,
  type TestNetwork,
} from "../test/harness";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

const IATI_SETTINGS = {
  prefix: "XM-DAC-47066",
  reportingOrgType: "40",
  language: "en",
  sector: "15190",
};

/** A network whose main workplan holds two activities, one of them with no lead. */
function setUp(): { h: Harness; n: TestNetwork } {
  const h = createHarness();
  harness = h;
  const n = createTestNetwork(h);
  storeDocument(h, { id: n.workplanId, networkId: n.networkId }, [
    { kind: "heading", level: 2, text: "Context of the plan" },
    { kind: "paragraph", text: "Returnees need work and care." },
    {
      kind: "activity",
      activity: activity("X1", n.orgA, {
        title: "Train border police on victim identification",
        description: "Three trainings a year.",
        partners: [n.orgB],
        gcmObjectives: [10, 11],
        locations: ["Batumi"],
        start: "2026-01",
        end: "2026-06",
        status: "ongoing",
        budget: { amount: 12000, currency: "USD", secured: true, source: "AA" },
        indicators: [
          { name: "Officers trained", baseline: "0", target: "120", meansOfVerification: "Lists" },
        ],
      }),
    },
    {
      kind: "activity",
      activity: activity("X2", null, {
        title: "Map reintegration services",
        description: "A directory.",
        gcmObjectives: [21],
        start: "2026-03",
        end: "2026-09",
      }),
    },
  ]);
  return { h, n };
}

function get(h: Harness, path: string, cookie: string) {
  return h.request(path, { headers: { cookie } });
}

async function setIati(h: Harness, n: TestNetwork) {
  const response = await h.request(`/api/networks/${n.networkId}/iati-settings`, {
    method: "PUT",
    headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
    json: IATI_SETTINGS,
  });
  expect(response.status).toBe(200);
}

async function errorOf(response: Response): Promise<string> {
  return errorBodySchema.parse(await response.json()).error.message;
}

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

describe("workplan exports", () => {
  it("gives a viewer the workplan as Word with its title page, narrative and activities, and audits it", async () => {
    const { h, n } = setUp();
    const response = await get(
      h,
      `/api/workplans/${n.workplanId}/export?format=docx`,
      n.cookies.viewer,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="joint-workplan-2026-01-15\.docx"/,
    );
    const text = docxParagraphs(await bytesOf(response)).join("\n");
    expect(text).toContain("Test network");
    expect(text).toContain("Joint workplan");
    expect(text).toContain("Context of the plan");
    expect(text).toContain("Train border police on victim identification");
    expect(text).toContain("Map reintegration services");
    expect(text).toContain("Agency A");

    const [entry] = listAudit(h.db).filter((e) => e.action === "export.workplan");
    expect(entry).toMatchObject({
      actorId: n.users.viewer.id,
      networkId: n.networkId,
      subject: n.workplanId,
      detail: { format: "docx", versionId: null, activities: 2 },
    });
  });

  it("exports a table whose cell claims a billion columns, and the server carries on", async () => {
    const { h, n } = setUp();
    storeEdit(h, { id: n.workplanId }, (ydoc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Wide cell")]);
      const cell = new Y.XmlElement("tableCell");
      cell.setAttribute("colspan", 1_000_000_000 as unknown as string);
      cell.insert(0, [paragraph]);
      const row = new Y.XmlElement("tableRow");
      row.insert(0, [cell]);
      const table = new Y.XmlElement("table");
      table.insert(0, [row]);
      ydoc.getXmlFragment(NARRATIVE_FIELD).insert(0, [table]);
    });
    const path = `/api/workplans/${n.workplanId}/export?format=docx`;

    const response = await get(h, path, n.cookies.viewer);
    expect(response.status).toBe(200);
    expect(docxParagraphs(await bytesOf(response))).toContain("Wide cell");
    expect((await get(h, path, n.cookies.viewer)).status).toBe(200);
  });

  it("exports a saved version as it was, not the live text, and names the version", async () => {
    const { h, n } = setUp();
    const version = insertVersion(
      h.db,
      {
        workplanId: n.workplanId,
        name: "Baseline",
        kind: "named",
        stage: "draft",
        createdBy: n.users.coordinator.id,
        state: h.deps.live.readState(n.workplanId),
      },
      h.deps.now(),
    );
    storeDocument(h, { id: n.workplanId, networkId: n.networkId }, [
      { kind: "activity", activity: activity("X3", n.orgB, { title: "Added after the baseline" }) },
    ]);
    const live = await (
      await get(h, `/api/workplans/${n.workplanId}/export?format=md`, n.cookies.commenter)
    ).text();
    const saved = await get(
      h,
      `/api/workplans/${n.workplanId}/export?format=md&version=${version.id}`,
      n.cookies.commenter,
    );
    expect(saved.status).toBe(200);
    expect(saved.headers.get("content-disposition")).toContain("joint-workplan-baseline-");
    const savedText = await saved.text();
    expect(live).toContain("Added after the baseline");
    expect(savedText).not.toContain("Added after the baseline");
    expect(savedText).toContain("Train border police on victim identification");
    expect(savedText).toContain("Baseline");
    const audited = listAudit(h.db).filter((e) => e.action === "export.workplan");
    expect(audited.map((e) => e.detail.versionId)).toEqual([version.id, null]);
  });

  it("writes a 4W spreadsheet with a header and one row per activity", async () => {
    const { h, n } = setUp();
    const csv = await get(h, `/api/workplans/${n.workplanId}/export?format=csv`, n.cookies.viewer);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const header = lines[0]?.split(",") ?? [];
    for (const column of [
      "id",
      "title",
      "lead",
      "partners",
      "locations",
      "start",
      "end",
      "gcmObjectives",
      "status",
      "budget",
    ]) {
      expect(header).toContain(column);
    }
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Train border police on victim identification");
    expect(lines[1]).toContain("AA");

    const xlsx = await get(
      h,
      `/api/workplans/${n.workplanId}/export?format=xlsx`,
      n.cookies.viewer,
    );
    const sheet = unzipText(await bytesOf(xlsx))["xl/worksheets/sheet1.xml"] ?? "";
    expect(sheet).toContain("Train border police on victim identification");
    expect(sheet).toContain("Map reintegration services");
    expect(sheet).toContain('<pane ySplit="1"');
  });

  it("refuses IATI until the network has settings, then writes a valid file that says what it left out", async () => {
    const { h, n } = setUp();
    const refused = await get(
      h,
      `/api/workplans/${n.workplanId}/export?format=iati`,
      n.cookies.viewer,
    );
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatch(/IATI settings/);

    await setIati(h, n);
    const response = await get(
      h,
      `/api/workplans/${n.workplanId}/export?format=iati`,
      n.cookies.viewer,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(response.headers.get("x-junction-iati-exported")).toBe("1");
    expect(response.headers.get("x-junction-iati-skipped")).toBe("1");
    const xml = await response.text();
    expect(await validateIati(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain("<iati-identifier>XM-DAC-47066-X1</iati-identifier>");
    expect(xml).toContain('<activity-status code="2"/>');
    expect(xml).toMatch(/left out 1 activity[\s\S]*X2 "Map reintegration services"/);

    const check = await get(
      h,
      `/api/workplans/${n.workplanId}/export/iati-check`,
      n.cookies.viewer,
    );
    const body = iatiCheckSchema.parse(await check.json());
    expect(body.exported).toBe(1);
    expect(body.skipped).toEqual([
      expect.objectContaining({ activityId: "X2", reasons: [expect.stringMatching(/lead/i)] }),
    ]);
  });

  it("answers unknown formats, versions and workplans with a clear 4xx", async () => {
    const { h, n } = setUp();
    const other = createWorkplan(h.db, { networkId: n.networkId, title: "Other", createdBy: null });
    const otherVersion = insertVersion(
      h.db,
      {
        workplanId: other.id,
        name: "V",
        kind: "named",
        stage: "draft",
        createdBy: null,
        state: h.deps.live.readState(other.id),
      },
      h.deps.now(),
    );
    const cases: [string, number, RegExp][] = [
      [
        `/api/workplans/${n.workplanId}/export?format=pdf`,
        400,
        /Unknown format "pdf".*docx, xlsx, csv, md, iati/,
      ],
      [`/api/workplans/${n.workplanId}/export`, 400, /format/],
      [
        `/api/workplans/${n.workplanId}/export?format=docx&version=nope`,
        404,
        /Version nope not found/,
      ],
      [
        `/api/workplans/${n.workplanId}/export?format=docx&version=${otherVersion.id}`,
        400,
        /belongs to workplan "Other"/,
      ],
      [`/api/workplans/nope/export?format=docx`, 404, /Workplan nope not found/],
      [`/api/networks/${n.networkId}/export?format=docx`, 400, /is for one workplan/],
      [`/api/networks/${n.networkId}/coverage?status=finished`, 400, /Unknown status "finished"/],
      [
        `/api/networks/${n.networkId}/coverage?workplan=nope`,
        400,
        /not a workplan of this network/,
      ],
      [`/api/networks/${n.networkId}/report?format=pdf`, 400, /json, docx/],
    ];
    for (const [path, status, message] of cases) {
      const response = await get(h, path, n.cookies.viewer);
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(await errorOf(response)).toMatch(message);
    }
    expect(listAudit(h.db).filter((e) => e.action.startsWith("export."))).toEqual([]);
  });
});

describe("network exports, coverage and the GCM report", () => {
  it("exports every current workplan of the network, leaving archived ones out", async () => {
    const { h, n } = setUp();
    const second = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "Second",
      createdBy: null,
    });
    storeDocument(h, second, [
      {
        kind: "activity",
        activity: activity("S1", n.orgB, { title: "Run a hotline on safe migration" }),
      },
    ]);
    const archived = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "Old",
      createdBy: null,
    });
    storeDocument(h, archived, [
      {
        kind: "activity",
        activity: activity("O1", n.orgB, { title: "Something from the old plan" }),
      },
    ]);
    updateWorkplan(h.db, archived.id, { archived: true }, h.deps.now());
    const response = await get(
      h,
      `/api/networks/${n.networkId}/export?format=csv`,
      n.cookies.viewer,
    );
    expect(response.headers.get("content-disposition")).toContain('filename="test-network-');
    const text = await response.text();
    expect(text).toContain("Train border police on victim identification");
    expect(text).toContain("Run a hotline on safe migration");
    expect(text).not.toContain("Something from the old plan");
    const [entry] = listAudit(h.db).filter((e) => e.action === "export.network");
    expect(entry?.detail).toMatchObject({ format: "csv", activities: 3 });
  });

  it("answers the coverage matrix of all 23 objectives, with gaps and filters", async () => {
    const { h, n } = setUp();
    const response = await get(h, `/api/networks/${n.networkId}/coverage`, n.cookies.viewer);
    expect(response.status).toBe(200);
    const coverage = coverageSchema.parse(await response.json());
    expect(coverage.objectives.map((o) => o.objective)).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
    const tenth = coverage.objectives[9]!;
    expect(tenth.organisations).toEqual([
      expect.objectContaining({ organisation: n.orgA, activities: ["X1"] }),
      expect.objectContaining({ organisation: n.orgB, activities: ["X1"] }),
    ]);
    expect(coverage.objectives[0]!.organisations).toEqual([]);
    expect(coverage.gaps).toContain(1);
    expect(coverage.places).toEqual(["Batumi"]);

    const planned = coverageSchema.parse(
      await (
        await get(
          h,
          `/api/networks/${n.networkId}/coverage?status=planned&place=batumi`,
          n.cookies.viewer,
        )
      ).json(),
    );
    expect(planned.objectives[9]!.organisations).toEqual([]);
  });

  it("reports per objective the activities by status, indicators and budget, as JSON and Word", async () => {
    const { h, n } = setUp();
    const json = gcmReportSchema.parse(
      await (await get(h, `/api/networks/${n.networkId}/report`, n.cookies.viewer)).json(),
    );
    const tenth = json.objectives[9]!;
    expect(tenth.activities.ongoing.map((a) => a.title)).toEqual([
      "Train border police on victim identification",
    ]);
    expect(tenth.indicators).toEqual([
      expect.objectContaining({ name: "Officers trained", baseline: "0", target: "120" }),
    ]);
    expect(tenth.budget).toEqual([
      { currency: "USD", required: 12000, secured: 12000, gap: 0, activities: 1 },
    ]);
    expect(listAudit(h.db).filter((e) => e.action === "export.report")).toEqual([]);

    const docx = await get(h, `/api/networks/${n.networkId}/report?format=docx`, n.cookies.viewer);
    expect(docx.headers.get("content-disposition")).toContain("test-network-gcm-report-");
    const text = docxParagraphs(await bytesOf(docx)).join("\n");
    expect(text).toContain("Train border police on victim identification");
    expect(text).toContain("Officers trained");
    expect(listAudit(h.db).filter((e) => e.action === "export.report")).toHaveLength(1);
  });
});

describe("IATI settings", () => {
  it("are checked field by field and kept for the network's exports", async () => {
    const { h, n } = setUp();
    const path = `/api/networks/${n.networkId}/iati-settings`;
    const before = iatiSettingsViewSchema.parse(
      await (await get(h, path, n.cookies.viewer)).json(),
    );
    expect(before).toMatchObject({
      settings: null,
      canChange: false,
      defaultReportingOrgName: "Test network",
    });
    const bad = await h.request(path, {
      method: "PUT",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { ...IATI_SETTINGS, prefix: "XM DAC/47066", language: "xx" },
    });
    expect(bad.status).toBe(400);
    const message = await errorOf(bad);
    expect(message).toMatch(/prefix: The IATI identifier prefix/);
    expect(message).toMatch(/language:/);
    await setIati(h, n);
    const after = iatiSettingsViewSchema.parse(
      await (await get(h, path, n.cookies.coordinator)).json(),
    );
    expect(after).toMatchObject({
      settings: { prefix: "XM-DAC-47066", sector: "15190" },
      canChange: true,
    });
    expect(listAudit(h.db).filter((e) => e.action === "network.iati-settings")).toHaveLength(1);
  });
});
