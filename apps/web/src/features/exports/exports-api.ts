import {
  type CoverageView,
  coverageSchema,
  errorBodySchema,
  type GcmReportView,
  gcmReportSchema,
  type IatiCheck,
  type IatiSettingsRequest,
  type IatiSettingsView,
  iatiCheckSchema,
  iatiSettingsViewSchema,
  type VersionView,
  versionViewSchema,
} from "@junction/domain";
import { z } from "zod";
import { ApiError } from "../../api/errors";

const id = encodeURIComponent;

/** The error a failed response carries, as the rest of the app shows it. */
export async function responseError(response: Response): Promise<ApiError> {
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) {
    return new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
  }
  return new ApiError(
    response.status,
    `http_${response.status}`,
    `The request failed (HTTP ${response.status}).`,
  );
}

async function send<T>(
  path: string,
  schema: z.ZodType<T>,
  init: { method?: "GET" | "PUT"; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers:
      init.body === undefined
        ? { Accept: "application/json" }
        : { Accept: "application/json", "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw await responseError(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "bad_response",
      "The server sent an answer this page cannot read. Reload the page.",
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

export type CoverageQuery = { workplan: string; place: string; status: string };

function query(params: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== ""));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const exportsApi = {
  coverage: (networkId: string, filters: CoverageQuery): Promise<CoverageView> =>
    send(`/api/networks/${id(networkId)}/coverage${query(filters)}`, coverageSchema),
  report: (networkId: string): Promise<GcmReportView> =>
    send(`/api/networks/${id(networkId)}/report?format=json`, gcmReportSchema),
  versions: (workplanId: string): Promise<VersionView[]> =>
    send(`/api/workplans/${id(workplanId)}/versions`, z.array(versionViewSchema)),
  iatiSettings: (networkId: string): Promise<IatiSettingsView> =>
    send(`/api/networks/${id(networkId)}/iati-settings`, iatiSettingsViewSchema),
  saveIatiSettings: (networkId: string, body: IatiSettingsRequest): Promise<IatiSettingsView> =>
    send(`/api/networks/${id(networkId)}/iati-settings`, iatiSettingsViewSchema, {
      method: "PUT",
      body,
    }),
  workplanIatiCheck: (workplanId: string, versionId: string | null): Promise<IatiCheck> =>
    send(
      `/api/workplans/${id(workplanId)}/export/iati-check${query({ version: versionId ?? "" })}`,
      iatiCheckSchema,
    ),
  networkIatiCheck: (networkId: string): Promise<IatiCheck> =>
    send(`/api/networks/${id(networkId)}/export/iati-check`, iatiCheckSchema),
};

export function workplanExportUrl(workplanId: string, format: string, versionId: string | null) {
  return `/api/workplans/${id(workplanId)}/export${query({ format, version: versionId ?? "" })}`;
}

export function networkExportUrl(networkId: string, format: string) {
  return `/api/networks/${id(networkId)}/export${query({ format })}`;
}

export function reportDocxUrl(networkId: string) {
  return `/api/networks/${id(networkId)}/report?format=docx`;
}
