import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { computerProgramDefaults, packageListItemOf, type AdvertisementDto, type CourierClient, type DeploymentPlanInput, type DeploymentPreviewDto, type DeploymentResultDto, type ProgramDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole, renderWithCourier } from '../../console/test-console';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { listPageOf, testPackage, testSite } from '../../shell/test-package';
import { allSystems, testCollection, testMember } from '../collections/test-collections';
import { testDp } from '../package-distribution/test-distribution';
import { DistributeSoftwareWizard } from './distribute-software-wizard';
import type { DistributeStart } from './distribute-software-reducer';

beforeAll(() => {
  // jsdom has no layout; the virtualized lists need a viewport.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

const api = {
  preview: vi.fn<CourierClient['deployments:preview']>(),
  run: vi.fn<CourierClient['deployments:run']>(),
};

const preview: DeploymentPreviewDto = {
  computedAt: '2026-12-03T09:30:00.000Z',
  advertisementId: null,
  packageId: null,
  packageName: 'Contoso Tool 1.0',
  programName: 'Install',
  sourceVersion: null,
  sourceFiles: 0,
  sourceBytes: 0,
  sourceSize: 'none',
  collection: { collectionId: 'A0100010', name: 'Pilot', includeSubcollections: true },
  counts: { members: 3, excludedByPlatform: 1, unreachable: 2, rescuedByFallback: 1 },
  members: [
    { resourceId: 1, name: 'PC0001', resourceType: 'system', platform: 'x64 Windows 7', excludedBy: null, contentFrom: 'DP01', via: 'siteBoundary' },
    { resourceId: 2, name: 'PC0002', resourceType: 'system', platform: null, excludedBy: null, contentFrom: null, via: null },
    { resourceId: 3, name: 'LAPTOP01', resourceType: 'system', platform: 'x86 Windows XP', excludedBy: 'x86 Windows XP is not a platform the program runs on.', contentFrom: null, via: null },
  ],
  distributionPoints: [
    { name: 'DP01', state: 'adding', bytesToSend: 2_097_152, sourceVersion: null, recordState: null },
    { name: 'DP02', state: 'pending', bytesToSend: null, sourceVersion: null, recordState: 'installPending' },
  ],
  availableAt: { time: '2026-12-03T09:30', isGmt: false },
  expiresAt: null,
  mandatoryAt: null,
  maintenanceWindows: [],
  notices: ['The client agent for software distribution is disabled at this site.'],
};

const made: DeploymentResultDto = {
  ok: true,
  steps: [
    { step: 'package', title: 'Create package "Contoso Tool 1.0"', outcome: 'done', detail: 'Created package A0100003.', id: 'A0100003' },
    { step: 'program', title: 'Create program "Install"', outcome: 'done', detail: 'Created program Install.', id: 'Install' },
    { step: 'distribute', title: 'Copy the package to distribution points', outcome: 'skipped', detail: 'The package has no source files.', id: null },
    { step: 'collection', title: 'Use collection "Pilot"', outcome: 'used', detail: 'Used collection A0100010.', id: 'A0100010' },
    { step: 'advertisement', title: 'Create advertisement "Contoso Tool - Install"', outcome: 'done', detail: 'Created advertisement A0120004.', id: 'A0120004' },
  ],
  packageId: 'A0100003',
  programName: 'Install',
  collectionId: 'A0100010',
  advertisementId: 'A0120004',
  error: null,
};

const typical: ProgramDto = {
  ...computerProgramDefaults,
  kind: 'computer',
  name: 'Typical',
  commandLine: 'setup.exe /q',
  packageId: 'A0100001',
  programFlags: 0,
  diskSpaceReq: 'Unknown',
  dependentProgram: '',
  createdAt: '2026-12-01T09:00:00.000Z',
  lastModified: '2026-12-01T09:00:00.000Z',
};

beforeEach(() => {
  useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/computer-management'] });
  api.preview.mockReset().mockResolvedValue({ ok: true, value: preview });
  api.run.mockReset().mockResolvedValue({ ok: true, value: made });
});

function courierFor() {
  return fakeCourier({
    'deployments:preview': api.preview,
    'deployments:run': api.run,
    'distribution-points:list': async () => ({ ok: true, value: [testDp('DP01'), testDp('DP02')] }),
    'programs:list': async () => ({ ok: true, value: [typical] }),
  });
}

function renderWizard(start: DistributeStart) {
  const onDone = vi.fn();
  const onClose = vi.fn();
  const rendered = renderWithCourier(<DistributeSoftwareWizard start={start} onClose={onClose} onDone={onDone} />, courierFor());
  act(() => rendered.stores.collections.setState({ list: { status: 'ready', items: [testCollection('A0100010', 'Pilot'), allSystems], error: null } as never }));
  return { onDone, onClose, ...rendered };
}

const heading = () => screen.getByRole('heading', { level: 3 }).textContent;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('Distribute Software To Collection Wizard', () => {
  it('makes a new package and program and advertises it to the collection: Summary shows the dry run, the last page each step', async () => {
    const user = userEvent.setup();
    const { onDone } = renderWizard({ from: 'collection', collectionId: 'A0100010' });
    expect(screen.getByRole('dialog', { name: 'Distribute Software To Collection Wizard' })).toBeTruthy();
    expect(heading()).toBe('Welcome');
    expect(screen.getByText(/to the collection Pilot \(A0100010\)/)).toBeTruthy();
    await user.click(button('Next >'));
    expect(heading()).toBe('Package');
    expect((screen.getByRole('radio', { name: 'Create a new package and program without a definition file' }) as HTMLInputElement).checked).toBe(true);
    await user.click(button('Next >'));
    expect(heading()).toBe('Package Identification');
    expect(button('Next >').disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Contoso Tool');
    await user.type(screen.getByRole('textbox', { name: 'Version' }), '1.0');
    // Enter is Next.
    await user.keyboard('{Enter}');
    expect(heading()).toBe('Source Files');
    await user.click(button('Next >'));
    expect(heading()).toBe('Program Identification');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Install');
    await user.type(screen.getByRole('textbox', { name: /^Command line/ }), 'setup.exe /s');
    await user.click(screen.getByRole('checkbox', { name: 'Run with administrative rights' }));
    await user.click(screen.getByRole('checkbox', { name: /User input required/ }));
    await user.click(button('Next >'));
    expect(heading()).toBe('Advertise Program');
    await user.click(button('Next >'));
    expect(heading()).toBe('Advertisement Target');
    expect((screen.getByRole('textbox', { name: 'Existing collection' }) as HTMLInputElement).value).toBe('Pilot (A0100010)');
    await user.click(button('Next >'));
    expect(heading()).toBe('Advertisement Name');
    expect((screen.getByRole('textbox', { name: /^Name/ }) as HTMLInputElement).value).toBe('Contoso Tool - Install');
    await user.click(button('Next >'));
    expect(heading()).toBe('Advertisement Subcollection');
    await user.click(button('Next >'));
    expect(heading()).toBe('Advertisement Schedule');
    await user.click(button('Next >'));
    expect(heading()).toBe('Assign Program');
    await user.click(screen.getByRole('radio', { name: 'Yes. Assign the program' }));
    await user.click(button('Next >'));
    expect(heading()).toBe('Summary');

    const dryRun = await screen.findByRole('region', { name: 'What the site would do' });
    expect(await within(dryRun).findByText('3 members in “Pilot”: PC0001, PC0002, LAPTOP01.')).toBeTruthy();
    expect(within(dryRun).getByText('1: the program’s platform requirements exclude them.')).toBeTruthy();
    expect(within(dryRun).getByText('2; 1 of them would be reached with fallback to unprotected distribution points.')).toBeTruthy();
    expect(within(dryRun).getByText(/^DP01: 2(\.0)? MB to copy; DP02: already on its way \(size not known yet\)$/)).toBeTruthy();
    expect(within(dryRun).getByText('The client agent for software distribution is disabled at this site.')).toBeTruthy();
    expect(screen.getByText(/advertisement’s Properties \(a recurring or event assignment/)).toBeTruthy();
    const plan = api.preview.mock.calls[0]?.[0] as DeploymentPlanInput;
    expect(plan.package).toMatchObject({ kind: 'new', package: { name: 'Contoso Tool', version: '1.0', containsSourceFiles: false } });
    expect(plan.program).toMatchObject({ kind: 'new', program: { name: 'Install', commandLine: 'setup.exe /s', runMode: 'adminRights', allowUserInteraction: true } });
    expect(plan.advertisement).toMatchObject({ target: { kind: 'collection', collectionId: 'A0100010' }, advertisementName: 'Contoso Tool - Install' });
    expect(plan.advertisement?.assignedTime).toBe(plan.advertisement?.presentTime);

    await user.click(within(dryRun).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.preview).toHaveBeenCalledTimes(2));

    await user.click(button('Next >'));
    expect(await screen.findByText('The Distribute Software To Collection Wizard completed successfully')).toBeTruthy();
    expect(api.run).toHaveBeenCalledWith(plan);
    const steps = screen.getByRole('list', { name: 'Steps' });
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Create package "Contoso Tool 1.0": DoneCreated package A0100003.',
      'Create program "Install": DoneCreated program Install.',
      'Copy the package to distribution points: SkippedThe package has no source files.',
      'Use collection "Pilot": UsedUsed collection A0100010.',
      'Create advertisement "Contoso Tool - Install": DoneCreated advertisement A0120004.',
    ]);
    expect(onDone).toHaveBeenCalledWith(made);
    expect(button('< Previous').disabled).toBe(true);
  });

  it('shows a failed dry run without blocking Next', async () => {
    api.preview.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: 'The site database is busy.' } });
    const user = userEvent.setup();
    renderWizard({ from: 'program', packageId: 'A0100001', programName: 'Typical' });
    expect(screen.getByRole('dialog', { name: 'Distribute Software Wizard' })).toBeTruthy();
    await user.click(button('Next >'));
    expect((screen.getByRole('radio', { name: 'Select an existing package' }) as HTMLInputElement).checked).toBe(true);
    await user.click(button('Next >'));
    expect(heading()).toBe('Distribution Points');
    await user.click(await screen.findByRole('checkbox', { name: /^DP02/ }));
    await user.click(button('Next >'));
    expect(heading()).toBe('Program');
    expect(((await screen.findByRole('radio', { name: 'Typical' })) as HTMLInputElement).checked).toBe(true);
    await user.click(button('Next >'));
    await user.click(screen.getByRole('radio', { name: 'No. Do not advertise the program' }));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).not.toContain('Advertisement Target');
    await user.click(button('Next >'));
    expect(heading()).toBe('Summary');
    expect(await screen.findByText(/The site database is busy\. You can still click Next/)).toBeTruthy();
    expect(button('Next >').disabled).toBe(false);
    expect(api.preview.mock.calls[0]?.[0]).toEqual({
      package: { kind: 'existing', packageId: 'A0100001' },
      program: { kind: 'existing', programName: 'Typical' },
      distributionPoints: ['DP02'],
      groups: [],
      advertisement: null,
    });
  });

  it('a failed run: says that nothing was made and why, lists every step’s outcome, and goes back to the Summary page', async () => {
    const failed: DeploymentResultDto = {
      ok: false,
      steps: [
        { step: 'package', title: 'Use package "A0100001"', outcome: 'used', detail: 'Used package A0100001.', id: 'A0100001' },
        { step: 'program', title: 'Use program "Typical"', outcome: 'used', detail: 'Used program Typical.', id: 'Typical' },
        { step: 'distribute', title: 'Copy the package to DP01', outcome: 'undone', detail: 'Rolled back: a later step failed.', id: null },
        { step: 'collection', title: 'Use collection "Pilot"', outcome: 'failed', detail: 'Collection A0100010 was deleted meanwhile.', id: null },
        { step: 'advertisement', title: 'Create advertisement "A0100001 - Typical"', outcome: 'skipped', detail: 'Not run: an earlier step failed.', id: null },
      ],
      packageId: null,
      programName: null,
      collectionId: null,
      advertisementId: null,
      error: { code: 'NOT_FOUND', message: 'Collection A0100010 was deleted meanwhile.', field: 'advertisement.target.collectionId' },
    };
    api.run.mockResolvedValue({ ok: true, value: failed });
    const user = userEvent.setup();
    const { onDone } = renderWizard({ from: 'program', packageId: 'A0100001', programName: 'Typical' });
    await user.click(button('Next >'));
    await user.click(button('Next >'));
    await user.click(await screen.findByRole('checkbox', { name: /^DP01/ }));
    // Every page is valid: Summary goes straight there, with the collection browsed for on the way.
    await user.click(button('Summary'));
    expect(heading()).toBe('Advertisement Target');
    expect(screen.getByText(/Browse for the collection to advertise the program to\./)).toBeTruthy();
    await user.click(button('Browse…'));
    const browse = await screen.findByRole('dialog', { name: 'Browse Collection' });
    await user.click(within(browse).getByRole('row', { name: /Pilot/ }));
    await user.click(within(browse).getByRole('button', { name: 'OK' }));
    await user.click(button('Summary'));
    expect(heading()).toBe('Summary');
    await user.click(button('Next >'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The Distribute Software Wizard did not complete');
    expect(alert.textContent).toContain('Nothing was made: no package, program, distribution, collection or advertisement.');
    expect(alert.textContent).toContain('Collection A0100010 was deleted meanwhile.');
    const steps = screen.getByRole('list', { name: 'Steps' });
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Use package "A0100001": UsedUsed package A0100001.',
      'Use program "Typical": UsedUsed program Typical.',
      'Copy the package to DP01: UndoneRolled back: a later step failed.',
      'Use collection "Pilot": FailedCollection A0100010 was deleted meanwhile.',
      'Create advertisement "A0100001 - Typical": SkippedNot run: an earlier step failed.',
    ]);
    expect(onDone).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(button('Back to the Summary page')));
    await user.click(button('Back to the Summary page'));
    expect(heading()).toBe('Summary');
    expect(button('Next >').disabled).toBe(false);
  });

  it('from a definition: reads it, takes its folder, and names one of the programs it lists', async () => {
    const inspect = vi.fn<CourierClient['definitions:inspect']>().mockResolvedValue({
      ok: true,
      value: {
        format: 'msi',
        package: { name: 'Contoso Reader', version: '4.2', publisher: 'Contoso', language: 'English', comment: '', containsNoFiles: false },
        programs: [
          { name: 'Per-system unattended', commandLine: 'msiexec /i reader.msi /q' },
          { name: 'Per-system uninstall', commandLine: 'msiexec /x reader.msi /q' },
        ],
        msi: null,
        suggestedSourceDirectory: '/srv/apps/reader',
        notes: [],
        warnings: [],
      },
    });
    const courier = fakeCourier({
      'deployments:preview': api.preview,
      'deployments:run': api.run,
      'distribution-points:list': async () => ({ ok: true, value: [testDp('DP01')] }),
      'definitions:list': async () => ({ ok: true, value: [] }),
      'definitions:inspect': inspect,
    });
    const user = userEvent.setup();
    renderWithCourier(<DistributeSoftwareWizard start={{ from: 'collection', collectionId: 'A0100010' }} onClose={() => undefined} />, courier);
    await user.click(button('Next >'));
    await user.click(screen.getByRole('radio', { name: 'Create a new package from a definition' }));
    await user.click(button('Next >'));
    expect(heading()).toBe('Package Definition');
    await user.type(screen.getByRole('textbox', { name: 'File on the site server' }), '/srv/apps/reader/reader.msi');
    await user.click(button('Open'));
    await screen.findByRole('group', { name: 'Package definition details' });
    await user.click(button('Next >'));
    expect(heading()).toBe('Source Files');
    await user.click(button('Next >'));
    expect((screen.getByRole('textbox', { name: 'Source directory' }) as HTMLInputElement).value).toBe('/srv/apps/reader');
    await user.click(button('Next >'));
    expect(heading()).toBe('Distribution Points');
    await user.click(await screen.findByRole('checkbox', { name: /^DP01/ }));
    await user.click(button('Next >'));
    expect(heading()).toBe('Program');
    expect((screen.getByRole('radio', { name: 'Per-system unattended' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Per-system uninstall' }));
    await user.click(button('Next >'));
    await user.click(screen.getByRole('radio', { name: 'No. Do not advertise the program' }));
    await user.click(button('Next >'));
    expect(heading()).toBe('Summary');
    await waitFor(() => expect(api.preview).toHaveBeenCalled());
    expect(api.preview.mock.calls[0]?.[0]).toEqual({
      package: { kind: 'definition', definition: { source: { kind: 'file', path: '/srv/apps/reader/reader.msi' }, sourceFiles: 'direct', sourceDirectory: '/srv/apps/reader' } },
      program: { kind: 'existing', programName: 'Per-system uninstall' },
      distributionPoints: ['DP01'],
      groups: [],
      advertisement: null,
    });
  });

  it('Escape cancels', async () => {
    const user = userEvent.setup();
    const { onClose } = renderWizard({ from: 'collection', collectionId: 'A0100010' });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});

/** Opens the wizard once the console's lists hold what the test puts in them, as when it is started from a row. */
function Later({ start }: { readonly start: DistributeStart }) {
  const [shown, setShown] = useState(false);
  return shown ? <DistributeSoftwareWizard start={start} onClose={() => undefined} /> : <button onClick={() => setShown(true)}>Open</button>;
}

function renderFromLists(start: DistributeStart) {
  const rendered = renderWithCourier(<Later start={start} />, courierFor());
  const ready = <T,>(items: readonly T[]) => ({ status: 'ready' as const, refreshing: false, items, error: null });
  act(() => {
    rendered.stores.packages.setState({ list: ready([packageListItemOf(testPackage('A0100001', 'Office', { version: '2007', publisher: 'Microsoft', containsSourceFiles: false }))]) });
    rendered.stores.collections.setState({ list: ready([testCollection('A0100010', 'Pilot'), allSystems]) });
    rendered.stores.advertisements.setState({
      list: ready([{ advertisementId: 'A0120001', advertisementName: 'Office to Pilot', packageId: 'A0100001', programName: 'Typical', collectionId: 'A0100010' } as AdvertisementDto]),
    });
  });
  fireEvent.click(screen.getByRole('button', { name: 'Open' }));
  return rendered;
}

describe('Distribute Software Wizard from a package or an advertisement', () => {
  it('from a package: the package is picked, and its programs are offered', async () => {
    const user = userEvent.setup();
    renderFromLists({ from: 'package', packageId: 'A0100001' });
    expect(screen.getByRole('dialog', { name: 'Distribute Software Wizard' })).toBeTruthy();
    expect(screen.getByText(/from the package Microsoft Office 2007 \(A0100001\)/)).toBeTruthy();
    await user.click(button('Next >'));
    expect((screen.getByRole('textbox', { name: 'Existing package' }) as HTMLInputElement).value).toBe('Microsoft Office 2007 (A0100001)');
    // No source files: no Distribution Points page.
    await user.click(button('Next >'));
    expect(heading()).toBe('Program');
    expect(button('Next >').disabled).toBe(true);
    await user.click(await screen.findByRole('radio', { name: 'Typical' }));
    await user.click(button('Next >'));
    expect(heading()).toBe('Advertise Program');
    expect(within(screen.getByRole('list', { name: 'Advertisements of this program' })).getByText('Office to Pilot (A0120001) to Pilot (A0100010)')).toBeTruthy();
  });

  it('from an advertisement: its package and program are picked for a new advertisement named after them', async () => {
    const user = userEvent.setup();
    renderFromLists({ from: 'advertisement', advertisementId: 'A0120001' });
    await user.click(button('Next >'));
    await user.click(button('Next >'));
    expect(heading()).toBe('Program');
    expect(((await screen.findByRole('radio', { name: 'Typical' })) as HTMLInputElement).checked).toBe(true);
    await user.click(button('Next >'));
    await user.click(button('Next >'));
    await user.click(button('Browse…'));
    const browse = await screen.findByRole('dialog', { name: 'Browse Collection' });
    await user.click(within(browse).getByRole('row', { name: /All Systems/ }));
    await user.click(within(browse).getByRole('button', { name: 'OK' }));
    await user.click(button('Next >'));
    expect(heading()).toBe('Advertisement Name');
    expect((screen.getByRole('textbox', { name: /^Name/ }) as HTMLInputElement).value).toBe('Office - Typical');
  });
});

describe('Distribute › Software in the console', () => {
  it('on resources picked with Ctrl+click in a collection\'s members: a new collection of them, named after them', async () => {
    const pilot = testCollection('A0100010', 'Pilot', { memberCount: 3 });
    const members = [testMember(16777217, 'PC0001'), testMember(16777218, 'PC0002'), testMember(16777219, 'LAPTOP01')];
    renderConsole(
      fakeCourier({
        'site:info': async () => ({ ok: true, value: testSite }),
        'packages:list-page': async (request) => listPageOf([], request),
        'distribution-points:list': async () => ({ ok: true, value: [] }),
        'dp-groups:list': async () => ({ ok: true, value: [] }),
        'collections:list': async () => ({ ok: true, value: [pilot, allSystems] }),
        'collections:members': async () => ({ ok: true, value: members }),
        'advertisements:list': async () => ({ ok: true, value: [] }),
        'deployments:preview': api.preview,
        'deployments:run': api.run,
      }),
    );
    act(() => useShellStore.getState().select('site/computer-management/collections/A0100010', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Pilot' });
    fireEvent.click(await within(grid).findByRole('row', { name: /PC0001/ }));
    fireEvent.click(within(grid).getByRole('row', { name: /LAPTOP01/ }), { ctrlKey: true });
    fireEvent.contextMenu(within(grid).getByRole('row', { name: /LAPTOP01/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: /Distribute/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: /Software/ }));
    const wizard = await screen.findByRole('dialog', { name: 'Distribute Software To Resource Wizard' });
    expect(wizard.textContent).toContain('This wizard distributes software to LAPTOP01, PC0001, through a new collection of them');
    const rail = within(wizard).getByRole('navigation', { name: 'Wizard pages' });
    expect(within(rail).getByText('New Collection')).toBeTruthy();
    expect(within(rail).getByText('Membership Rules')).toBeTruthy();
  });
});
