import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { formatDateTime } from '../date-time';
import { FileBrowserDialog, explorerSize, fileType } from './file-browser-dialog';
import { testServerFolders, type ServerFolder } from './test-server-folders';

beforeAll(() => {
  // jsdom has no layout: give the list's scroller a height so the virtualizer shows rows.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
});

const modified = '2026-03-04T05:06:07.000Z';
const site: Record<string, ServerFolder> = {
  '\\\\fs01\\sources': { folders: ['Office', 'Viewer'], files: [{ name: 'readme.txt', size: 10, modified }] },
  '\\\\fs01\\sources\\Viewer': {
    folders: ['old'],
    files: [
      { name: 'viewer.sms', size: 2048, modified },
      { name: 'Viewer.MSI', size: 5_000_000, modified },
      { name: 'notes.txt', size: 1, modified },
    ],
  },
  '\\\\fs01\\sources\\Viewer\\old': { files: [{ name: 'viewer-1.pdf', size: 100, modified }] },
  '/': { folders: ['srv'] },
  '/srv': {},
};

const types = [fileType('Package definition files', ['.sms', '.pdf']), fileType('Windows Installer packages', ['.msi'])];

function renderBrowser(startPath: string, server = testServerFolders(site, { roots: ['\\\\fs01\\sources', '/'] })) {
  const onChoose = vi.fn<(path: string) => void>();
  const onCancel = vi.fn();
  renderWithCourier(<FileBrowserDialog open title="Open Package Definition File" startPath={startPath} fileTypes={types} onCancel={onCancel} onChoose={onChoose} />, fakeCourier(server.answers));
  return { onChoose, onCancel, server, dialog: screen.getByRole('dialog', { name: 'Open Package Definition File' }) };
}

const grid = () => screen.getByRole('grid', { name: 'Folders and files' });
const rowNames = () =>
  within(grid())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('gridcell').map((cell) => cell.textContent));
const row = (name: string) => within(grid()).getByRole('row', { name: new RegExp(`^${name.replace(/[.\\]/g, '\\$&')}`) });

describe('the Open dialog for files on the site server', () => {
  it('opens in the folder given and lists its folders, then its files of the first type, with size, type and date', async () => {
    const { server } = renderBrowser('\\\\fs01\\sources\\Viewer');
    await screen.findByRole('row', { name: /^viewer\.sms/ });
    // The one date format of the console, as the Packages list and Properties show dates.
    const date = formatDateTime(modified);
    expect(rowNames()).toEqual([
      ['old', '', 'File folder', ''],
      ['viewer.sms', '2 KB', 'Package definition file', date],
    ]);
    expect((screen.getByRole('textbox', { name: 'Look in:' }) as HTMLInputElement).value).toBe('\\\\fs01\\sources\\Viewer');
    expect(server.asked).toContainEqual({ channel: 'files:list', path: '\\\\fs01\\sources\\Viewer', extensions: ['.sms', '.pdf'] });
    expect(screen.getByRole('status').textContent).toBe('1 folder, 1 file of this type');

    // Files of type: the .msi, then every file.
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Files of type:' }), 'Windows Installer packages (*.msi)');
    await screen.findByRole('row', { name: /^Viewer\.MSI/ });
    expect(rowNames().map((cells) => cells[0])).toEqual(['old', 'Viewer.MSI']);
    expect(within(row('Viewer.MSI')).getAllByRole('gridcell')[1]?.textContent).toBe('4,883 KB');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Files of type:' }), 'All files (*.*)');
    await screen.findByRole('row', { name: /^notes\.txt/ });
    expect(rowNames().map((cells) => [cells[0], cells[2]])).toEqual([
      ['old', 'File folder'],
      ['viewer.sms', 'Package definition file'],
      ['Viewer.MSI', 'Windows Installer package'],
      ['notes.txt', 'TXT File'],
    ]);
  });

  it('opens a folder with a double-click or Enter, goes back up with Backspace to the folder it came from, and picks a file with Enter', async () => {
    const { onChoose } = renderBrowser('\\\\fs01\\sources\\Viewer');
    const user = userEvent.setup();
    await user.dblClick(await screen.findByRole('row', { name: /^old/ }));
    await screen.findByRole('row', { name: /^viewer-1\.pdf/ });
    expect((screen.getByRole('textbox', { name: 'Look in:' }) as HTMLInputElement).value).toBe('\\\\fs01\\sources\\Viewer\\old');

    fireEvent.keyDown(grid(), { key: 'Backspace' });
    await screen.findByRole('row', { name: /^viewer\.sms/ });
    await waitFor(() => expect(row('old').getAttribute('aria-selected')).toBe('true'));
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    expect(row('viewer.sms').getAttribute('aria-selected')).toBe('true');
    // Selecting a file puts its name in the File name box, as Windows does.
    expect((screen.getByRole('textbox', { name: 'File name:' }) as HTMLInputElement).value).toBe('viewer.sms');
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith('\\\\fs01\\sources\\Viewer\\viewer.sms');
  });

  it('takes a typed name in the folder shown, a typed folder path to open, and names a missing file at the field', async () => {
    const { onChoose } = renderBrowser('\\\\fs01\\sources\\Viewer');
    await screen.findByRole('row', { name: /^viewer\.sms/ });
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'File name:' });

    await user.type(name, '/srv{Enter}');
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Look in:' }) as HTMLInputElement).value).toBe('/srv'));
    expect((name as HTMLInputElement).value).toBe('');

    await user.type(name, 'missing.sms{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('There is no file missing.sms in /srv on the site server. Check the name, or choose All files under Files of type.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await user.clear(name);
    await user.type(name, '*.msi{Enter}');
    expect(screen.getByRole('alert').textContent).toMatch(/choose the kind of file under Files of type/);
    expect(onChoose).not.toHaveBeenCalled();

    // A file of another type, typed whole: the site server is asked what it is, and it is picked.
    await user.clear(name);
    await user.type(name, '\\\\fs01\\sources\\Viewer\\notes.txt{Enter}');
    await waitFor(() => expect(onChoose).toHaveBeenCalledWith('\\\\fs01\\sources\\Viewer\\notes.txt'));
  });

  it('starts at the roots, the mapped UNC shares and the server root, with them down the left', async () => {
    renderBrowser('');
    const places = await screen.findByRole('toolbar', { name: 'Site server roots' });
    await waitFor(() => expect(within(places).getAllByRole('button').map((b) => b.textContent)).toEqual(['\\\\fs01\\sources', '/ (site server)']));
    expect((screen.getByRole('textbox', { name: 'Look in:' }) as HTMLInputElement).value).toBe('Site server');
    expect(rowNames().map((cells) => cells[0])).toEqual(['\\\\fs01\\sources', '/']);
    await userEvent.setup().click(within(places).getByRole('button', { name: '/ (site server)' }));
    await screen.findByRole('row', { name: /^srv/ });
  });

  it('starts at the source roots when the folder in the field is outside them', async () => {
    const server = testServerFolders(site, { roots: ['\\\\fs01\\sources'], refuse: { '/srv': 'This site limits browsing to its source roots.' } });
    renderBrowser('/srv', server);
    await screen.findByRole('row', { name: /^\\\\fs01\\sources/ });
    expect(server.asked.map((a) => a.path)).toEqual(expect.arrayContaining(['/srv', '']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says where a folder cannot be read, and keeps the folder shown', async () => {
    const server = testServerFolders(site, { roots: ['\\\\fs01\\sources', '/'], refuse: { '\\\\fs01\\sources\\Office': 'Courier cannot read \\\\fs01\\sources\\Office: check its permissions.' } });
    renderBrowser('\\\\fs01\\sources', server);
    await userEvent.setup().dblClick(await screen.findByRole('row', { name: /^Office/ }));
    expect(await screen.findByText('Courier cannot read \\\\fs01\\sources\\Office: check its permissions.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Look in:' }) as HTMLInputElement).value).toBe('\\\\fs01\\sources');
  });

  it('sizes files as Explorer does, in kilobytes rounded up', () => {
    expect([0, 1, 1024, 1025, 5_000_000].map(explorerSize)).toEqual(['0 KB', '1 KB', '1 KB', '2 KB', '4,883 KB']);
  });
});
