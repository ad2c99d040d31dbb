import { z } from 'zod';
import {
  advertisedProgramsLimits,
  advertisementIdSchema,
  advertisementTimeSchema,
  assignedScheduleSchema,
  canRunWhenModes,
  afterRunningActions,
  assignmentModes,
  notificationSounds,
  packageIdSchema,
  ProgramFlags,
  programRightsModes,
  repeatRunBehaviors,
  maxMandatoryCountdownMinutes,
  mifMatchingModes,
} from '../../core/api';
import { decodeScheduleToken, ScheduleTokenError } from '../../core/formats/schedule-token';

/**
 * The policy body of one advertisement as the management point serves it
 * (docs/offer-manager.md#the-policy-body), checked before the agent acts on it. Only what the
 * agent reads is checked; fields it does not know pass (a newer site may add some), but a body of
 * another format or a newer formatVersion is refused, since its meaning may have changed.
 */

const uint32 = (label: string) =>
  z.number({ error: `${label} is a number.` }).int(`${label} is a whole number.`).min(0, `${label} is an unsigned 32-bit number.`).max(0xffffffff, `${label} is an unsigned 32-bit number.`);
const flag = (label: string) => z.boolean({ error: `${label} is true or false.` });
const name = (label: string, max: number) =>
  z
    .string({ error: `${label} is text.` })
    .min(1, `${label} is required.`)
    .max(max, `${label} is at most ${max} characters.`)
    // Names reach logs and the Run Advertised Programs list: no line breaks or other control characters.
    // eslint-disable-next-line no-control-regex
    .refine((text) => !/[\u0000-\u001f\u007f-\u009f]/.test(text), `${label} has a control character.`);
const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label} is one of ${values.join(', ')}.` });
const whole = (label: string, min: number, max: number) =>
  z.number({ error: `${label} is a number.` }).int(`${label} is a whole number.`).min(min, `${label} is from ${min} to ${max}.`).max(max, `${label} is from ${min} to ${max}.`);

/** Text that may be empty; a body of a site before the field was sent has none. */
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} is text.` })
    .max(max, `${label} is at most ${max} characters.`)
    // eslint-disable-next-line no-control-regex
    .refine((text) => !/[\u0000-\u001f\u007f-\u009f]/.test(text), `${label} has a control character.`)
    .default('');

const advertisementSchema = z.object({
  advertisementId: advertisementIdSchema,
  name: name('The advertisement name', 100),
  packageId: packageIdSchema,
  programName: name('The program name', 50),
  presentTime: advertisementTimeSchema,
  expirationTime: advertisementTimeSchema.nullable(),
  advertFlags: uint32('AdvertFlags'),
  remoteClientFlags: uint32('RemoteClientFlags'),
  timeFlags: uint32('TimeFlags'),
  // Each token must be one the suite could have written, or the agent could not tell when it runs.
  assignedSchedule: assignedScheduleSchema.superRefine((text, ctx) => {
    (text.match(/.{16}/g) ?? []).forEach((token, index) => {
      try {
        decodeScheduleToken(token);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `Schedule ${index + 1} of AssignedSchedule is refused: ${error instanceof ScheduleTokenError ? error.message : String(error)}` });
      }
    });
  }),
  mandatoryCountdownMinutes: whole('The countdown', 0, maxMandatoryCountdownMinutes),
  repeatRunBehavior: oneOf('ADV_RepeatRunBehavior', repeatRunBehaviors),
});

const runFirstSchema = z.object({ packageId: packageIdSchema, programName: name('The program to run first', 50) }).nullable();

const computerProgramSchema = z.object({
  kind: z.literal('computer'),
  packageId: packageIdSchema,
  name: name('The program name', 50),
  commandLine: name('The command line', 127),
  // Where a program of a package without source files starts; empty, the temp folder.
  startIn: optionalText('Start in', 127),
  programFlags: uint32('ProgramFlags'),
  // null: Unknown, which the suite takes as 720 minutes.
  maximumRunTime: whole('The maximum allowed run time', 1, 720).nullable(),
  anyPlatform: flag('Any platform'),
  platforms: z.array(z.string({ error: 'A platform is text.' }).max(64, 'A platform ID is at most 64 characters.'), { error: 'platforms is a list.' }).max(64, 'At most 64 platforms.'),
  canRunWhen: oneOf('Program can run', canRunWhenModes),
  runMode: oneOf('Run mode', programRightsModes),
  afterRunning: oneOf('After running', afterRunningActions),
  runFirst: runFirstSchema,
  alwaysRunDependent: flag('Always run this program first'),
  assignment: oneOf('When this program is assigned to a computer', assignmentModes),
  suppressNotifications: flag('Suppress program notifications'),
  disabled: flag('Disable this program'),
});

const deviceProgramSchema = z.object({
  kind: z.literal('device'),
  packageId: packageIdSchema,
  name: name('The program name', 50),
  commandLine: name('The command line', 127),
});

const programSchema = z.discriminatedUnion('kind', [computerProgramSchema, deviceProgramSchema], {
  error: 'The program kind is computer or device.',
});

const packageSchema = z.object({
  packageId: packageIdSchema,
  name: name('The package name', 50),
  sourceVersion: whole('The source version', 0, 0x7fffffff),
  // Absent (a site before it was sent): the package has content, as every package offered then had.
  containsSourceFiles: flag('This package contains source files').default(true),
  // Reporting. Absent (a site before these were sent): the package's own properties, as the wizard's default.
  mifMatching: oneOf('The status MIF matching', mifMatchingModes).default('packageProperties'),
  // Compared with the names in the MIF folders only, so a name with a folder in it matches nothing.
  mifFileName: optionalText('The MIF file name', 50),
  mifName: optionalText('The MIF name', 50),
  mifPublisher: optionalText('The MIF publisher', 32),
  mifVersion: optionalText('The MIF version', 32),
});

const limit = (field: keyof typeof advertisedProgramsLimits, label: string) => whole(label, advertisedProgramsLimits[field].min, advertisedProgramsLimits[field].max);

const clientAgentSchema = z.object({
  enabled: flag('Enable software distribution to clients'),
  displayNotification: flag('Display a notification message'),
  playSound: oneOf('Play a sound', notificationSounds),
  countdownEnabled: flag('Provide a countdown'),
  countdownMinutes: limit('countdownMinutes', 'The countdown length (minutes)'),
  reminderOver24HoursHours: limit('reminderOver24HoursHours', 'The reminder interval over 24 hours (hours)'),
  reminderWithin24HoursHours: limit('reminderWithin24HoursHours', 'The reminder interval within 24 hours (hours)'),
  reminderWithin1HourMinutes: limit('reminderWithin1HourMinutes', 'The reminder interval within an hour (minutes)'),
  policyPollingMinutes: limit('policyPollingMinutes', 'The policy polling interval (minutes)'),
});

export const offerBodySchema = z
  .object(
    {
      format: z.literal('courier-offer-body', { error: 'This is not a Courier offer body (format is not courier-offer-body).' }),
      formatVersion: z.literal(1, { error: 'This agent reads offer bodies of formatVersion 1 only.' }),
      advertisement: advertisementSchema,
      program: programSchema,
      package: packageSchema,
      clientAgent: clientAgentSchema,
    },
    { error: 'An offer body is a JSON object.' },
  )
  .superRefine((body, ctx) => {
    // The three parts must speak of one program of one package, or the agent would run another one.
    if (body.program.packageId !== body.advertisement.packageId) {
      ctx.addIssue({ code: 'custom', path: ['program', 'packageId'], message: `The program is of package ${body.program.packageId}, the advertisement of ${body.advertisement.packageId}.` });
    }
    if (body.package.packageId !== body.advertisement.packageId) {
      ctx.addIssue({ code: 'custom', path: ['package', 'packageId'], message: `The package is ${body.package.packageId}, the advertisement's ${body.advertisement.packageId}.` });
    }
    if (body.program.kind === 'computer') {
      const p = body.program;
      // Settings no site writes together (the New Program Wizard refuses them): such a program could never run.
      if (p.runMode === 'userRights' && p.canRunWhen !== 'userLoggedOn') {
        ctx.addIssue({ code: 'custom', path: ['program', 'runMode'], message: "A program runs with the user's rights only when it runs only when a user is logged on." });
      }
      if (p.assignment === 'oncePerUser' && p.canRunWhen !== 'userLoggedOn') {
        ctx.addIssue({ code: 'custom', path: ['program', 'assignment'], message: 'A program runs once for every user only when it runs only when a user is logged on.' });
      }
      for (const problem of programFlagProblems(p)) ctx.addIssue({ code: 'custom', path: ['program', 'programFlags'], message: problem });
    }
    if (body.program.name.toLowerCase() !== body.advertisement.programName.toLowerCase()) {
      ctx.addIssue({ code: 'custom', path: ['program', 'name'], message: `The program is "${body.program.name}", the advertisement's "${body.advertisement.programName}".` });
    }
  });

/**
 * The ProgramFlags bits the agent acts on, beside the setting each one encodes. Other tools read
 * the suite's number, the agent reads the settings: a body in which they disagree was written
 * wrongly, and the agent cannot tell which one is meant.
 */
function programFlagProblems(program: z.output<typeof computerProgramSchema>): string[] {
  const F = ProgramFlags;
  const bits: [name: keyof typeof ProgramFlags, setting: string, on: boolean][] = [
    ['DISABLED', 'disabled', program.disabled],
    ['USERCONTEXT', 'canRunWhen userLoggedOn', program.canRunWhen === 'userLoggedOn'],
    ['NOUSERLOGGEDIN', 'canRunWhen noUserLoggedOn', program.canRunWhen === 'noUserLoggedOn'],
    ['ADMINRIGHTS', 'runMode adminRights', program.runMode === 'adminRights'],
    ['EVERYUSER', 'assignment oncePerUser', program.assignment === 'oncePerUser'],
    ['RUN_DEPENDANT_ALWAYS', 'alwaysRunDependent', program.alwaysRunDependent],
    ['COUNTDOWN', 'suppressNotifications', program.suppressNotifications],
    ['ANY_PLATFORM', 'anyPlatform', program.anyPlatform],
    ['OKTOREBOOT', 'afterRunning configMgrRestarts', program.afterRunning === 'configMgrRestarts'],
    ['OKTOQUIT', 'afterRunning programRestarts', program.afterRunning === 'programRestarts'],
  ];
  return bits
    .filter(([name, , on]) => ((program.programFlags & F[name]) !== 0) !== on)
    .map(([name, setting, on]) => `ProgramFlags ${(program.programFlags & F[name]) !== 0 ? 'has' : 'lacks'} ${name}, but ${setting} is ${on ? 'set' : 'not set'}.`);
}

/** An offer body as the agent uses it: the fields checked, unknown ones dropped. */
export type ClientOfferBody = z.output<typeof offerBodySchema>;
export type ClientComputerProgram = z.output<typeof computerProgramSchema>;
export type ClientProgram = z.output<typeof programSchema>;

/** A body the agent refuses: `field` is the path of the first wrong field (`advertisement.presentTime`). */
export class OfferBodyError extends Error {
  override readonly name = 'OfferBodyError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(field === '' ? `The offer body is refused: ${reason}` : `The offer body is refused at ${field}: ${reason}`);
  }
}

/** Checks a body received from the management point; throws OfferBodyError naming the field. */
export function parseOfferBody(input: unknown): ClientOfferBody {
  const parsed = offerBodySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new OfferBodyError(issue?.path.map(String).join('.') ?? '', issue?.message ?? 'not an offer body.');
}
