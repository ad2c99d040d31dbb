import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, MpClientDto, MpSettingsDto, MpStatusDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole } from '../../console/test-console';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { emptySiteAnswers } from '../../shell/test-package';
import { createManagementPointStore } from './management-point-store';
import { actionApplies, clientsFor, confirmationSentences, outcomeSentence } from './mp-client-actions';
import { mpIssues, mpProperties } from './mp-properties-model';
import { mpStateText } from './mp-role';

const stamp = '2026-12-03T09:00:00.000Z';

function client(resourceId: number, name: string, approval: MpClientDto['approval'], extra: Partial<MpClientDto> = {}): MpClientDto {
  return { resourceId, name, smsUniqueIdentifier: `GUID:${resourceId}`, approval, registeredAt: stamp, lastContactAt: stamp, ipAddresses: ['10.1.2.3'], secretReset: false, ...extra };
}

const settings: MpSettingsDto = { address: '127.0.0.1', port: 8580, certificateFile: null, keyFile: null, approval: 'manual', lastModified: stamp };

function status(extra: Partial<MpStatusDto> = {}): MpStatusDto {
  return {
    running: true,
    url: 'http://127.0.0.1:8580/ccm/v1/',
    port: 8580,
    startedAt: stamp,
    error: null,
    lastRequestAt: null,
    clients: { total: 3, approved: 1, pending: 1, blocked: 1 },
    refused: { uploads: 0, messages: 0, recent: [] },
    ...extra,
  };
}

describe('what each client action does', () => {
  const pending = client(16777220, 'PC0001', 'pending');
  const approved = client(16777221, 'PC0002', 'approved');
  const blocked = client(16777222, 'PC0003', 'blocked', { secretReset: true });

  it('applies only where the core would change something', () => {
    expect(['approve', 'block', 'unblock', 'reset'].map((a) => [pending, approved, blocked].map((c) => actionApplies(a as never, c)))).toEqual([
      [true, false, false],
      [true, true, false],
      [false, false, true],
      [true, true, false],
    ]);
    expect(clientsFor('block', [pending, approved, blocked]).map((c) => c.name)).toEqual(['PC0001', 'PC0002']);
  });

  it('says what Block and Reset do before they are confirmed, and what was done after', () => {
    expect(confirmationSentences('block', [pending]).question).toBe('Block PC0001?');
    expect(confirmationSentences('block', [pending, approved]).effect).toContain('403 BLOCKED until you unblock them');
    expect(confirmationSentences('reset', [approved, blocked, pending]).question).toBe('Reset the secret of 3 clients?');
    expect(confirmationSentences('reset', [approved]).effect).toContain('It keeps its approval.');
    expect(outcomeSentence('approve', { done: [pending], error: 'PC0003: PC0003 is blocked; unblock it first.' })).toBe('Approved PC0001. PC0003: PC0003 is blocked; unblock it first.');
  });
});

describe('Management Point Properties rules', () => {
  const draft = mpProperties.reducer({ kind: 'loading' }, { type: 'loaded', saved: settings });
  if (draft.kind !== 'ready') throw new Error('not ready');

  it("refuses with the contract's own messages, at the field", () => {
    expect(mpIssues({ ...draft.draft, address: 'mp.contoso.com', port: '70000' })).toEqual({
      address: 'The address must be an IP address, such as 127.0.0.1, 0.0.0.0 or ::1.',
      port: 'The port is 0 (any free one) to 65535.',
    });
    expect(mpIssues({ ...draft.draft, port: 'eighty' }).port).toBe('The port is 0 (any free one) to 65535.');
    expect(mpIssues({ ...draft.draft, certificateFile: '/etc/mp.crt' })).toEqual({ keyFile: 'HTTPS needs both a certificate file and a key file; set both, or clear both for HTTP.' });
    expect(mpIssues({ ...draft.draft, port: '0' })).toEqual({});
  });

  it('sends only what changed, an emptied file as none', () => {
    const edited = mpProperties.reducer(draft, { type: 'edit', changes: { port: '0', approval: 'automatic' } });
    if (edited.kind !== 'ready') throw new Error('not ready');
    expect(mpProperties.pendingChanges(edited)).toEqual({ port: 0, approval: 'automatic' });
    const https = mpProperties.reducer({ kind: 'loading' }, { type: 'loaded', saved: { ...settings, certificateFile: '/a.crt', keyFile: '/a.key' } });
    if (https.kind !== 'ready') throw new Error('not ready');
    const cleared = mpProperties.reducer(https, { type: 'edit', changes: { certificateFile: ' ', keyFile: '' } });
    expect(cleared.kind === 'ready' && mpProperties.pendingChanges(cleared)).toEqual({ certificateFile: null, keyFile: null });
  });

  it("puts the core's refusal at the field it names", () => {
    const failed = mpProperties.reducer(draft, { type: 'saveFailed', error: { code: 'VALIDATION_FAILED', message: 'The key file /k cannot be read on the site server: ENOENT.', field: 'keyFile' } });
    expect(failed.kind === 'ready' && mpProperties.propertiesIssues(failed).keyFile).toBe('The key file /k cannot be read on the site server: ENOENT.');
  });

  it('names the state as the component recorded it', () => {
    expect(mpStateText(status())).toBe('Running');
    expect(mpStateText(status({ running: false, url: null, error: null }))).toBe('Stopped');
    expect(mpStateText(status({ running: false, url: null, error: 'It cannot listen on 127.0.0.1:8580: listen EADDRINUSE' }))).toBe('Error: It cannot listen on 127.0.0.1:8580: listen EADDRINUSE');
  });
});

describe('the management point store', () => {
  it('reads again only what a view has read, and an action shows its answers and stops at a refusal', async () => {
    let statusReads = 0;
    let clientReads = 0;
    const sent: string[] = [];
    const list = [client(1, 'PC0001', 'pending'), client(2, 'PC0002', 'blocked'), client(3, 'PC0003', 'pending')];
    const store = createManagementPointStore({
      status: async () => {
        statusReads++;
        return { ok: true, value: status() };
      },
      listClients: async () => {
        clientReads++;
        return { ok: true, value: list };
      },
      send: async (action, resourceId): Promise<ApiResult<MpClientDto>> => {
        sent.push(`${action} ${resourceId}`);
        if (resourceId === 2) return { ok: false, error: { code: 'CONFLICT', message: 'PC0002 is blocked; unblock it first.', field: 'client' } };
        return { ok: true, value: { ...list.find((c) => c.resourceId === resourceId)!, approval: 'approved' } };
      },
    });
    store.getState().readAgain();
    expect([statusReads, clientReads]).toEqual([0, 0]);
    await store.getState().loadClients();
    store.getState().readAgain();
    await waitFor(() => expect(clientReads).toBe(2));
    expect(statusReads).toBe(0);

    const outcome = await store.getState().act('approve', list);
    expect(sent).toEqual(['approve 1', 'approve 2']);
    expect(outcome.error).toBe('PC0002: PC0002 is blocked; unblock it first.');
    expect(store.getState().clients.items.map((c) => c.approval)).toEqual(['approved', 'blocked', 'pending']);
  });
});

beforeAll(() => {
  // jsdom has no layout; the virtualized tree and list need a viewport.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

describe('the management point in the console', () => {
  let clients: MpClientDto[];
  let current: MpStatusDto;
  let approvals: string[];
  let statusReads: number;

  beforeEach(() => {
    useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/site-settings'] });
    clients = [client(16777220, 'PC0001', 'pending', { ipAddresses: ['10.1.2.3', '10.9.0.1'] }), client(16777221, 'PC0002', 'pending'), client(16777222, 'PC0003', 'approved')];
    current = status();
    approvals = [];
    statusReads = 0;
  });

  function renderShell() {
    const courier = fakeCourier({
      ...emptySiteAnswers,
      'management-point:status': async () => {
        statusReads++;
        return { ok: true, value: current };
      },
      'management-point:get': async () => ({ ok: true, value: settings }),
      'mp-clients:list': async () => ({ ok: true, value: clients }),
      'mp-clients:get': async ({ client: id }) => {
        const found = clients.find((c) => c.resourceId === id);
        if (found === undefined) return { ok: false, error: { code: 'NOT_FOUND', message: `Resource ${String(id)} is not a client of this management point.`, field: 'client' } };
        return {
          ok: true,
          value: {
            ...found,
            domain: 'CONTOSO',
            operatingSystem: 'Microsoft Windows NT Workstation 6.1',
            platform: 'x64',
            ipSubnets: ['10.1.0.0'],
            adSiteName: 'HQ',
            loggedOnUsers: ['CONTOSO\\ann', 'CONTOSO\\bob'],
            clientVersion: '4.00.6487.2000',
            policyVersion: 7,
          },
        };
      },
      'mp-clients:set-approval': async ({ client: id, action }) => {
        approvals.push(`${action} ${String(id)}`);
        const found = clients.find((c) => c.resourceId === id)!;
        const changed = { ...found, approval: action === 'block' ? ('blocked' as const) : ('approved' as const) };
        clients = clients.map((c) => (c.resourceId === id ? changed : c));
        return { ok: true, value: changed };
      },
    });
    return { courier, ...renderConsole(courier) };
  }

  it('shows the role on the site server with its address and state, live, and opens its Properties', async () => {
    const { courier } = renderShell();
    await screen.findByRole('treeitem', { name: 'Site Settings' });
    act(() => useShellStore.getState().select('site/site-settings/site-systems', { reveal: true }));
    const systems = await screen.findByRole('grid', { name: 'Site Systems' });
    expect((await within(systems).findByRole('row', { name: /SCCM01/ })).textContent).toContain('ConfigMgr Management Point');

    act(() => useShellStore.getState().select('site/site-settings/site-systems/SCCM01', { reveal: true }));
    const roles = await screen.findByRole('grid', { name: 'SCCM01' });
    const role = await within(roles).findByRole('row', { name: /ConfigMgr Management Point/ });
    await waitFor(() => expect(role.textContent).toContain('http://127.0.0.1:8580/ccm/v1/'));
    expect(role.textContent).toContain('Running');
    // F5 on the site server reads the management point's state again.
    const before = statusReads;
    fireEvent.keyDown(window, { key: 'F5' });
    await waitFor(() => expect(statusReads).toBe(before + 1));

    // The component could not listen: the row says why, without F5.
    current = status({
      running: false,
      url: null,
      port: null,
      error: 'It cannot listen on 127.0.0.1:8580: listen EADDRINUSE 127.0.0.1:8580',
      refused: {
        uploads: 2,
        messages: 7,
        recent: [{ resourceId: 16777221, client: 'PC0002', reason: 'severity', uploads: 1, messages: 5, lastDetail: 'Message 3 is refused (severity): The severity is error, warning or info.', lastRefusedAt: stamp }],
      },
    });
    act(() => courier.emit('management-point:changed', { change: 'status', resourceId: null }));
    await waitFor(() => expect(within(roles).getByRole('row', { name: /ConfigMgr Management Point/ }).textContent).toContain('Error: It cannot listen'));

    fireEvent.doubleClick(within(roles).getByRole('row', { name: /ConfigMgr Management Point/ }));
    const sheet = await screen.findByRole('dialog', { name: 'ConfigMgr Management Point Properties' });
    expect(await within(sheet).findByRole('radio', { name: /Manually approve each client/ })).toHaveProperty('checked', true);
    fireEvent.click(within(sheet).getByRole('tab', { name: 'Status' }));
    expect(within(sheet).getByText(/listen EADDRINUSE/).textContent).toContain('It cannot listen on 127.0.0.1:8580');
    // Malformed uploads: how many messages went unstored, and the last one's client and reason.
    expect(within(sheet).getByRole('textbox', { name: 'Refused status uploads' })).toHaveProperty('value', '7 messages refused in 2 uploads');
    expect((within(sheet).getByRole('textbox', { name: 'Last refused' }) as HTMLInputElement).value).toMatch(/PC0002 \(severity\): Message 3 is refused/);
    fireEvent.click(within(sheet).getByRole('button', { name: 'Cancel' }));
  });

  it('lists the pending clients, approves two selected at once, and asks before blocking', async () => {
    const { courier } = renderShell();
    await screen.findByRole('treeitem', { name: 'Site Settings' });
    act(() => useShellStore.getState().select('site/site-settings/pending-approval', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Pending Approval' });
    const first = await within(grid).findByRole('row', { name: /PC0001/ });
    expect(first.textContent).toContain('10.1.2.3, 10.9.0.1');
    expect(within(grid).queryByRole('row', { name: /PC0003/ })).toBeNull();

    fireEvent.click(first);
    fireEvent.click(within(grid).getByRole('row', { name: /PC0002/ }), { ctrlKey: true });
    fireEvent.contextMenu(within(grid).getByRole('row', { name: /PC0002/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Approve' }));
    await waitFor(() => expect(approvals).toEqual(['approve 16777220', 'approve 16777221']));
    await waitFor(() => expect(within(grid).queryByRole('row', { name: /PC0001/ })).toBeNull());

    // All shows them approved; a client registered elsewhere shows without F5.
    fireEvent.click(screen.getByRole('radio', { name: /^All/ }));
    expect((await within(grid).findByRole('row', { name: /PC0001/ })).textContent).toContain('Approved');
    clients = [...clients, client(16777223, 'PC0004', 'pending')];
    act(() => courier.emit('management-point:changed', { change: 'client', resourceId: 16777223 }));
    expect(await within(grid).findByRole('row', { name: /PC0004/ })).toBeTruthy();

    fireEvent.click(within(grid).getByRole('row', { name: /PC0003/ }));
    fireEvent.contextMenu(within(grid).getByRole('row', { name: /PC0003/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Block…' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Block Client' });
    expect(confirm.textContent).toContain('Block PC0003?');
    expect(confirm.textContent).toContain('403 BLOCKED');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Block' }));
    await waitFor(() => expect(approvals).toContain('block 16777222'));
    await waitFor(() => expect(within(grid).getByRole('row', { name: /PC0003/ }).textContent).toContain('Blocked'));
  });

  it("opens one client's Properties with Enter, read-only and live, and not for two selected", async () => {
    const { courier } = renderShell();
    await screen.findByRole('treeitem', { name: 'Site Settings' });
    act(() => useShellStore.getState().select('site/site-settings/pending-approval', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Pending Approval' });
    fireEvent.click(await within(grid).findByRole('row', { name: /PC0001/ }));
    fireEvent.keyDown(grid, { key: 'Enter' });
    const sheet = await screen.findByRole('dialog', { name: 'PC0001 Properties' });
    const users = await within(sheet).findByRole('textbox', { name: 'Logged-on users' });
    expect(users).toHaveProperty('value', 'CONTOSO\\ann, CONTOSO\\bob');
    expect(users).toHaveProperty('readOnly', true);
    expect(within(sheet).getByRole('textbox', { name: 'IP addresses' })).toHaveProperty('value', '10.1.2.3, 10.9.0.1');
    expect(within(sheet).getByRole('textbox', { name: 'Active Directory site' })).toHaveProperty('value', 'HQ');
    // Ctrl+Tab shows the next tab, as in a Windows property sheet.
    fireEvent.keyDown(users, { key: 'Tab', ctrlKey: true });
    expect(await within(sheet).findByRole('textbox', { name: 'Approval' })).toHaveProperty('value', 'Pending');
    expect(within(sheet).getByRole('textbox', { name: 'Policy version at the site' })).toHaveProperty('value', '7');
    // Approved in another console: the open sheet follows.
    clients = clients.map((c) => (c.name === 'PC0001' ? { ...c, approval: 'approved' as const } : c));
    act(() => courier.emit('management-point:changed', { change: 'client', resourceId: clients[0]!.resourceId }));
    await waitFor(() => expect(within(sheet).getByRole('textbox', { name: 'Approval' })).toHaveProperty('value', 'Approved'));
    fireEvent.keyDown(within(sheet).getByRole('textbox', { name: 'Approval' }), { key: 'PageUp', ctrlKey: true });
    expect(await within(sheet).findByRole('textbox', { name: 'Logged-on users' })).toBeTruthy();
    fireEvent.click(within(sheet).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'PC0001 Properties' })).toBeNull());

    // Two selected: Properties is there, disabled.
    fireEvent.click(await screen.findByRole('radio', { name: /^All/ }));
    fireEvent.click(await within(grid).findByRole('row', { name: /PC0001/ }));
    fireEvent.click(within(grid).getByRole('row', { name: /PC0002/ }), { ctrlKey: true });
    fireEvent.contextMenu(within(grid).getByRole('row', { name: /PC0002/ }));
    expect((await screen.findByRole('menuitem', { name: 'Properties' })).getAttribute('aria-disabled')).toBe('true');
  });
});
