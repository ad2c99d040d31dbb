import type { ApiErrorDto } from '../api';

/** 1: the request failed (the site said no); 2: the command line itself was wrong. */
export type ExitCode = 0 | 1 | 2;

export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    readonly error: ApiErrorDto,
    readonly exitCode: 1 | 2,
    /** The command already printed its result (a validation that found differences): stdout gets no error JSON after it. */
    readonly resultPrinted = false,
  ) {
    super(error.message);
  }
}

export function usageFailure(message: string): CliFailure {
  return new CliFailure({ code: 'VALIDATION_FAILED', message }, 2);
}
