import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BuiltInDefinitionDto, DefinitionPreviewDto, DefinitionSource } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { testServerFolders } from '../../components/server-browser/test-server-folders';
import { renderWithCourier } from '../../console/test-console';
import { DefinitionPage } from './definition-page';

beforeAll(() => {
  // jsdom has no layout: give the lists' scrollers a height so the virtualizer shows rows.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 300 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 300 });
});

function preview(warnings: readonly string[]): DefinitionPreviewDto {
  return {
    format: '2.0',
    package: { name: 'Vendor App', version: '3.1', publisher: 'Vendor', language: 'EN', comment: 'c'.repeat(127), containsNoFiles: false },
    programs: [{ name: 'Install', commandLine: 'setup.exe /s' }],
    msi: null,
    suggestedSourceDirectory: '',
    notes: [],
    warnings,
  };
}

function renderPage(warnings: readonly string[]) {
  const source = { kind: 'file', path: '/srv/defs/vendor.sms' } as const;
  renderWithCourier(
    <DefinitionPage
      list={{ status: 'ready', definitions: [] }}
      read={{ kind: 'read', source, preview: preview(warnings) }}
      path={source.path}
      onPathChange={() => undefined}
      onChoose={() => undefined}
      serverIssue={null}
    />,
  );
}

describe('Package Definition page', () => {
  it('shows what a definition had cut, each in plain words, above the details', () => {
    renderPage(['[Package Definition] Comment (line 9): 197 characters; Courier keeps the first 127']);
    const list = screen.getByRole('list', { name: 'Warnings' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Line 9, in the [Package Definition] section: Comment: 197 characters; Courier keeps the first 127.',
    ]);
    expect(screen.getByText('Some values are longer than a package keeps; they will be imported cut.')).toBeTruthy();
    // The definition can still be used: no problem is shown.
    expect(screen.queryByRole('list', { name: 'Problems' })).toBeNull();
  });

  it('shows no warning for a definition that fits', () => {
    renderPage([]);
    expect(screen.queryByRole('list', { name: 'Warnings' })).toBeNull();
  });
});

/** The two definitions Courier ships (assets/package-definitions), as definitions:list gives them. */
const builtIn: readonly BuiltInDefinitionDto[] = [
  { id: 'courier-client-agent-sms1x.pdf', fileName: 'courier-client-agent-sms1x.pdf', format: '1.0', name: 'Courier Client Agent', version: '0.1', publisher: '', language: '', programCount: 2 },
  { id: 'courier-client-agent.sms', fileName: 'courier-client-agent.sms', format: '2.0', name: 'Courier Client Agent', version: '0.1', publisher: 'Courier Project', language: 'ALL', programCount: 2 },
];

function Page({ onChoose }: { readonly onChoose: (source: DefinitionSource, reread?: boolean) => void }) {
  const [path, setPath] = useState('');
  return (
    <DefinitionPage list={{ status: 'ready', definitions: builtIn }} read={{ kind: 'none' }} path={path} onPathChange={setPath} onChoose={onChoose} serverIssue={null} />
  );
}

describe('Package Definition page: the built-in definitions and Browse', () => {
  it('tells the two built-in definitions of one product apart by format and file (both read "Courier Client Agent 0.1")', () => {
    renderWithCourier(<Page onChoose={() => undefined} />);
    const grid = screen.getByRole('grid', { name: 'Package definition' });
    const rows = within(grid)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('gridcell').map((cell) => cell.textContent));
    expect(rows.map((cells) => cells.slice(0, 4))).toEqual([
      ['Courier Client Agent', '0.1', 'SMS 1.x', 'courier-client-agent-sms1x.pdf'],
      ['Courier Client Agent', '0.1', 'SMS 2.0', 'courier-client-agent.sms'],
    ]);
  });

  it('Browse… opens the Open dialog on the site server files, and picking a file reads it (it opened Browse for Folder and put the folder in the file field)', async () => {
    const onChoose = vi.fn();
    const modified = '2026-01-01T00:00:00.000Z';
    const server = testServerFolders(
      { '/srv/defs': { files: [{ name: 'viewer.sms', size: 900, modified }, { name: 'viewer.msi', size: 9000, modified }, { name: 'notes.txt', size: 9, modified }] } },
      { roots: ['/srv/defs'] },
    );
    renderWithCourier(<Page onChoose={onChoose} />, fakeCourier(server.answers));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Browse…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open Package Definition File' });
    expect(within(dialog).getByRole('combobox', { name: 'Files of type:' }).textContent).toContain('Package definitions and Windows Installer packages (*.sms; *.pdf; *.msi)');
    await user.dblClick(await within(dialog).findByRole('row', { name: /^\/srv\/defs/ }));
    await user.dblClick(await within(dialog).findByRole('row', { name: /^viewer\.sms/ }));
    expect(within(dialog).queryByRole('row', { name: /^notes\.txt/ })).toBeNull();
    expect(onChoose).toHaveBeenCalledWith({ kind: 'file', path: '/srv/defs/viewer.sms' }, true);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Open Package Definition File' })).toBeNull());
    expect((screen.getByRole('textbox', { name: 'File on the site server' }) as HTMLInputElement).value).toBe('/srv/defs/viewer.sms');
  });
});
