import { logNameProblem, maxMergedLogs } from '../../../core/api';

/**
 * What the log viewer page is opened on: `log-viewer.html?log=distmgr.log&log=offermgr.log
 * &around=2026-12-03T10:00:00Z&thread=5720`. The Status Message Viewer links a message's log
 * lines this way; the console's Log Viewer opens one log.
 */
export interface LogViewerQuery {
  readonly logs: readonly string[];
  /** Epoch ms of the record to open at; null to open at the end. */
  readonly around: number | null;
  /** The thread whose lines are highlighted. */
  readonly thread: number | null;
  /** What in the address was not usable, said once on the page rather than silently dropped. */
  readonly problems: readonly string[];
}

export function parseLogViewerQuery(search: string): LogViewerQuery {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const logs: string[] = [];
  for (const name of params.getAll('log')) {
    const problem = logNameProblem(name);
    if (problem !== null) problems.push(problem);
    else if (!logs.some((log) => log.toLowerCase() === name.toLowerCase())) logs.push(name);
  }
  if (logs.length > maxMergedLogs) {
    problems.push(`At most ${maxMergedLogs} logs are merged at once; the first ${maxMergedLogs} are shown.`);
    logs.length = maxMergedLogs;
  }
  const aroundText = params.get('around');
  let around: number | null = null;
  if (aroundText !== null && aroundText !== '') {
    // With its offset only: a time without one would mean whichever zone this computer is in.
    const ms = /(?:Z|[+-]\d{2}:\d{2})$/.test(aroundText) ? Date.parse(aroundText) : Number.NaN;
    if (Number.isNaN(ms)) problems.push(`around="${aroundText}" is not an ISO time with its zone (2026-12-03T10:00:00Z).`);
    else around = ms;
  }
  const threadText = params.get('thread');
  let thread: number | null = null;
  if (threadText !== null && threadText !== '') {
    if (/^\d{1,10}$/.test(threadText)) thread = Number(threadText);
    else problems.push(`thread="${threadText}" is not a thread number.`);
  }
  return { logs, around, thread, problems };
}

/** The page's address for these logs, relative to the console's page. */
export function logViewerHref(logs: readonly string[], extra: { readonly around?: string; readonly thread?: number } = {}): string {
  const params = new URLSearchParams();
  for (const log of logs) params.append('log', log);
  if (extra.around !== undefined) params.set('around', extra.around);
  if (extra.thread !== undefined) params.set('thread', String(extra.thread));
  return `log-viewer.html?${params.toString()}`;
}
