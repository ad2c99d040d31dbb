import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { promptsOf, statusQueryCriteriaSchema, type StatusQueryCriteriaInput, type StatusQueryDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole, renderWithCourier } from '../../console/test-console';
import type { Popup } from '../../console/popup-kinds';
import type { ShellApi } from '../../shell/registration';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { emptySiteAnswers } from '../../shell/test-package';
import { filterFromSearch } from '../status-viewer/viewer-filter';
import { continueShowMessages, showQueryMessages, viewerFilterOf } from './show-query-messages';
import { StatusQueryDialog } from './status-query-dialog';
import { criteriaOfDraft, draftOfQuery } from './status-query-draft';
import { StatusQueryPromptsDialog } from './status-query-prompts-dialog';

function query(id: string, name: string, criteria: StatusQueryCriteriaInput, builtIn = true): StatusQueryDto {
  const parsed = statusQueryCriteriaSchema.parse(criteria);
  return { id, name, comment: `About ${name}.`, builtIn, criteria: parsed, prompts: promptsOf(parsed), createdAt: null, lastModified: null };
}

const forPackage = query('SMS00002', 'All Status Messages for a Specific Package', { prompts: ['packageId'] });
const errors = query('SMS00008', 'Errors in the Last Day', { severity: 'error', time: { kind: 'last', amount: 1, unit: 'days' } });
const mine = query('A01Q00001', 'DP failures', { component: 'SMS_DISTRIBUTION_MANAGER', messageIds: [2328] }, false);

function recordingShell(): ShellApi & { popups: Popup[]; statuses: string[] } {
  const popups: Popup[] = [];
  const statuses: string[] = [];
  return {
    popups,
    statuses,
    openPopup: (popup) => popups.push(popup),
    setStatus: (text) => statuses.push(text),
    isShown: () => false,
    selectRows: () => undefined,
    rowsDeleted: (_, drop) => drop(),
    renameRow: () => undefined,
    open: () => undefined,
    nodeActions: () => [],
  };
}

describe('Show Messages on a query', () => {
  let opened: string[];
  beforeEach(() => {
    opened = [];
    vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return {} as Window;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('asks the prompts first, then the viewing period for a query with no time, then opens the viewer on the filter', () => {
    const shell = recordingShell();
    showQueryMessages(forPackage, shell);
    expect(shell.popups).toEqual([{ kind: 'status-query-prompts', query: forPackage }]);
    continueShowMessages(forPackage, { packageId: 'A0100001' }, shell);
    expect(shell.popups[1]).toEqual({ kind: 'status-query-viewing-period', query: forPackage, values: { packageId: 'A0100001' } });
    expect(opened).toEqual([]);
  });

  it('opens the viewer at once on a query with its own time, its criteria in the URL the viewer reads', () => {
    const shell = recordingShell();
    showQueryMessages(errors, shell);
    expect(shell.popups).toEqual([]);
    expect(opened).toHaveLength(1);
    const search = (opened[0] as string).split('?')[1] ?? '';
    expect(filterFromSearch(search)).toEqual({ ok: true, value: { severity: 'error', lastHours: 24 } });
    expect(shell.statuses).toEqual(['Opened the Status Message Viewer for "Errors in the Last Day".']);
  });

  it('puts the prompted values and the period into the viewer filter', () => {
    expect(viewerFilterOf(forPackage, { packageId: 'A0100001' }, { lastHours: 48 })).toEqual({ ok: true, filter: { packageId: 'A0100001', lastHours: 48 } });
    expect(viewerFilterOf(mine, {}, { since: '2026-12-01T00:00:00.000Z' })).toEqual({
      ok: true,
      filter: { component: 'SMS_DISTRIBUTION_MANAGER', messageIds: [2328], since: '2026-12-01T00:00:00.000Z' },
    });
    expect(viewerFilterOf(forPackage, {}, {})).toMatchObject({ ok: false, message: expect.stringContaining('packageId') });
  });
});

describe('the prompts dialog', () => {
  it('keeps OK disabled with the reason until each value is one the site takes', async () => {
    const onOk = vi.fn();
    renderWithCourier(<StatusQueryPromptsDialog query={forPackage} onOk={onOk} onCancel={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: 'Status Message Query Prompts' });
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    expect(ok.hasAttribute('disabled') || ok.getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Package ID' }), { target: { value: 'nope' } });
    expect(dialog.textContent).toContain('A package ID is the site code followed by five hex digits');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Package ID' }), { target: { value: 'a0100001' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(onOk).toHaveBeenCalledWith({ packageId: 'A0100001' });
  });
});

describe('the New Query dialog', () => {
  it('turns the draft into criteria the site takes, naming the field of a problem', () => {
    const draft = draftOfQuery(null);
    expect(criteriaOfDraft(draft)).toEqual({ ok: true, criteria: {} });
    expect(criteriaOfDraft({ ...draft, messageIds: '10006, x' })).toMatchObject({ ok: false, field: 'messageIds' });
    expect(criteriaOfDraft({ ...draft, values: { ...draft.values, component: 'a/b' } })).toMatchObject({ ok: false, field: 'component' });
    expect(criteriaOfDraft({ ...draft, text: 'bell\u0007' })).toMatchObject({ ok: false, field: 'text' });
    expect(criteriaOfDraft({ ...draft, timeMode: 'since', since: '2026-12-01T08:00' })).toMatchObject({ ok: false, field: 'time' });
    expect(criteriaOfDraft({ ...draft, prompted: { ...draft.prompted, machine: true }, values: { ...draft.values, machine: 'ignored' }, timeMode: 'prompt' })).toEqual({
      ok: true,
      criteria: { prompts: ['machine'], time: { kind: 'prompt' } },
    });
    expect(draftOfQuery(mine)).toMatchObject({ messageIds: '2328', values: { component: 'SMS_DISTRIBUTION_MANAGER' } });
  });

  it('sends the name, comment and criteria, and shows the site refusal at its field', async () => {
    const sent: unknown[] = [];
    let refuse = true;
    const courier = fakeCourier({
      'status-queries:create': async (request) => {
        sent.push(request);
        if (refuse) return { ok: false, error: { code: 'CONFLICT', message: 'There already is a status message query "Mine".', field: 'name' } };
        return { ok: true, value: query('A01Q00002', 'Mine', { severity: 'error', prompts: ['packageId'] }, false) };
      },
    });
    const onSaved = vi.fn();
    renderWithCourier(<StatusQueryDialog query={null} onClose={() => undefined} onSaved={onSaved} />, courier);
    const dialog = await screen.findByRole('dialog', { name: 'New Status Message Query' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Mine' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Prompt for Package ID' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'The last hours or days' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Number' }), { target: { value: '2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(dialog.textContent).toContain('There already is a status message query "Mine".'));
    expect(sent[0]).toEqual({ name: 'Mine', comment: '', criteria: { prompts: ['packageId'], time: { kind: 'last', amount: 2, unit: 'days' } } });
    refuse = false;
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Mine ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('shows a built-in query read-only, with Close only', async () => {
    renderWithCourier(<StatusQueryDialog query={errors} onClose={() => undefined} onSaved={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: 'Errors in the Last Day Properties' });
    expect(dialog.textContent).toContain('This is a built-in query');
    expect((within(dialog).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).readOnly).toBe(true);
    expect(within(dialog).queryByRole('button', { name: 'OK' })).toBeNull();
  });
});

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

describe('System Status › Status Message Queries in the console', () => {
  beforeEach(() => {
    useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/system-status'] });
  });

  it('lists the queries with Name, Comment and Built-in; a built-in one cannot be deleted, the site\'s own can', async () => {
    let list = [forPackage, errors, mine];
    const courier = fakeCourier({
      ...emptySiteAnswers,
      'status-queries:list': async () => ({ ok: true, value: list }),
      'status-queries:delete': async ({ query: id }) => {
        list = list.filter((q) => q.id !== id);
        return { ok: true, value: list };
      },
    });
    renderConsole(courier);
    await screen.findByRole('treeitem', { name: 'System Status' });
    act(() => useShellStore.getState().select('site/system-status/status-message-queries', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Status Message Queries' });
    const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 3)).toEqual(['Name', 'Comment', 'Built-in']);
    const builtIn = await within(grid).findByRole('row', { name: /Errors in the Last Day/ });
    expect(builtIn.textContent).toContain('Yes');

    fireEvent.contextMenu(within(builtIn).getAllByRole('gridcell')[0] as HTMLElement, { clientX: 10, clientY: 10 });
    let menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Show Messages', 'Delete', 'Properties', 'RefreshF5', 'HelpF1']);
    expect(within(menu).getByRole('menuitem', { name: /Delete/ }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(menu, { key: 'Escape' });

    const own = within(grid).getByRole('row', { name: /DP failures/ });
    expect(own.textContent).toContain('No');
    fireEvent.contextMenu(within(own).getAllByRole('gridcell')[0] as HTMLElement, { clientX: 10, clientY: 10 });
    menu = await screen.findByRole('menu');
    fireEvent.click(within(menu).getByRole('menuitem', { name: /Delete/ }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete Status Message Query' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(grid).queryByRole('row', { name: /DP failures/ })).toBeNull());
  });

  it('shows another console\'s new, changed and deleted queries when status-queries:changed arrives, without Refresh', async () => {
    let list = [forPackage, errors];
    let reads = 0;
    const courier = fakeCourier({
      ...emptySiteAnswers,
      'status-queries:list': async () => {
        reads++;
        return { ok: true, value: list };
      },
    });
    renderConsole(courier);
    await screen.findByRole('treeitem', { name: 'System Status' });
    act(() => useShellStore.getState().select('site/system-status/status-message-queries', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Status Message Queries' });
    await within(grid).findByRole('row', { name: /Errors in the Last Day/ });
    expect(within(grid).queryByRole('row', { name: /DP failures/ })).toBeNull();

    // Made elsewhere (another console, the CLI): the core tells every console.
    list = [forPackage, errors, mine];
    act(() => courier.emit('status-queries:changed', { change: 'created', queryId: mine.id }));
    await within(grid).findByRole('row', { name: /DP failures/ });

    list = [forPackage, errors, { ...mine, name: 'DP copy failures' }];
    act(() => courier.emit('status-queries:changed', { change: 'updated', queryId: mine.id }));
    await within(grid).findByRole('row', { name: /DP copy failures/ });

    // A deletion leaves the list at once, before the list is read again.
    list = [forPackage, errors];
    const before = reads;
    act(() => courier.emit('status-queries:changed', { change: 'deleted', queryId: mine.id }));
    expect(within(grid).queryByRole('row', { name: /DP copy failures/ })).toBeNull();
    await waitFor(() => expect(reads).toBe(before + 1));
    expect(within(grid).getAllByRole('row').filter((row) => /Status Messages|Errors/.test(row.textContent ?? ''))).toHaveLength(2);
  });
});
