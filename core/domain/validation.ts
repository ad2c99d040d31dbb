import type { z } from 'zod';
import { CourierError, type ApiErrorIssue } from '../api';

/** zod's own wording ("Invalid input: …") does not name the field, so those messages get it in front. */
function describe(field: string, message: string): string {
  return field && /^(Invalid|Unrecognized|Too (big|small))/.test(message) ? `${field}: ${message}` : message;
}

function issuesOf(error: z.ZodError, stripPrefix: string | undefined): ApiErrorIssue[] {
  const issues: ApiErrorIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    // An unknown key inside `changes` is still a field of the object being changed.
    const inner = issue.code === 'unrecognized_keys' ? path.length >= 1 : path.length > 1;
    if (stripPrefix && path[0] === stripPrefix && inner) path.shift();
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = [...path, key].join('.');
        issues.push({ field, message: `Unknown field "${field}".` });
      }
      continue;
    }
    const field = path.join('.');
    issues.push({ field, message: describe(field, issue.message) });
  }
  return issues;
}

/** A request that fails its schema: every offending field, the first one named. */
export function validationError(error: z.ZodError, stripPrefix?: string): CourierError {
  const issues = issuesOf(error, stripPrefix);
  const message = issues.map((issue) => issue.message).join(' ') || 'The request is not valid.';
  return new CourierError('VALIDATION_FAILED', message, issues[0]?.field || undefined, issues);
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, stripPrefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, stripPrefix);
  return result.data;
}
