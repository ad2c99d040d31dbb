import { join } from 'node:path';
import { z } from 'zod';
import { advertisementIdSchema, packageIdSchema } from '../../core/api';
import type { ProgramRun } from '../policy/context';
import { agentFolder, readStateFile, writeStateFile } from './agent-files';

/**
 * The runs of programs on this machine, as the evaluation reads them (rerun behaviour, programs
 * to run first, whether an assignment has run). Bounded: the newest runs are kept; the evaluation
 * needs only the latest run of each program and the runs since each advertisement's latest
 * assignment, which a few hundred runs cover many times over.
 */
export const maxHistoryRuns = 1000;
const maxHistoryBytes = 4 * 1024 * 1024;

const runSchema = z.strictObject({
  advertisementId: advertisementIdSchema,
  packageId: packageIdSchema,
  programName: z.string().min(1).max(50),
  user: z.string().max(256).nullable(),
  at: z.iso.datetime({ offset: true }),
  result: z.enum(['success', 'failure']),
});

const historyFileSchema = z.strictObject({
  format: z.literal('courier-client-history'),
  formatVersion: z.literal(1),
  runs: z.array(runSchema).max(maxHistoryRuns),
});

export class RunHistory {
  readonly path: string;
  private runs: ProgramRun[];
  /** Set when the file on disk could not be used. */
  readonly problem: string | null;

  constructor(clientDir: string) {
    this.path = join(agentFolder(clientDir), 'history.json');
    const read = readStateFile(this.path, historyFileSchema, maxHistoryBytes);
    this.problem = read.problem;
    this.runs = (read.value?.runs ?? []).map((run) => ({ ...run, at: new Date(run.at) }));
  }

  all(): readonly ProgramRun[] {
    return this.runs;
  }

  /** Adds a run and saves the history, the oldest runs dropped past the bound. */
  add(run: ProgramRun): void {
    const runs = [...this.runs, run].sort((a, b) => a.at.getTime() - b.at.getTime()).slice(-maxHistoryRuns);
    writeStateFile(this.path, { format: 'courier-client-history', formatVersion: 1, runs: runs.map((r) => ({ ...r, at: r.at.toISOString() })) });
    this.runs = runs;
  }
}
