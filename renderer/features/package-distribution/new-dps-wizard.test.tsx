import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CourierClient } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { testPackage } from '../../shell/test-package';
import { NewDpsWizard } from './new-dps-wizard';
import { testDp, testGroup, testPlan } from './test-distribution';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
});

const reader = testPackage('A0100001', 'Reader', { containsSourceFiles: true, sourceDirectory: '/srv/src/reader', sourceVersion: 4 });
const wizard = () => screen.getByRole('dialog', { name: 'New Distribution Points Wizard' });
const button = (name: string) => within(wizard()).getByRole('button', { name });

function site(answers: Partial<CourierClient> = {}) {
  const listed: unknown[] = [];
  const distributed: unknown[] = [];
  const courier = fakeCourier({
    'distribution-points:list': async (request) => {
      listed.push(request);
      return { ok: true, value: [testDp('DP03'), testDp('DP01'), testDp('DP02')] };
    },
    'packages:source-size': async () => ({ ok: true, value: { packageId: 'A0100001', sourceDirectory: '/srv/src/reader', files: 3, bytes: 3072 } }),
    'dp-groups:list': async () => ({ ok: true, value: [testGroup('West', ['DP01', 'DP02', 'DP09']), testGroup('Empty', [])] }),
    'packages:distribute': async (request) => {
      distributed.push(request);
      return { ok: true, value: testPlan({ distributionPoints: ['DP01', 'DP02'], summary: 'Distribution Manager will copy source version 4 of package Reader (A0100001), 3 files (3 KB), to 2 distribution points DP01, DP02: 6 KB in all.' }) };
    },
    ...answers,
  });
  return { courier, listed, distributed };
}

describe('New Distribution Points Wizard', () => {
  it('copies the package to the DPs checked and to a group\'s members, and says what will be transferred', async () => {
    const { courier, listed, distributed } = site();
    const onDistributed = vi.fn();
    renderWithCourier(<NewDpsWizard pkg={reader} onClose={vi.fn()} onDistributed={onDistributed} />, courier);
    expect(within(wizard()).getByText(/copies source version 4 from its source directory/)).toBeTruthy();
    fireEvent.click(button('Next >'));
    const list = await within(wizard()).findByRole('group', { name: 'Distribution points' });
    // Only the DPs without the package are asked for, listed by name.
    expect(listed).toEqual([{ withoutPackage: 'A0100001' }]);
    expect(within(list).getAllByRole('checkbox').map((c) => c.closest('li')?.textContent)).toEqual(['DP01 (A01)', 'DP02 (A01)', 'DP03 (A01)']);
    expect(button('Next >').hasAttribute('disabled') || button('Next >').getAttribute('aria-disabled') === 'true').toBe(true);

    fireEvent.click(button('Select Group…'));
    const browse = await screen.findByRole('dialog', { name: 'Browse Distribution Point Group' });
    const groups = await within(browse).findByRole('grid', { name: 'Distribution point groups' });
    fireEvent.click(within(within(groups).getByRole('row', { name: /West/ })).getAllByRole('gridcell')[0] as HTMLElement);
    expect(within(browse).getByRole('region', { name: 'Members of the group' }).textContent).toContain('DP01, DP02 and DP09');
    fireEvent.click(within(browse).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Browse Distribution Point Group' })).toBeNull());
    const checked = within(list).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked);
    expect(checked.map((c) => c.closest('li')?.textContent)).toEqual(['DP01 (A01)', 'DP02 (A01)']);
    expect(within(wizard()).getByRole('note').textContent).toBe('Selected the 2 members of West that do not have the package: DP01 and DP02. DP09 already has it or is being deleted.');

    fireEvent.click(button('Next >'));
    expect(within(wizard()).getByText(/give package Reader \(A0100001\) 2 distribution points: DP01 and DP02/)).toBeTruthy();
    // The files and bytes are the site server's count, before anything is sent.
    expect((await within(wizard()).findByText(/Distribution Manager will copy source version 4/)).textContent).toBe(
      'Distribution Manager will copy source version 4, 3 files (3 KB) in /srv/src/reader, to each of them: 6 KB in all.',
    );
    expect(distributed).toEqual([]);
    fireEvent.click(button('Next >'));
    await within(wizard()).findByText('The New Distribution Points Wizard completed successfully');
    expect(distributed).toEqual([{ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02'] }]);
    expect(within(wizard()).getByText(/3 files \(3 KB\), to 2 distribution points DP01, DP02: 6 KB in all/)).toBeTruthy();
    expect(onDistributed).toHaveBeenCalledTimes(1);
  });

  it('says a package without source files needs no distribution points, and asks the site nothing', () => {
    const courier = fakeCourier();
    renderWithCourier(<NewDpsWizard pkg={testPackage('A0100002', 'Notepad')} onClose={vi.fn()} />, courier);
    expect(within(wizard()).getByText('This package needs no distribution points.')).toBeTruthy();
    expect(within(wizard()).getByText(/This package contains no source files, so it needs no distribution points\./)).toBeTruthy();
    const next = button('Next >');
    expect(next.hasAttribute('disabled') || next.getAttribute('aria-disabled') === 'true').toBe(true);
  });

  it("shows the site server's refusal on Confirmation, and Previous goes back with the selection kept", async () => {
    const { courier } = site({
      'packages:distribute': async () => ({ ok: false, error: { code: 'CONFLICT', message: 'Package A0100001 was given no new distribution point: DP01 already has the package (installPending).', field: 'distributionPoints' } }),
    });
    renderWithCourier(<NewDpsWizard pkg={reader} onClose={vi.fn()} />, courier);
    fireEvent.click(button('Next >'));
    fireEvent.click(await within(wizard()).findByRole('checkbox', { name: 'DP01 (A01)' }));
    fireEvent.click(button('Summary'));
    fireEvent.click(button('Next >'));
    await within(wizard()).findByText('The New Distribution Points Wizard did not complete');
    expect(within(wizard()).getByRole('alert').textContent).toContain('DP01 already has the package (installPending)');
    fireEvent.click(button('< Previous'));
    expect(within(wizard()).getByText(/1 distribution point: DP01/)).toBeTruthy();
  });

  it('shows a group named with markup as text, and a failed read of the DPs with a Retry that reads again', async () => {
    let fail = true;
    const { courier } = site({
      'distribution-points:list': async () =>
        fail ? { ok: false, error: { code: 'INTERNAL', message: 'The site database is locked.' } } : { ok: true, value: [testDp('DP01')] },
      'dp-groups:list': async () => ({ ok: true, value: [testGroup('<img src=x onerror=alert(1)>', ['DP01'])] }),
    });
    renderWithCourier(<NewDpsWizard pkg={reader} onClose={vi.fn()} />, courier);
    fireEvent.click(button('Next >'));
    expect(await within(wizard()).findByText(/The distribution points could not be read: The site database is locked\./)).toBeTruthy();
    fail = false;
    fireEvent.click(button('Retry'));
    await within(wizard()).findByRole('checkbox', { name: 'DP01 (A01)' });
    fireEvent.click(button('Select Group…'));
    const browse = await screen.findByRole('dialog', { name: 'Browse Distribution Point Group' });
    const groups = await within(browse).findByRole('grid', { name: 'Distribution point groups' });
    expect(browse.querySelector('img')).toBeNull();
    fireEvent.click(within(within(groups).getByRole('row', { name: /onerror/ })).getAllByRole('gridcell')[0] as HTMLElement);
    fireEvent.click(within(browse).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(within(wizard()).getByRole('note').textContent).toBe('Selected the member of <img src=x onerror=alert(1)> that does not have the package: DP01.'));
  });

  it('says so when every DP already has the package', async () => {
    const { courier } = site({ 'distribution-points:list': async () => ({ ok: true, value: [] }) });
    renderWithCourier(<NewDpsWizard pkg={reader} onClose={vi.fn()} />, courier);
    fireEvent.click(button('Next >'));
    expect(await within(wizard()).findByText(/Every distribution point of the site already has this package, or is being deleted/)).toBeTruthy();
  });
});
