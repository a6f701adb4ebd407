// Turns whatever a Tauri command rejects with into a StewardError that callers can
// `instanceof`-check. The Rust side rejects with an ApiError ({ code, message, fields }).
import type { ApiError } from "./bindings/ApiError";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { FieldError } from "./bindings/FieldError";

const ERROR_CODES: readonly ErrorCode[] = [
  "validation",
  "notFound",
  "databaseTooNew",
  "storage",
  "internal",
];

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
    (ERROR_CODES as readonly string[]).includes(value.code) &&
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
