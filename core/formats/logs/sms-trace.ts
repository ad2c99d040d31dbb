import { parseTraceStamp, type UnzonedTimes } from './log-times';

export interface TraceLine {
  readonly text: string;
  readonly component: string;
  readonly time: string | null;
  readonly thread: number | null;
}

/**
 * The trailer every SMS trace line ends with: `$$<COMPONENT><DATE><thread=N (0xHEX)>`. Its
 * parts are bounded runs that cannot contain `<` or `>`, so matching is linear in the line.
 */
const trailer = /\$\$<([^<>]{0,256})><([^<>]{0,100})>(?:<thread=(\d{1,10})(?: \(0x[0-9A-Fa-f]{1,8}\))?>)?[ \t]*$/uy;

/**
 * One SMS trace line (`TEXT~  $$<COMPONENT><DATE><thread=N (0xHEX)>`, the `~` optional), or
 * null when the line does not end with the trailer. A date that is none of the three styles
 * leaves the time null and the rest of the record read.
 */
export function parseTraceLine(line: string, unzoned: UnzonedTimes): TraceLine | null {
  const at = line.lastIndexOf('$$<');
  if (at < 0) return null;
  trailer.lastIndex = at;
  const match = trailer.exec(line);
  if (!match) return null;
  const [, component, stamp, thread] = match;
  // The writer puts `~` and spaces between the text and the trailer; trailing spaces before the `~` are the text's own.
  let end = at;
  while (end > 0 && line[end - 1] === ' ') end--;
  if (end > 0 && line[end - 1] === '~') end--;
  return {
    text: line.slice(0, end),
    component: component!.trim(),
    time: parseTraceStamp(stamp!, unzoned),
    thread: thread === undefined ? null : Number(thread),
  };
}
