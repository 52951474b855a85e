import type { Message } from "./i18n/message";
import { formatEnglish } from "./i18n/translator";

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  weak_password: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  wrong_password: 403,
  csrf: 403,
  not_found: 404,
  invitation_invalid: 404,
  reset_link_invalid: 404,
  reset_link_expired: 410,
  reset_link_used: 410,
  conflict: 409,
  last_coordinator: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type services throw for expected failures; the error handler maps it to JSON. */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  /** The message to show in the caller's language; null: `message` as it is (English). */
  readonly localized: Message | null;

  constructor(
    code: ErrorCode,
    message: string | Message,
    options: { cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(typeof message === "string" ? message : formatEnglish(message), {
      cause: options.cause,
    });
    this.code = code;
    this.headers = options.headers ?? {};
    this.localized = typeof message === "string" ? null : message;
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}
