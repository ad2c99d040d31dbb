import type { ApiResult, CourierClient, StatusMessageDto, StatusMessagePageDto, StatusMessageQueryInput } from '../../../core/api';
import { settle } from '../../client/settle';
import { headerLine, messageLine } from './message-fields';
import type { TextFormat } from './export-text';
import { queryOf, type ViewerFilter } from './viewer-filter';

/** The most messages one export writes: a file an admin can still open in a spreadsheet. */
export const maxExportedMessages = 100_000;

export interface ExportOutcome {
  readonly text: string;
  readonly count: number;
  /** More matched than `maxExportedMessages`. */
  readonly cut: boolean;
}

/**
 * Every message the filter selects, as CSV or TSV, read 1000 at a time with the cursor: the
 * viewer itself never holds them all. The lines are written as each page comes, so only the
 * text is kept, not the messages.
 */
export async function exportMessages(
  courier: Pick<CourierClient, 'status:messages'>,
  filter: ViewerFilter,
  format: TextFormat,
  now: number,
  onProgress: (count: number) => void,
): Promise<{ ok: true; value: ExportOutcome } | { ok: false; message: string }> {
  const lines: string[] = [headerLine(format)];
  let cursor: string | null = null;
  let count = 0;
  for (;;) {
    const query: StatusMessageQueryInput = { ...queryOf(filter, now, 1000), ...(cursor !== null ? { cursor } : {}) };
    const result: ApiResult<StatusMessagePageDto> = await settle(() => courier['status:messages'](query));
    if (!result.ok) return { ok: false, message: result.error.message };
    const room = maxExportedMessages - count;
    const page: readonly StatusMessageDto[] = result.value.messages.slice(0, room);
    for (const message of page) lines.push(messageLine(message, format));
    count += page.length;
    onProgress(count);
    cursor = result.value.nextCursor;
    if (cursor === null) return { ok: true, value: { text: lines.join(''), count, cut: false } };
    if (count >= maxExportedMessages) return { ok: true, value: { text: lines.join(''), count, cut: true } };
  }
}

/** Hands the text to the browser as a download (Electron asks where to save it). */
export function download(text: string, fileName: string, format: TextFormat): void {
  // A byte order mark, so a spreadsheet opening the CSV reads it as UTF-8.
  const blob = new Blob([format === 'csv' ? '\ufeff' : '', text], { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'text/tab-separated-values;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
