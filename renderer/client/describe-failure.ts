/** Words for a failure that never reached the core (a bug or a dropped connection), never a stack. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong while talking to the site server.';
}
