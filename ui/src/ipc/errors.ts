// Turns whatever a Tauri command rejects with into a StewardError that callers can
// `instanceof`-check. The Rust side rejects with an ApiError ({ code, message, fields }).
import type { ApiError } from "./bindings/ApiError";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { FieldError } from "./bindings/FieldError";

/** Every code the back end sends, as a record so that the type check fails when the
 *  bindings gain a code this list lacks (an unknown code would otherwise become "internal"
 *  and lose what the screens do with it). `damaged`: the database file is damaged, and the
 *  start-up screen offers to restore a backup; `alreadyOpen`: another Steward window has
 *  this register open. */
const KNOWN_CODES: Readonly<Record<ErrorCode, true>> = {
  validation: true,
  notFound: true,
  databaseTooNew: true,
  damaged: true,
  alreadyOpen: true,
  storage: true,
  internal: true,
};

/** Whether a string is one of the back end's error codes. */
function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(KNOWN_CODES, value);
}

export class StewardError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = "StewardError";
    this.code = code;
    this.fields = fields;
  }

  /** Wraps any rejection value; anything that is not an ApiError becomes code "internal". */
  static from(reason: unknown): StewardError {
    if (reason instanceof StewardError) {
      return reason;
    }
    if (isApiError(reason)) {
      return new StewardError(reason.code, reason.message, reason.fields.filter(isFieldError));
    }
    return new StewardError("internal", describeUnknown(reason));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.field === "string" && typeof value.message === "string";
}

export function isApiError(value: unknown): value is ApiError {
  return (
    isRecord(value) &&
    typeof value.code === "string" &&
    isErrorCode(value.code) &&
    typeof value.message === "string" &&
    Array.isArray(value.fields)
  );
}

function describeUnknown(reason: unknown): string {
  if (reason instanceof Error && reason.message) {
    return `Something went wrong inside Steward: ${reason.message}`;
  }
  if (typeof reason === "string" && reason) {
    return `Something went wrong inside Steward: ${reason}`;
  }
  return "Something went wrong inside Steward. Please try again.";
}
