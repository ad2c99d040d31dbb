import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  advertisedProgramsLimits,
  clientAgentNames,
  newProgramNotificationUis,
  notificationSounds,
  type AdvertisedProgramsAgentDto,
  type AdvertisedProgramsNumber,
  type ClientAgentName,
  type ClientAgentSetInput,
} from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { commandWords } from './command-words';
import { parseWholeNumber } from './parse-integer';
import { textFields } from './text-table';

type Changes = ClientAgentSetInput['changes'];

/** Each setting's option; an error at a field names it. */
const flags: Readonly<Record<keyof NonNullable<Changes>, string>> = {
  enabled: '--enabled',
  allowUserTargetedRequests: '--user-targeted',
  newProgramNotificationUi: '--notification-opens',
  displayNotification: '--display-notification',
  playSound: '--play-sound',
  countdownEnabled: '--countdown',
  countdownMinutes: '--countdown-minutes',
  reminderOver24HoursHours: '--remind-over-24h',
  reminderWithin24HoursHours: '--remind-within-24h',
  reminderWithin1HourMinutes: '--remind-within-1h',
  policyPollingMinutes: '--policy-polling',
};

/** The option a field of `courier client-agent set` came from; undefined for other commands. */
export function clientAgentFlagForField(argv: readonly string[], field: string | undefined): string | undefined {
  if (field === undefined || commandWords(argv)[0] !== 'client-agent') return undefined;
  if (field === 'agent') return '<agent>';
  return flags[field.replace(/^changes\./, '') as keyof typeof flags];
}

/** `true` or `false`, as typed in a script: a switch that can also turn a setting off. */
function parseTrueFalse(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new InvalidArgumentError('It must be true or false.');
}

function agentArgument(agent: string): ClientAgentName {
  const name = agent.toLowerCase();
  const known = clientAgentNames.find((n) => n === name);
  if (known === undefined) throw usageFailure(`There is no client agent "${agent}" to configure; the one there is: advertised-programs (Advertised Programs Client Agent).`);
  return known;
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const soundText = { none: 'never', mandatory: 'for mandatory programs', all: 'for all programs' } as const;

export function formatAdvertisedPrograms(s: AdvertisedProgramsAgentDto): string {
  return textFields([
    ['Client agent', s.name],
    ['Software distribution to clients', s.enabled ? 'enabled' : 'disabled'],
    ['User targeted advertisement requests', s.allowUserTargetedRequests ? 'allowed' : 'not allowed'],
    ['New program notification opens', s.newProgramNotificationUi === 'ARP' ? 'Add or Remove Programs (ARP)' : 'Run Advertised Programs (RAP)'],
    ['Display a notification message', yesNo(s.displayNotification)],
    ['Play a sound', soundText[s.playSound]],
    ['Countdown for mandatory programs', s.countdownEnabled ? `${s.countdownMinutes} minutes` : `no (${s.countdownMinutes} minutes when on)`],
    ['Reminders more than 24 hours before', `every ${s.reminderOver24HoursHours} hours`],
    ['Reminders 24 hours or less before', `every ${s.reminderWithin24HoursHours} hours`],
    ['Reminders an hour or less before', `every ${s.reminderWithin1HourMinutes} minutes`],
    ['Policy polling interval', `${s.policyPollingMinutes} minutes`],
  ]);
}

const range = (field: AdvertisedProgramsNumber) => {
  const limits = advertisedProgramsLimits[field];
  return `${limits.min}–${limits.max}, default ${limits.default}`;
};

interface SetOptions {
  readonly enabled?: boolean;
  readonly userTargeted?: boolean;
  readonly notificationOpens?: 'arp' | 'rap';
  readonly displayNotification?: boolean;
  readonly playSound?: (typeof notificationSounds)[number];
  readonly countdown?: boolean;
  readonly countdownMinutes?: number;
  readonly remindOver24h?: number;
  readonly remindWithin24h?: number;
  readonly remindWithin1h?: number;
  readonly policyPolling?: number;
}

function changesOf(opts: SetOptions): NonNullable<Changes> {
  return {
    ...(opts.enabled !== undefined && { enabled: opts.enabled }),
    ...(opts.userTargeted !== undefined && { allowUserTargetedRequests: opts.userTargeted }),
    ...(opts.notificationOpens !== undefined && { newProgramNotificationUi: opts.notificationOpens === 'arp' ? ('ARP' as const) : ('RAP' as const) }),
    ...(opts.displayNotification !== undefined && { displayNotification: opts.displayNotification }),
    ...(opts.playSound !== undefined && { playSound: opts.playSound }),
    ...(opts.countdown !== undefined && { countdownEnabled: opts.countdown }),
    ...(opts.countdownMinutes !== undefined && { countdownMinutes: opts.countdownMinutes }),
    ...(opts.remindOver24h !== undefined && { reminderOver24HoursHours: opts.remindOver24h }),
    ...(opts.remindWithin24h !== undefined && { reminderWithin24HoursHours: opts.remindWithin24h }),
    ...(opts.remindWithin1h !== undefined && { reminderWithin1HourMinutes: opts.remindWithin1h }),
    ...(opts.policyPolling !== undefined && { policyPollingMinutes: opts.policyPolling }),
  };
}

/** `courier client-agent show|set advertised-programs`: Site Settings › Client Agents. */
export function registerClientAgentCommands(root: Command, { withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const group = root.command('client-agent').description("show and change a client agent's site-wide settings").helpCommand(false);

  withGlobalOptions(group.command('show').description("show a client agent's settings").argument('<agent>', 'advertised-programs')).action(
    (name: string, _opts: unknown, command: Command) => {
      const agent = agentArgument(name);
      return withCore(command, async (core, globals) => {
        const settings = unwrap(await core.client['client-agents:get']({ agent }));
        print(globals, settings, () => formatAdvertisedPrograms(settings));
      });
    },
  );

  const set = withGlobalOptions(
    group
      .command('set')
      .description("change a client agent's settings; the others stay")
      .argument('<agent>', 'advertised-programs')
      .option('--enabled <true|false>', 'enable software distribution to clients', parseTrueFalse)
      .option('--user-targeted <true|false>', 'allow user targeted advertisement requests', parseTrueFalse)
      .addOption(new Option('--notification-opens <ui>', 'what the new program notification icon opens: Add or Remove Programs or Run Advertised Programs').choices(newProgramNotificationUis.map((ui) => ui.toLowerCase())))
      .option('--display-notification <true|false>', 'display a notification message for a new advertisement', parseTrueFalse)
      .addOption(new Option('--play-sound <when>', 'play a sound for a new advertisement').choices(notificationSounds))
      .option('--countdown <true|false>', 'provide a countdown for mandatory programs', parseTrueFalse)
      .option('--countdown-minutes <n>', `countdown length (${range('countdownMinutes')})`, parseWholeNumber)
      .option('--remind-over-24h <hours>', `reminder interval more than 24 hours before an assignment (${range('reminderOver24HoursHours')})`, parseWholeNumber)
      .option('--remind-within-24h <hours>', `reminder interval 24 hours or less before (${range('reminderWithin24HoursHours')})`, parseWholeNumber)
      .option('--remind-within-1h <minutes>', `reminder interval an hour or less before (${range('reminderWithin1HourMinutes')})`, parseWholeNumber)
      .option('--policy-polling <minutes>', `how often clients poll for policy (${range('policyPollingMinutes')})`, parseWholeNumber),
  );
  set.addHelpText(
    'after',
    `
Example:
  courier client-agent set advertised-programs --enabled true --countdown-minutes 10 --play-sound mandatory --policy-polling 30`,
  );
  set.action((name: string, opts: SetOptions, command: Command) => {
    const agent = agentArgument(name);
    const changes = changesOf(opts);
    if (Object.keys(changes).length === 0) throw usageFailure('Nothing to change: give at least one setting (see courier client-agent set --help).');
    return withCore(command, async (core, globals) => {
      const settings = unwrap(await core.client['client-agents:set']({ agent, changes }));
      print(globals, settings, () => `Updated the ${settings.name}.\n\n${formatAdvertisedPrograms(settings)}`);
    });
  });
}
