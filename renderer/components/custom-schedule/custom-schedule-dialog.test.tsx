import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CourierClient, Schedule } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { formatDateTime } from '../date-time';
import { CustomScheduleDialog } from './custom-schedule-dialog';
import type { RecurrencePattern } from './schedule-form';

// 02C159C0381A2000 (Convert-CMSchedule's example): Mondays at 22:00 from 2009-05-01, for 7 hours.
const mondays: Schedule = { token: '02C159C0381A2000', type: 'weekly', start: '2009-05-01T22:00', isGmt: false, minuteDuration: 0, hourDuration: 7, dayDuration: 0, day: 2, forNumberOfWeeks: 1 };

const times = ['2026-12-07T21:00:00.000Z', '2026-12-14T21:00:00.000Z', '2026-12-21T21:00:00.000Z', '2026-12-28T21:00:00.000Z', '2027-01-04T21:00:00.000Z'];

function renderDialog(schedule: Schedule = mondays, patterns?: readonly RecurrencePattern[]) {
  const next = vi.fn<CourierClient['schedules:next']>(() => Promise.resolve({ ok: true, value: { runs: times.map((at) => ({ at, schedules: [0] })) } }));
  const onOk = vi.fn<(schedule: Schedule) => void>();
  const onCancel = vi.fn();
  function Host() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button onClick={() => setOpen(true)}>Schedule…</button>
        <CustomScheduleDialog
          open={open}
          schedule={schedule}
          {...(patterns ? { patterns } : {})}
          onOk={(s) => {
            onOk(s);
            setOpen(false);
          }}
          onCancel={() => {
            onCancel();
            setOpen(false);
          }}
        />
      </>
    );
  }
  renderWithCourier(<Host />, fakeCourier({ 'schedules:next': next }));
  return { next, onOk, onCancel };
}

async function open(u: ReturnType<typeof userEvent.setup>) {
  await u.click(screen.getByRole('button', { name: 'Schedule…' }));
  return screen.getByRole('dialog', { name: 'Custom Schedule' });
}

const ok = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'OK' }) as HTMLButtonElement;

describe('Custom Schedule', () => {
  it('shows the schedule it is given and its next five run times from the site server', async () => {
    const u = userEvent.setup();
    const { next } = renderDialog();
    const dialog = await open(u);
    expect((within(dialog).getByRole('radio', { name: 'Weekly' }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByRole('combobox', { name: 'Day of the week' }).textContent).toBe('Monday');
    expect((within(dialog).getByLabelText('Start time') as HTMLInputElement).value).toBe('22:00');
    const list = await within(dialog).findByRole('list', { name: 'Next run times' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(times.map((at) => formatDateTime(at)));
    // The form's schedule: the same one, without the token it was read from.
    const { token: _token, ...asEdited } = mondays;
    expect(next).toHaveBeenLastCalledWith({ schedules: [asEdited], count: 5 });
  });

  it('asks again as the admin changes it, and answers the schedule the form describes, durations kept', async () => {
    const u = userEvent.setup();
    const { next, onOk } = renderDialog();
    const dialog = await open(u);
    await u.click(within(dialog).getByRole('radio', { name: 'Monthly' }));
    await u.click(within(dialog).getByRole('radio', { name: 'Last day of month' }));
    await waitFor(() => expect(next).toHaveBeenLastCalledWith(expect.objectContaining({ schedules: [expect.objectContaining({ type: 'monthlyByDate', monthDay: 0 })] })));
    await u.click(within(dialog).getByRole('radio', { name: 'The' }));
    await u.click(within(dialog).getByRole('combobox', { name: 'Week of the month' }));
    await u.click(screen.getByRole('option', { name: 'Last' }));
    await u.click(within(dialog).getByRole('combobox', { name: 'Weekday of the month' }));
    await u.click(screen.getByRole('option', { name: 'Friday' }));
    await u.click(within(dialog).getByRole('checkbox', { name: 'Coordinated Universal Time (UTC)' }));
    await u.click(ok(dialog));
    expect(onOk).toHaveBeenCalledWith({
      type: 'monthlyByWeekday',
      start: '2009-05-01T22:00',
      isGmt: true,
      minuteDuration: 0,
      hourDuration: 7,
      dayDuration: 0,
      day: 6,
      weekOrder: 0,
      forNumberOfMonths: 1,
    });
  });

  it('keeps OK disabled while the schedule is not one a token can hold, saying why, and asks nothing for it', async () => {
    const u = userEvent.setup();
    const { next, onOk } = renderDialog({ type: 'interval', start: '2026-12-02T10:00', isGmt: false, minuteDuration: 0, hourDuration: 0, dayDuration: 0, daySpan: 0, hourSpan: 3, minuteSpan: 0 }, ['interval']);
    const dialog = await open(u);
    expect(within(dialog).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['interval']);
    await within(dialog).findByRole('list', { name: 'Next run times' });
    const calls = next.mock.calls.length;
    const date = within(dialog).getByDisplayValue('2026-12-02');
    fireEvent.change(date, { target: { value: '2034-01-01' } });
    expect(ok(dialog).disabled).toBe(true);
    expect(within(dialog).getAllByText(/start year must be 1970–2033/).length).toBeGreaterThan(0);
    expect(within(dialog).getByText('None until the schedule is complete.')).toBeTruthy();
    fireEvent.change(date, { target: { value: '2026-12-03' } });
    await waitFor(() => expect(ok(dialog).disabled).toBe(false));
    expect(next.mock.calls.slice(calls).every(([request]) => request.schedules[0]?.start === '2026-12-03T10:00')).toBe(true);
    await u.click(ok(dialog));
    expect(onOk).toHaveBeenCalledWith(expect.objectContaining({ type: 'interval', start: '2026-12-03T10:00', hourSpan: 3 }));
  });

  it('OKs on Enter, cancels on Escape, and gives the focus back to what opened it', async () => {
    const u = userEvent.setup();
    const { onOk, onCancel } = renderDialog();
    const dialog = await open(u);
    await within(dialog).findByRole('list', { name: 'Next run times' });
    await u.type(within(dialog).getByLabelText('Start time'), '{Enter}');
    expect(onOk).toHaveBeenCalledWith(expect.objectContaining({ type: 'weekly', day: 2 }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Schedule…' })));

    expect(within(await open(u)).getByRole('radio', { name: 'Weekly' })).toBeTruthy();
    await u.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Schedule…' })));
    expect(onOk).toHaveBeenCalledTimes(1);
  });

  it('says so when the site server cannot answer', async () => {
    const u = userEvent.setup();
    const { next } = renderDialog();
    next.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: 'The site server is restarting.' } });
    const dialog = await open(u);
    expect(await within(dialog).findByText('The site server is restarting.')).toBeTruthy();
  });
});
