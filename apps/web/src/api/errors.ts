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

/** The sentence to show a person for any failure: the server's message when it sent one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return formatRetryMessage(error.retryAfterSeconds);
    return error.message;
  }
  if (error instanceof TypeError) return NETWORK_ERROR_MESSAGE;
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}
