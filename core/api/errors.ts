/**
 * Errors cross every boundary (IPC, HTTP, CLI) as a code plus a human message, never a stack.
 * `field` names the offending input (dotted path) when the error is about one value.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'SOURCE_NOT_FOUND',
  'SOURCE_UNREADABLE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'SITE_NOT_INITIALIZED',
  'DATABASE_HISTORY_MISMATCH',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorIssue {
  readonly field: string;
  readonly message: string;
}

export interface ApiErrorDto {
  readonly code: ErrorCode;
  readonly message: string;
  /** The first offending field, when there is one. */
  readonly field?: string;
  /** Every offending field, for forms that mark several at once. */
  readonly issues?: readonly ApiErrorIssue[];
}

/** Thrown inside the core; transports turn it into an ApiErrorDto. */
export class CourierError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issues: readonly ApiErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, field?: string, issues?: readonly ApiErrorIssue[]) {
    super(message);
    this.name = 'CourierError';
    this.code = code;
    this.field = field;
    this.issues = issues;
  }

  toDto(): ApiErrorDto {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.issues !== undefined ? { issues: this.issues } : {}),
    };
  }
}

/**
 * The envelope every request returns, whatever the transport. `notices` come with a success
 * whose change is saved but not yet fully carried out (a site component's wake-up still to be
 * written): worth telling the admin, never a reason to repeat the request.
 */
export type ApiResult<T> =
  | { readonly ok: true; readonly value: T; readonly notices?: readonly string[] }
  | { readonly ok: false; readonly error: ApiErrorDto };
