import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdvertisementDto, CourierClient, DeploymentPreviewDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { AdvertisementPropertiesDialog } from './advertisement-properties-dialog';

const advertisement: AdvertisementDto = {
  advertisementId: 'A0120000',
  advertisementName: 'Viewer to Sales',
  comment: '',
  packageId: 'A0100001',
  programName: 'Install',
  collectionId: 'A0100010',
  includeSubcollections: true,
  sourceSite: 'A01',
  presentTime: '2026-12-02T07:00',
  presentTimeEnabled: true,
  presentTimeIsGmt: true,
  expirationTime: null,
  expirationTimeEnabled: false,
  expirationTimeIsGmt: false,
  advertFlags: 0x02000000,
  remoteClientFlags: 0x2010,
  timeFlags: 0x0011,
  assignedSchedule: '',
  assignedScheduleEnabled: false,
  assignedScheduleIsGmt: false,
  priority: 2,
  repeatRunBehavior: 'RerunNever',
  mandatoryCountdownMinutes: 0,
  options: {
    asSoonAsPossible: false,
    atLogon: false,
    atLogoff: false,
    wakeOnLan: false,
    ignoreMaintenanceWindows: false,
    allowRestartOutsideMaintenanceWindows: false,
    priority: 'medium',
    rerun: 'never',
    fastNetwork: 'download',
    slowNetwork: 'doNotRun',
    allowFallbackToUnprotectedDps: false,
    allowUsersToRunIndependently: true,
    displayReminders: false,
    onSchedule: false,
    schedulesAreGmt: false,
    mandatory: false,
    otherBits: { advertFlags: 0, remoteClientFlags: 0, timeFlags: 0 },
  },
  createdAt: '2026-12-02T07:00:00.000Z',
  lastModified: '2026-12-02T07:00:00.000Z',
  offerState: 'offered',
  resourceCount: 3,
};

const answer: DeploymentPreviewDto = {
  computedAt: '2026-12-02T08:00:00.000Z',
  advertisementId: 'A0120000',
  packageId: 'A0100001',
  packageName: 'Viewer',
  programName: 'Install',
  sourceVersion: 1,
  sourceFiles: 2,
  sourceBytes: 6234,
  sourceSize: 'copied',
  collection: { collectionId: 'A0100010', name: 'Sales', includeSubcollections: true },
  counts: { members: 3, excludedByPlatform: 1, unreachable: 1, rescuedByFallback: 1 },
  members: [
    { resourceId: 16777217, name: 'PC1', resourceType: 'system', platform: 'Microsoft Windows NT Workstation 6.1 (x64)', excludedBy: null, contentFrom: 'DP01', via: 'siteBoundary' },
    { resourceId: 16777218, name: 'PC2', resourceType: 'system', platform: null, excludedBy: null, contentFrom: null, via: null },
    { resourceId: 16777219, name: 'XP1', resourceType: 'system', platform: 'Microsoft Windows NT Workstation 5.1 (I386)', excludedBy: 'The program runs only on All x64 Windows 7; this client is Win NT 5.1 on I386.', contentFrom: null, via: null },
  ],
  distributionPoints: [
    { name: 'DP01', state: 'has', bytesToSend: 0, sourceVersion: 1, recordState: 'installed' },
    { name: 'DP02', state: 'pending', bytesToSend: 6234, sourceVersion: null, recordState: 'installPending' },
  ],
  availableAt: { time: '2026-12-02T07:00', isGmt: true },
  expiresAt: null,
  mandatoryAt: { time: '2026-12-03T10:00', isGmt: true },
  maintenanceWindows: [{ collectionId: 'A0100011', name: 'Nightly', members: 2, firstRunAt: '2026-12-03T22:00:00.000Z' }],
  notices: ['1 of the 1 members no distribution point reaches would be served if the advertisement allowed fallback to unprotected distribution points.'],
};

/** The value beside a term of the page's facts. */
const fact = (term: string) => screen.getAllByText(term).find((element) => element.tagName === 'DT')?.nextElementSibling?.textContent;

const unread = { ok: false, error: { code: 'INTERNAL', message: 'Not read in this test.' } } as const;
const preview = vi.fn<CourierClient['advertisements:preview']>();

beforeEach(() => {
  preview.mockReset();
});

async function openDryRun() {
  const user = userEvent.setup();
  renderWithCourier(
    <AdvertisementPropertiesDialog advertisementId="A0120000" onClose={() => undefined} />,
    fakeCourier({
      'advertisements:get': () => Promise.resolve({ ok: true, value: advertisement }),
      'programs:list': () => Promise.resolve({ ok: true, value: [] }),
      // The General page's notes; what they say is not this test's.
      'packages:get': () => Promise.resolve(unread),
      'packages:status': () => Promise.resolve(unread),
      'client-agents:get': () => Promise.resolve(unread),
      'advertisements:preview': preview,
    }),
  );
  await screen.findByRole('dialog', { name: 'Viewer to Sales Properties' });
  expect(preview).not.toHaveBeenCalled();
  await user.click(screen.getByRole('tab', { name: 'Dry Run' }));
  return user;
}

describe('Advertisement Properties › Dry Run', () => {
  it('reads the dry run when the tab is opened and shows the counts, DPs with bytes, times, notices and members', async () => {
    preview.mockResolvedValue({ ok: true, value: answer });
    await openDryRun();
    await screen.findByRole('table', { name: 'Members' });
    expect(preview).toHaveBeenCalledWith({ advertisementId: 'A0120000' });
    expect(fact('No distribution point within reach')).toBe('1 (fallback would serve 1)');
    expect(fact('Excluded by platform')).toBe('1');
    expect(fact('Mandatory')).toBe('2026-12-03 10:00 UTC');
    expect(fact('Source')).toBe('Version 1: 2 files, 6.1 KB');
    expect(screen.getByText(answer.notices[0]!)).toBeTruthy();
    expect(fact('Maintenance windows of Nightly')).toMatch(/^2 members: first run at /);

    const dps = within(screen.getByRole('table', { name: 'Distribution points' })).getAllByRole('row').map((row) => row.textContent);
    expect(dps).toEqual(['Distribution pointStateBytes to send', 'DP01Has the package0 bytes', 'DP02On its way6.1 KB']);
    const members = within(screen.getByRole('table', { name: 'Members' })).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(members).toEqual([
      ['PC1', 'System', 'DP01 (site boundary)', ''],
      ['PC2', 'System', 'No distribution point within reach', ''],
      ['XP1', 'System', '—', 'The program runs only on All x64 Windows 7; this client is Win NT 5.1 on I386.'],
    ]);
  });

  it('reads it again on Refresh, and says why when it cannot', async () => {
    preview.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no advertisement A0120000 at this site.', field: 'advertisementId' } });
    const user = await openDryRun();
    expect(await screen.findByText('The dry run could not be worked out: There is no advertisement A0120000 at this site.')).toBeTruthy();
    preview.mockResolvedValueOnce({ ok: true, value: { ...answer, counts: { ...answer.counts, members: 4 } } });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fact('Members')).toBe('4'));
    expect(preview).toHaveBeenCalledTimes(2);
    // The wizard's pages are still there, and leave Dry Run.
    await user.click(screen.getByRole('tab', { name: 'General' }));
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
  });
});
