import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogPageDto, LogRecordDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { LogViewer } from './log-viewer';
import { parseLogViewerQuery } from './log-viewer-query';

beforeAll(() => {
  // jsdom has no layout: give the scroller a height so the virtualizer shows rows.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
});

const record = (n: number, extra: Partial<LogRecordDto> = {}): LogRecordDto => ({
  log: 'distmgr.log',
  text: `line ${n}`,
  component: 'SMS_DISTRIBUTION_MANAGER',
  time: new Date(Date.parse('2026-12-03T10:00:00Z') + n * 1000).toISOString(),
  thread: n % 2 === 0 ? 10 : 11,
  type: 'info',
  format: 'sms',
  line: n,
  ...extra,
});

const page = (records: LogRecordDto[], extra: Partial<LogPageDto> = {}): LogPageDto => ({ records, cursor: `distmgr.log*1*${records.length}*1`, more: false, rotated: [], missing: [], ...extra });

function site(initial: LogRecordDto[]) {
  const pending: LogPageDto[] = [];
  const courier = fakeCourier({
    'logs:tail': async () => ({ ok: true, value: page(initial) }),
    // Without a cursor (opened around a time) the log is read from its start.
    'logs:read': async ({ cursor }) => ({ ok: true, value: cursor === undefined ? page(initial) : (pending.shift() ?? page([])) }),
  });
  return { courier, pending };
}

function show(search: string, courier: ReturnType<typeof fakeCourier>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LogViewer courier={courier.client} query={parseLogViewerQuery(search)} pollMs={5} />
    </FluentProvider>,
  );
}

const rows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1);

describe('the log viewer', () => {
  it('shows the records, typed by colour, and the whole text of the one selected', async () => {
    const { courier } = site([record(1), record(2, { type: 'error', text: 'Failed to copy\nsecond line' }), record(3, { type: 'warning' })]);
    show('?log=distmgr.log', courier);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((row) => row.getAttribute('data-type'))).toEqual(['info', 'error', 'warning']);
    expect(within(rows()[1]!).getAllByRole('gridcell')[0]!.textContent).toBe('Failed to copy …');
    await userEvent.click(rows()[1]!);
    expect(screen.getByLabelText('Record text').textContent).toBe('Failed to copy\nsecond line');
    expect(within(rows()[1]!).getAllByRole('gridcell')[2]!.getAttribute('title')).toBe('2026-12-03T10:00:02.000Z');
  });

  it('filters by text, type and thread', async () => {
    const { courier } = site([record(1), record(2, { type: 'error' }), record(3), record(4)]);
    show('?log=distmgr.log', courier);
    await waitFor(() => expect(rows()).toHaveLength(4));
    await userEvent.type(screen.getByLabelText('Filter text'), 'line 3');
    expect(rows().map((row) => row.textContent)).toEqual([expect.stringContaining('line 3')]);
    await userEvent.clear(screen.getByLabelText('Filter text'));
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'error' } });
    expect(rows()).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: '' } });
    await userEvent.type(screen.getByLabelText('Thread'), '10');
    expect(rows()).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toContain('2 of 4 records');
  });

  it('finds with Ctrl+F and steps with F3 and Shift+F3, highlighting the hits', async () => {
    const { courier } = site([record(1, { text: 'copy A' }), record(2), record(3, { text: 'copy B' })]);
    show('?log=distmgr.log', courier);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText('Find'));
    await userEvent.type(screen.getByLabelText('Find'), 'copy');
    expect(screen.getByRole('grid').querySelectorAll('mark')).toHaveLength(2);
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'F3' });
    expect(rows()[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'F3' });
    expect(rows()[2]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'F3', shiftKey: true });
    expect(rows()[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('follows what is written, and says when the log was rotated', async () => {
    const { courier, pending } = site([record(1)]);
    show('?log=distmgr.log', courier);
    await waitFor(() => expect(rows()).toHaveLength(1));
    pending.push(page([record(2), record(3)]), page([record(1, { text: 'new file line 1' })], { rotated: ['distmgr.log'] }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(await screen.findByText(/distmgr.log was rotated: its earlier lines are in distmgr.lo_/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Follow' })).toHaveProperty('checked', true);
  });

  it('opens around a time, reading the log from its start, with the thread highlighted, not following', async () => {
    const { courier } = site([record(1), record(2), record(3), record(4)]);
    show('?log=distmgr.log&around=2026-12-03T10:00:03.200Z&thread=10', courier);
    await waitFor(() => expect(rows().find((row) => row.getAttribute('aria-selected') === 'true')?.textContent).toContain('line 3'));
    expect(rows().filter((row) => row.getAttribute('data-thread-highlight') === 'true').map((row) => row.textContent)).toEqual([expect.stringContaining('line 2'), expect.stringContaining('line 4')]);
    expect(screen.getByRole('checkbox', { name: 'Follow' })).toHaveProperty('checked', false);
  });

  it('opens a client log from disk through logs:parse-text', async () => {
    const texts: string[] = [];
    const courier = fakeCourier({
      'logs:parse-text': async ({ name, text }) => {
        texts.push(text);
        return { ok: true, value: { records: [record(1, { log: name ?? '', text: 'Execution request', component: 'execmgr', format: 'cmtrace' })], format: 'cmtrace', truncated: false } };
      },
    });
    show('', courier);
    expect(screen.getByText(/Open a log file/)).toBeTruthy();
    const file = new File(['<![LOG[Execution request]LOG]!><time="10:00:00.000+000" date="12-03-2026" component="execmgr" context="" type="1" thread="1" file="">'], 'execmgr.log');
    await userEvent.upload(screen.getByLabelText('Open a log file'), file);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(texts[0]).toContain('Execution request');
    expect(rows()[0]!.textContent).toContain('execmgr');
  });
});
