import type { Translate } from "../i18n";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { retryAfterSeconds?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

export const NETWORK_ERROR_MESSAGE =
  "Could not reach the Junction server. Check your connection and try again.";

/** Retry-After is either delta-seconds or an HTTP date; answers seconds from now, or null. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.round((at - now) / 1000));
}

export function formatRetryMessage(seconds: number | null): string {
  if (seconds === null) return "Too many attempts, try again in a few minutes.";
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * The sentence to show a person for any failure: the server's message when it sent one. With
 * `t` (the common namespace), the sentences this app writes itself are in the reader's language.
 */
export function describeError(error: unknown, t?: Translate<"common">): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      if (!t) return formatRetryMessage(error.retryAfterSeconds);
      const seconds = error.retryAfterSeconds;
      return seconds === null
        ? t("error.tooManyAttemptsLater")
        : t("error.tooManyAttempts", { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    if (t && error.code === "bad_response") return t("error.badResponse");
    if (t && error.code === `http_${error.status}`) return httpFallback(error.status, t);
    return error.message;
  }
  if (error instanceof TypeError) return t ? t("error.unreachable") : NETWORK_ERROR_MESSAGE;
  if (error instanceof Error && error.message) return error.message;
  return t ? t("error.unknown") : "Something went wrong. Please try again.";
}

function httpFallback(status: number, t: Translate<"common">): string {
  if (status === 401) return t("error.sessionEnded");
  if (status === 403) return t("error.forbidden");
  if (status === 404) return t("error.notFound");
  if (status >= 500) return t("error.server");
  return t("error.requestFailed", { status });
}
