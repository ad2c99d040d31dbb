import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomicSync } from '../files/atomic-write';

/** The agent's own state (registration facts, policy, run history) lives in `<clientDir>/agent`. */
export function agentFolder(clientDir: string): string {
  return join(clientDir, 'agent');
}

export interface ReadState<T> {
  readonly value: T | null;
  /** Why a file that was there could not be used (it was moved aside to `<name>.damaged`). */
  readonly problem: string | null;
}

/**
 * Reads one of the agent's state files. A file too large, not JSON or of the wrong shape is
 * moved aside rather than refused: an agent that stopped for good over a damaged file would
 * never get its policy again, and the site sends the whole policy to a client that has none.
 */
export function readStateFile<S extends z.ZodType>(path: string, schema: S, maxBytes: number): ReadState<z.output<S>> {
  if (!existsSync(path)) return { value: null, problem: null };
  let problem: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return { value: null, problem: `${path} is not a file; it is left alone and not used.` };
    if (stats.size > maxBytes) {
      problem = `${path} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`;
    } else {
      const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) return { value: parsed.data as z.output<S>, problem: null };
      const issue = parsed.error.issues[0];
      problem = `${path} is refused at ${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? 'wrong shape'}`;
    }
  } catch (error) {
    problem = `${path} could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  renameSync(path, `${path}.damaged`);
  return { value: null, problem: `${problem}; it was moved to ${path}.damaged and the agent starts that part afresh.` };
}

export function writeStateFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  // fsync: the history decides whether a program runs again, so it must survive a power failure.
  writeFileAtomicSync(path, `${JSON.stringify(value)}\n`, { fsync: true });
}
