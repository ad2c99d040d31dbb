import { resolveStatusQuery, type StatusQueryDto, type StatusQueryValues } from '../../../core/api';
import type { ShellApi } from '../../shell/registration';
import { openStatusViewer } from '../status-viewer/open-viewer';
import type { ViewerFilter } from '../status-viewer/viewer-filter';
import type { Period } from '../status-viewer/viewing-period';

/** The viewer's filter for a query with its prompts filled and, for a query with no time, the period chosen. */
export function viewerFilterOf(query: StatusQueryDto, values: StatusQueryValues, period: Period): { ok: true; filter: ViewerFilter } | { ok: false; message: string } {
  const resolved = resolveStatusQuery(query.criteria, values);
  if (!resolved.ok) return { ok: false, message: resolved.message };
  return { ok: true, filter: { ...resolved.filter, ...period } };
}

/** Opens the Status Message Viewer on the query: its filter goes in the viewer's URL, as every Show Messages does. */
export function openQueryInViewer(query: StatusQueryDto, values: StatusQueryValues, period: Period, shell: ShellApi): void {
  const outcome = viewerFilterOf(query, values, period);
  if (!outcome.ok) {
    shell.setStatus(outcome.message);
    return;
  }
  const opened = openStatusViewer(outcome.filter);
  shell.setStatus(opened ? `Opened the Status Message Viewer for "${query.name}".` : 'The browser blocked the Status Message Viewer window: allow pop-ups for this page.');
}

/** After the prompts: Set Viewing Period when the query has no time of its own, else the viewer at once. */
export function continueShowMessages(query: StatusQueryDto, values: StatusQueryValues, shell: ShellApi): void {
  if (query.criteria.time === undefined) shell.openPopup({ kind: 'status-query-viewing-period', query, values });
  else openQueryInViewer(query, values, {}, shell);
}

/** Show Messages on a query: its prompts in a small dialog first, when it has any. */
export function showQueryMessages(query: StatusQueryDto, shell: ShellApi): void {
  if (query.prompts.length > 0) shell.openPopup({ kind: 'status-query-prompts', query });
  else continueShowMessages(query, {}, shell);
}
