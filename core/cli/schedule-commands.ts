import { type Command, Option } from 'commander';
import { describeSchedule, maxSchedules, scheduleNextSchema, scheduleSchema, type Schedule } from '../api';
import { parseOrThrow } from '../domain/validation';
import { scheduleRuns } from '../domain/schedule-occurrences';
import { decodeScheduleTokens, encodeScheduleTokens, ScheduleTokenError } from '../formats/schedule-token';
import { CliFailure } from './cli-failure';
import { parseWholeNumber } from './parse-integer';
import { fileFailure, jsonWanted, type FileCommandContext } from './pdf-commands';

/** A token the codec refuses is a refused request (exit 1), as a refused package setting is. */
function tokenFailure(error: unknown): unknown {
  if (error instanceof ScheduleTokenError) {
    return new CliFailure({ code: 'VALIDATION_FAILED', message: error.message, ...(error.field ? { field: error.field } : {}) }, 1);
  }
  return fileFailure(error);
}

function decodeOrFail(tokens: readonly string[]): Schedule[] {
  try {
    const schedules = decodeScheduleTokens(tokens);
    if (schedules.length > maxSchedules) {
      throw new CliFailure({ code: 'VALIDATION_FAILED', message: `A schedule property holds at most ${maxSchedules} schedules; ${schedules.length} were given.` }, 1);
    }
    return schedules;
  } catch (error) {
    throw tokenFailure(error);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The site server's wall-clock time, as the start of a local schedule is written. */
function localText(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function parseScheduleJson(text: string): Schedule[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliFailure({ code: 'VALIDATION_FAILED', message: 'The schedule must be JSON: an object such as {"type":"interval","start":"2019-11-19T01:04","daySpan":2}, or an array of them.' }, 2);
  }
  try {
    // One object's problems are named by its field alone ("start"), an array's by index ("1.start").
    return Array.isArray(value) ? parseOrThrow(scheduleNextSchema.shape.schedules, value) : [parseOrThrow(scheduleSchema, value)];
  } catch (error) {
    throw tokenFailure(error);
  }
}

/** `courier schedule decode|encode|next`: the suite's SMS_ST schedule tokens from the shell. */
export function registerScheduleCommands(root: Command, { withGlobalOptions, print }: FileCommandContext): void {
  const schedule = root.command('schedule').description('read, write and run SMS_ST schedule tokens (16 hex digits each)').helpCommand(false);

  const decode = withGlobalOptions(
    schedule
      .command('decode')
      .description('show what schedule tokens mean')
      .argument('<tokens...>', 'tokens, given apart or concatenated as a multi-schedule property holds them'),
  );
  decode.addHelpText(
    'after',
    `
Examples:
  courier schedule decode 1033BC7B10100010
  courier schedule decode 02C159C0381A200002C159C0381B2000 --json   ([{token, type, start, isGmt, minuteDuration, hourDuration, dayDuration, …}])`,
  );
  decode.action((tokens: string[], _opts: unknown, command: Command) => {
    const schedules = decodeOrFail(tokens);
    print({ json: jsonWanted(command) }, schedules, () => schedules.map((s) => `${s.token ?? ''}  ${describeSchedule(s)}`).join('\n'));
  });

  const encode = withGlobalOptions(
    schedule
      .command('encode')
      .description('write a schedule (the object decode --json prints) as its token; an array gives the tokens concatenated')
      .argument('<schedule>', 'JSON: {"type":"interval","start":"2019-11-19T01:04","daySpan":2,…} or an array of such objects'),
  );
  encode.addHelpText(
    'after',
    `
Fields: type (nonRecurring, interval, weekly, monthlyByWeekday, monthlyByDate), start (local
YYYY-MM-DDTHH:MM, or UTC with "isGmt": true), minuteDuration, hourDuration, dayDuration, and by
type daySpan|hourSpan|minuteSpan, day (1 = Sunday), forNumberOfWeeks, forNumberOfMonths,
weekOrder (0 = last, 1-4), monthDay (0 = last day). A "token" field is ignored.

Examples:
  courier schedule encode '{"type":"interval","start":"2019-11-19T01:04","daySpan":2,"hourDuration":2,"minuteDuration":59}'
  courier schedule encode --json '{"type":"monthlyByWeekday","start":"2026-12-01T03:00","day":6,"weekOrder":0}'   ({token})`,
  );
  encode.action((text: string, _opts: unknown, command: Command) => {
    const schedules = parseScheduleJson(text);
    const token = encodeScheduleTokens(schedules);
    print({ json: jsonWanted(command) }, { token }, () => token);
  });

  const next = withGlobalOptions(
    schedule
      .command('next')
      .description('list the next run times of schedule tokens (several tokens: their runs merged in time order)')
      .argument('<tokens...>', 'tokens, given apart or concatenated')
      .addOption(new Option('--count <n>', 'how many run times, 1-100').argParser(parseWholeNumber).default(5))
      .addOption(new Option('--after <time>', 'list runs after this time (ISO 8601, e.g. 2026-12-02T13:00:00Z) instead of now')),
  );
  next.addHelpText(
    'after',
    `
Local schedules run at the site server's wall-clock time (this machine's time zone), GMT ones at UTC.

Examples:
  courier schedule next 1033BC7B10100010 --count 3
  courier schedule next 02C159C0381A200002C159C0381B2000 --after 2026-12-01T00:00:00Z --json   ([{at, local, tokens}])`,
  );
  next.action((tokens: string[], opts: { count: number; after?: string }, command: Command) => {
    const schedules = decodeOrFail(tokens);
    const request = (() => {
      try {
        return parseOrThrow(scheduleNextSchema, { schedules, count: opts.count, ...(opts.after !== undefined ? { after: opts.after } : {}) });
      } catch (error) {
        throw tokenFailure(error);
      }
    })();
    const runs = scheduleRuns(request, new Date()).runs.map((run) => ({
      at: run.at,
      local: localText(new Date(run.at)),
      tokens: run.schedules.map((index) => schedules[index]?.token ?? ''),
    }));
    print({ json: jsonWanted(command) }, runs, () =>
      runs.length === 0
        ? 'No run after that time.'
        : runs.map((run) => `${weekdays[new Date(run.at).getDay()] ?? ''} ${run.local.replace('T', ' ')} local  (${run.at.slice(0, 16)}Z)${tokens.length > 1 || schedules.length > 1 ? `  ${run.tokens.join(' ')}` : ''}`).join('\n'),
    );
  });
}
