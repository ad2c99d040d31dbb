import { readFileSync } from 'node:fs';
import { advertisedProgramsDefaults, computerProgramDefaults, type ComputerProgramSettings } from '../../core/api';
import { advertisementDefaults, advertisementFlagsOf, type AdvertisementOptions } from '../../core/domain/advertisement-flags';
import { programFlagsOf } from '../../core/domain/program-flags';
import type { EvaluationContext } from '../../client/policy/context';
import { parseOfferBody, type ClientComputerProgram, type ClientOfferBody } from '../../client/policy/offer-body-schema';

/** Published schedule tokens with their meaning (test/fixtures/schedule-tokens.json). */
const vectors = (JSON.parse(readFileSync(new URL('../fixtures/schedule-tokens.json', import.meta.url), 'utf8')) as { vectors: { token: string }[] }).vectors;
const vector = (prefix: string): string => {
  const found = vectors.find((v) => v.token.startsWith(prefix));
  if (found === undefined) throw new Error(`no vector ${prefix}`);
  return found.token;
};
/** Every 2 days at 01:04 local time from 2019-11-19 (00:04 UTC in a Berlin winter: 2, 4, 6 … December 2026). */
export const everyTwoDays = vector('1033BC7B10100010');
/** Monday to Friday at 22:00 local for 7 hours: five weekly tokens, as a maintenance window schedule string. */
export const weeknights = vector('02C159C0381A2000');

export type Options = Partial<Omit<AdvertisementOptions, 'mandatory'>> & { mandatory?: Partial<AdvertisementOptions['mandatory']> };

export interface BodyParts {
  readonly options?: Options;
  readonly advertisement?: Partial<ClientOfferBody['advertisement']>;
  readonly program?: Partial<ClientComputerProgram>;
  readonly clientAgent?: Partial<ClientOfferBody['clientAgent']>;
}

/** A body as the management point serves it, with the suite's numbers from the wizard's options, checked by the agent's schema. */
export function offerBody(parts: BodyParts = {}): ClientOfferBody {
  const options: AdvertisementOptions = {
    ...advertisementDefaults,
    ...parts.options,
    mandatory: { ...advertisementDefaults.mandatory, ...parts.options?.mandatory },
  };
  const flags = advertisementFlagsOf(options);
  const programName = parts.program?.name ?? 'Install';
  const packageId = parts.program?.packageId ?? 'A0100001';
  // The suite's ProgramFlags from the settings, as the site computes them.
  const { programFlags: _flags, kind: _kind, ...settings } = parts.program ?? {};
  const program = { ...computerProgramDefaults, packageId, name: programName, commandLine: 'setup.exe /q', maximumRunTime: 60, ...settings } as ComputerProgramSettings & { packageId: string };
  return parseOfferBody({
    format: 'courier-offer-body',
    formatVersion: 1,
    advertisement: {
      advertisementId: 'A0120000',
      name: 'Viewer',
      packageId,
      programName,
      collectionId: 'A0100010',
      presentTime: '2026-12-01T08:00',
      expirationTime: null,
      assignedSchedule: '',
      mandatoryCountdownMinutes: 0,
      ...flags,
      ...parts.advertisement,
    },
    program: { kind: 'computer', ...program, programFlags: programFlagsOf(program), ...parts.program },
    package: { packageId, name: 'Viewer', sourceVersion: 1 },
    clientAgent: { ...advertisedProgramsDefaults, ...parts.clientAgent },
  });
}

/** A program of another package, as this client's policy holds it, to be run first. */
export function otherProgram(packageId: string, name: string, settings: Partial<ClientComputerProgram> = {}): ClientComputerProgram {
  const { program } = offerBody({ program: { ...settings, packageId, name } });
  if (program.kind !== 'computer') throw new Error('a program for computers');
  return program;
}

export const at = (iso: string): Date => new Date(iso);

/** A Windows 7 x64 computer, nobody logged on, nothing run, no windows, received when available. */
export function context(overrides: Partial<EvaluationContext> = {}): EvaluationContext {
  return {
    machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.1.7601' },
    session: { kind: 'none' },
    history: [],
    maintenanceWindows: [],
    events: [],
    receivedAt: at('2026-12-01T07:00:00Z'),
    programs: [],
    now: at('2026-12-01T12:00:00Z'),
    ...overrides,
  };
}
