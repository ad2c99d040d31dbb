import { type Command, Option } from 'commander';
import { resolve } from 'node:path';
import { logFormatChoices, type LogFormatChoice, type LogRecord } from '../formats/logs';
import { fileFailure, jsonWanted, type FileCommandContext } from './pdf-commands';

const typeWidth = 'warning'.length;
const componentWidth = 'SMS_DISTRIBUTION_MANAGER'.length;
const timeWidth = '2008-06-13T22:36:47.610Z'.length;
const threadWidth = 6;
const textColumn = timeWidth + typeWidth + componentWidth + threadWidth + 4 * 2;

/** A log is anyone's text: escape sequences in it must not drive the terminal it is printed on. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is made visible
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replaceAll('\t', ' ');
}

function header(): string {
  const cells = ['Time'.padEnd(timeWidth), 'Type'.padEnd(typeWidth), 'Component'.padEnd(componentWidth), 'Thread'.padStart(threadWidth), 'Text'];
  return `${cells.join('  ')}\n${cells.map((cell) => '-'.repeat(cell.length)).join('  ')}\n`;
}

/** One record as a row; the lines of a text after its first are indented to the Text column. */
export function formatLogRow(record: LogRecord): string {
  const lines = printable(record.text).split('\n');
  const cells = [
    (record.time ?? '').padEnd(timeWidth),
    record.type.padEnd(typeWidth),
    printable(record.component ?? '').padEnd(componentWidth),
    (record.thread === null ? '' : String(record.thread)).padStart(threadWidth),
    lines[0] ?? '',
  ];
  return [cells.join('  ').trimEnd(), ...lines.slice(1).map((line) => `${' '.repeat(textColumn)}${line}`.trimEnd())].join('\n') + '\n';
}

/** The records as `JSON.stringify(records, null, 2)` would print the whole array, written as they are read. */
function jsonRows(record: LogRecord, first: boolean): string {
  const body = JSON.stringify(record, null, 2).replace(/\n/gu, '\n  ');
  return `${first ? '[\n' : ',\n'}  ${body}`;
}

/** `courier log parse FILE`: the records of a site or client log. */
export function registerLogCommands(root: Command, { io, withGlobalOptions }: FileCommandContext): void {
  const log = root.command('log').description('read site and client logs (SMS trace, CMTrace)').helpCommand(false);
  const parse = withGlobalOptions(
    log
      .command('parse')
      .description('show the records of a log: time (UTC), type, component, thread and text')
      .argument('<file>', 'a log file (distmgr.log, execmgr.log, a rotated .lo_ …)')
      .addOption(new Option('--format <format>', 'the log format; auto reads both, record by record').choices(logFormatChoices).default('auto')),
  );
  parse.addHelpText(
    'after',
    `
Examples:
  courier log parse SMS/Logs/distmgr.log
  courier log parse CCM/Logs/execmgr.log --json     ([{text, component, time, thread, type, format, line}])
  TZ=America/Los_Angeles courier log parse old-sms20.log --format sms

A time with a zone (a bias such as +420, or a zone name) is given in UTC; one without (SMS 1.2's
dates) is read in this computer's time zone, so TZ chooses it. A line that fits no format is a
record without component, time or thread. The file is read as it is parsed, never whole.`,
  );
  parse.action(async (file: string, opts: { format: LogFormatChoice }, command: Command) => {
    const json = jsonWanted(command);
    const { readLogFile } = await import('../content/log-file');
    const path = resolve(io.cwd, file);
    let count = 0;
    try {
      for await (const records of readLogFile(path, { format: opts.format })) {
        if (count === 0 && !json) io.out(header());
        io.out(records.map((record, index) => (json ? jsonRows(record, count + index === 0) : formatLogRow(record))).join(''));
        count += records.length;
        // A reader that stopped (`| head`) ends the reading; a slow one holds it back.
        if (io.drained && !(await io.drained())) return;
      }
    } catch (error) {
      throw fileFailure(error);
    }
    if (json) io.out(count === 0 ? '[]\n' : '\n]\n');
    else if (count === 0) io.out('The log holds no records.\n');
  });
}
