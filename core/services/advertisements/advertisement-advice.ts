import type { ProgramRecord } from '../../db/repositories/program-repository';

/** What the advice reads of the site besides the program. */
export interface AdviceFacts {
  /** DPs the package is on or on its way to (states other than removal). */
  readonly dps: number;
  /** False for a package without source files: its program runs what the client has, so it needs no DP. */
  readonly containsSourceFiles: boolean;
  readonly advertisedProgramsEnabled: boolean;
}

/**
 * What the suite warns of when an advertisement is saved: it is saved, but clients will not run
 * it yet. The same sentences head the dry run's notices (docs/distribute-software.md#dry-run).
 */
export function advertisementAdvice(program: ProgramRecord, facts: AdviceFacts): string[] {
  const notices: string[] = [];
  if (program.kind === 'computer' && program.disabled) {
    notices.push(`Program ${program.name} of ${program.packageId} is disabled: clients receive the advertisement but will not run the program until it is enabled.`);
  }
  if (facts.dps === 0 && facts.containsSourceFiles) {
    notices.push(`Package ${program.packageId} is on no distribution point yet: clients cannot run the program until it is distributed (courier package distribute ${program.packageId} --dp NAME).`);
  }
  if (!facts.advertisedProgramsEnabled) {
    notices.push('The Advertised Programs Client Agent is disabled: clients will not run advertised programs until it is enabled (courier client-agent set advertised-programs --enabled true).');
  }
  return notices;
}
