import { formatLocale, formatNumber } from "../../i18n/format";
import { responseError } from "./exports-api";

/** The file name a `Content-Disposition: attachment` header gives, RFC 6266 `filename*` first. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: the plain name below still serves
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

export type DownloadProgress =
  | { phase: "preparing" }
  | { phase: "downloading"; fileName: string; received: number; total: number | null };

export type DownloadedFile = {
  fileName: string;
  bytes: number;
  /** For IATI files: activities written and left out. */
  iati: { exported: number; skipped: number } | null;
};

function count(header: string | null): number | null {
  if (header === null) return null;
  const value = Number(header);
  return Number.isFinite(value) ? value : null;
}

/**
 * Fetches an export, reporting progress while the server prepares it and while it arrives, then
 * hands it to the browser as a download under the name the server gave it.
 */
export async function downloadExport(
  url: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  onProgress({ phase: "preparing" });
  const response = await fetch(url, { credentials: "same-origin", signal });
  if (!response.ok) throw await responseError(response);
  const fileName = fileNameFromDisposition(response.headers.get("content-disposition"), "export");
  const total = count(response.headers.get("content-length"));
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ phase: "downloading", fileName, received, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ phase: "downloading", fileName, received, total });
    }
  }
  const type = response.headers.get("content-type") ?? "application/octet-stream";
  const blob = new Blob(chunks as BlobPart[], { type });
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file once the click ran; keep the URL a moment for slow ones
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  const exported = count(response.headers.get("x-junction-iati-exported"));
  const skipped = count(response.headers.get("x-junction-iati-skipped"));
  return {
    fileName,
    bytes: received,
    iati: exported === null ? null : { exported, skipped: skipped ?? 0 },
  };
}

/** A file size as the reader's language writes it: "900 byte", "25 kB", "5,1 Mo". */
export function formatBytes(bytes: number, locale = formatLocale()): string {
  if (bytes < 1024) return formatNumber(bytes, locale, { style: "unit", unit: "byte" });
  if (bytes < 1024 * 1024) {
    return formatNumber(Math.round(bytes / 1024), locale, { style: "unit", unit: "kilobyte" });
  }
  return formatNumber(bytes / (1024 * 1024), locale, {
    style: "unit",
    unit: "megabyte",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
