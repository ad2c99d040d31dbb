import { CourierError, mpErrorStatus, type MpErrorBody, type MpErrorCode } from '../../api';

/** A refusal the management point answers with: its code decides the HTTP status (mpErrorStatus). */
export class MpError extends Error {
  constructor(
    readonly code: MpErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'MpError';
  }

  get status(): number {
    return mpErrorStatus[this.code];
  }

  body(): MpErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field !== undefined ? { field: this.field } : {}) } };
  }
}

/** A service's CourierError as the management point says it; anything else is the site's fault. */
export function asMpError(error: unknown): MpError | null {
  if (error instanceof MpError) return error;
  if (error instanceof CourierError) {
    const code: MpErrorCode = error.code === 'CONFLICT' ? 'CONFLICT' : error.code === 'NOT_FOUND' ? 'NOT_FOUND' : error.code === 'VALIDATION_FAILED' ? 'VALIDATION_FAILED' : 'INTERNAL';
    return code === 'INTERNAL' ? null : new MpError(code, error.message, error.field);
  }
  return null;
}
