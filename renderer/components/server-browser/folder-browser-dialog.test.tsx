import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { FolderBrowserDialog } from './folder-browser-dialog';
import { testServerFolders, type ServerFolder } from './test-server-folders';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
});

const site: Record<string, ServerFolder> = {
  '\\\\fs01\\sources': { folders: ['Office', 'Viewer'] },
  '\\\\fs01\\sources\\Office': { folders: ['2007'] },
  '/': { folders: ['etc', 'srv'] },
  '/srv': { folders: ['sources'] },
  '/srv/sources': {},
};

function renderBrowser(startPath: string, server = testServerFolders(site, { roots: ['\\\\fs01\\sources', '/'] })) {
  const onChoose = vi.fn<(path: string) => void>();
  renderWithCourier(<FolderBrowserDialog open startPath={startPath} onCancel={() => undefined} onChoose={onChoose} />, fakeCourier(server.answers));
  return { onChoose, server };
}

const grid = () => screen.getByRole('grid', { name: 'Folders' });
const names = () =>
  within(grid())
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);
const lookIn = () => (screen.getByRole('textbox', { name: 'Look in:' }) as HTMLInputElement).value;
const folderBox = () => screen.getByRole('textbox', { name: 'Folder:' }) as HTMLInputElement;

describe('Browse for Folder', () => {
  it('starts at the mapped UNC shares and the server root when the field is empty, not at / (it showed / and /proc)', async () => {
    const { server } = renderBrowser('');
    await screen.findByRole('row', { name: '\\\\fs01\\sources' });
    expect(names()).toEqual(['\\\\fs01\\sources', '/ (site server)']);
    expect(lookIn()).toBe('Site server');
    expect(server.asked[0]).toEqual({ channel: 'files:list-folders', path: '' });
    // Nothing chosen yet: OK needs a folder.
    expect((screen.getByRole('button', { name: 'OK' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('starts at the folder in the field, or the nearest one above it that exists', async () => {
    renderBrowser('/srv/sources/new-app');
    await waitFor(() => expect(lookIn()).toBe('/srv/sources'));
    expect(screen.getByText('This folder has no subfolders.')).toBeTruthy();
    await waitFor(() => expect(folderBox().value).toBe('/srv/sources'));
  });

  it('starts at the source roots when the site limits browsing and the field is outside them', async () => {
    const server = testServerFolders(site, { roots: ['\\\\fs01\\sources'], refuse: { '/srv/sources': 'This site limits browsing to its source roots.' } });
    renderBrowser('/srv/sources', server);
    await screen.findByRole('row', { name: '\\\\fs01\\sources' });
    expect(names()).toEqual(['\\\\fs01\\sources']);
    expect(screen.queryByText(/limits browsing/)).toBeNull();
  });

  it('opens folders with Enter, goes up with Backspace, and chooses the selected folder with OK', async () => {
    const { onChoose } = renderBrowser('\\\\fs01\\sources');
    await screen.findByRole('row', { name: 'Office' });
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'Enter' });
    await screen.findByRole('row', { name: '2007' });
    expect(lookIn()).toBe('\\\\fs01\\sources\\Office');
    fireEvent.keyDown(grid(), { key: 'Backspace' });
    await waitFor(() => expect(within(grid()).getByRole('row', { name: 'Office' }).getAttribute('aria-selected')).toBe('true'));
    expect(folderBox().value).toBe('\\\\fs01\\sources\\Office');
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    expect(folderBox().value).toBe('\\\\fs01\\sources\\Viewer');
    await userEvent.setup().click(screen.getByRole('button', { name: 'OK' }));
    expect(onChoose).toHaveBeenCalledWith('\\\\fs01\\sources\\Viewer');
  });
});
