/**
 * One line of the SMS trace log format that site-server logs (distmgr.log, smsprov.log) use, so
 * the admin's log viewers (SMS Trace, CMTrace) read Courier's logs (docs/formats.md#trace-log-lines):
 * `<text>~  $$<COMPONENT><MM-DD-YYYY HH:MM:SS.mmm+BIAS><thread=<dec> (0x<hex>)>`
 */
export function formatTraceLine(text: string, component: string, at: Date, thread: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  // BIAS is the Windows convention: minutes to add to local time to get UTC.
  const bias = at.getTimezoneOffset();
  const stamp =
    `${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${at.getFullYear()} ` +
    `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}` +
    `${bias >= 0 ? '+' : '-'}${Math.abs(bias)}`;
  const oneLine = text.replace(/\r?\n/g, ' ');
  return `${oneLine}~  $$<${component}><${stamp}><thread=${thread} (0x${thread.toString(16).toUpperCase()})>`;
}
