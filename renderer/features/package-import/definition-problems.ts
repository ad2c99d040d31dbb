import type { ApiErrorDto } from '../../../core/api';

// The definition reader names where each problem is: "[Section] Key (line 5): problem".
const located = /^\[([^\]]+)\] ([^(:]+?)(?: \(line (\d+)\))?: (.+)$/;
const moreProblems = / \(and \d+ more problems?\)$/;

/** One problem of a definition file in plain words: where it is first, then what is wrong. */
export function plainProblem(message: string): string {
  const match = located.exec(message.replace(moreProblems, ''));
  if (!match) return message;
  const [, section, key, line, problem] = match as unknown as [string, string, string, string | undefined, string];
  const where = line === undefined ? `In the [${section}] section` : `Line ${line}, in the [${section}] section`;
  const what = problem.startsWith('required') ? `${key} is ${problem}` : `${key}: ${problem}`;
  return `${where}: ${what.endsWith('.') ? what : `${what}.`}`;
}

/** Every problem the site server found in a definition, each in plain words. */
export function definitionProblems(error: ApiErrorDto): readonly string[] {
  const issues = error.issues ?? [];
  if (issues.length > 1) return issues.map((issue) => plainProblem(issue.message));
  return [plainProblem(error.message)];
}
