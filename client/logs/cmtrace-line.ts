/** CMTrace's severities: 1 information, 2 warning, 3 error. */
export type CmtraceType = 1 | 2 | 3;

/**
 * One line of the CMTrace log format the client's logs (execmgr.log, cas.log, policyagent.log)
 * use. `]LOG]!>` would end the text early and a line break would split the entry, so control
 * characters are written as \xNN and the closing marker is broken up.
 */
export function formatCmtraceLine(text: string, component: string, at: Date, thread: number, type: CmtraceType = 1): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  // The bias is the Windows convention: minutes to add to local time to get UTC.
  const bias = at.getTimezoneOffset();
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}${bias >= 0 ? '+' : '-'}${Math.abs(bias)}`;
  const date = `${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${at.getFullYear()}`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  const safe = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replaceAll(']LOG]!>', ']LOG] !>');
  return `<![LOG[${safe}]LOG]!><time="${time}" date="${date}" component="${component}" context="" type="${type}" thread="${thread}" file="">`;
}
