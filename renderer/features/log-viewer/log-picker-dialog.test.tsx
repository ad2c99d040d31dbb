import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { LogPickerDialog } from './log-picker-dialog';

afterEach(() => vi.restoreAllMocks());

const modified = '2026-12-03T10:00:00.000Z';

describe('System Status › Log Viewer…', () => {
  it("lists the site's logs and opens the ones picked, merged, in the log viewer page", async () => {
    const opened: string[] = [];
    vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return null;
    });
    const courier = fakeCourier({
      'logs:list': async () => ({
        ok: true,
        value: {
          logs: [
            { name: 'distmgr.log', size: 4096, modified, component: 'SMS_DISTRIBUTION_MANAGER', rotated: { name: 'distmgr.lo_', size: 2_097_000, modified } },
            { name: 'smsprov.log', size: 100, modified, component: 'SMS_PROVIDER', rotated: null },
          ],
        },
      }),
    });
    const onClose = vi.fn();
    const onStatus = vi.fn();
    renderWithCourier(<LogPickerDialog onClose={onClose} onStatus={onStatus} />, courier);
    const distmgr = await screen.findByRole('checkbox', { name: /distmgr\.log.*SMS_DISTRIBUTION_MANAGER.*older lines in distmgr\.lo_/ });
    expect(screen.getByRole('button', { name: 'Open' })).toHaveProperty('disabled', true);
    await userEvent.click(distmgr);
    await userEvent.click(screen.getByRole('checkbox', { name: /smsprov\.log/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(opened).toEqual(['log-viewer.html?log=distmgr.log&log=smsprov.log']);
    expect(onClose).toHaveBeenCalled();
    expect(onStatus).toHaveBeenCalledWith('Opened distmgr.log, smsprov.log in the Log Viewer.');
  });

  it('says why the logs cannot be listed', async () => {
    const courier = fakeCourier({ 'logs:list': async () => ({ ok: false, error: { code: 'SOURCE_UNREADABLE', message: "Courier cannot list the site's logs folder (EACCES)." } }) });
    renderWithCourier(<LogPickerDialog onClose={() => undefined} onStatus={() => undefined} />, courier);
    await waitFor(() => expect(screen.getByText(/cannot list the site's logs folder/)).toBeTruthy());
  });
});
