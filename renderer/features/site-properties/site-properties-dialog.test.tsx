import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CourierError, pathMappingSetSchema, type ApiResult, type CourierClient, type PathMappingDto, type SourceRootsDto } from '../../../core/api';
import { fakeCourier, type FakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { testSite } from '../../shell/test-package';
import { SitePropertiesDialog } from './site-properties-dialog';

/** The site's settings as the test's site server holds them. */
let mappings: PathMappingDto[];
let roots: SourceRootsDto;
const set = vi.fn<CourierClient['site:path-mappings:set']>();
const remove = vi.fn<CourierClient['site:path-mappings:remove']>();
const setRoots = vi.fn<CourierClient['site:source-roots:set']>();

const stamp = '2026-12-01T20:00:00.000Z';
const mapping = (uncPrefix: string, localPath: string): PathMappingDto => ({ uncPrefix, localPath, createdAt: stamp, lastModified: stamp });
const refused = (message: string, field?: string): ApiResult<never> => ({ ok: false, error: new CourierError('VALIDATION_FAILED', message, field).toDto() });

beforeEach(() => {
  mappings = [mapping('\\\\fs01\\sources', '/mnt/fs01/sources')];
  roots = { limitBrowsing: false, roots: ['\\\\fs01\\sources'] };
  set.mockReset().mockImplementation(async (input) => {
    // The contract's own checks, then the site server's: a mount point it can see.
    const parsed = pathMappingSetSchema.safeParse(input);
    if (!parsed.success) return refused(parsed.error.issues[0]?.message ?? 'invalid', String(parsed.error.issues[0]?.path[0]));
    const saved = mapping(parsed.data.uncPrefix, parsed.data.localPath);
    mappings = [...mappings.filter((m) => m.uncPrefix !== saved.uncPrefix), saved].sort((a, b) => a.uncPrefix.localeCompare(b.uncPrefix));
    return { ok: true, value: saved };
  });
  remove.mockReset().mockImplementation(async ({ uncPrefix }) => {
    mappings = mappings.filter((m) => m.uncPrefix !== uncPrefix);
    return { ok: true, value: mappings };
  });
  setRoots.mockReset().mockImplementation(async (changes) => {
    roots = { limitBrowsing: changes.limitBrowsing ?? roots.limitBrowsing, roots: changes.roots ?? roots.roots };
    return { ok: true, value: roots };
  });
});

async function renderSheet(platform = 'linux') {
  const onClose = vi.fn();
  const onStatus = vi.fn();
  const courier = fakeCourier({
    'site:info': async () => ({ ok: true, value: { ...testSite, platform } }),
    'site:path-mappings:list': async () => ({ ok: true, value: mappings }),
    'site:path-mappings:set': set,
    'site:path-mappings:remove': remove,
    'site:source-roots:get': async () => ({ ok: true, value: roots }),
    'site:source-roots:set': setRoots,
  });
  const rendered = renderWithCourier(<div />, courier);
  await rendered.stores.site.getState().load();
  rendered.rerender(<SitePropertiesDialog site={rendered.stores.site} onClose={onClose} onStatus={onStatus} />);
  const sheet = await screen.findByRole('dialog', { name: 'A01 - Central Site Properties' });
  await within(sheet).findByRole('textbox', { name: 'Site code' });
  return { sheet, courier, onClose, onStatus };
}

const user = () => userEvent.setup();
const button = (scope: HTMLElement, name: string) => within(scope).getByRole('button', { name }) as HTMLButtonElement;
const rowsOf = (list: HTMLElement) => within(list).getAllByRole('row').slice(1).map((row) => row.textContent);

async function openTab(sheet: HTMLElement, name: string) {
  await user().click(within(sheet).getByRole('tab', { name }));
}

describe('Site Properties › General', () => {
  it('shows the site code, name, server, version and data folder, read-only', async () => {
    const { sheet } = await renderSheet();
    const value = (name: string) => (within(sheet).getByRole('textbox', { name }) as HTMLInputElement);
    expect(value('Site code').value).toBe('A01');
    expect(value('Site name').value).toBe('Central Site');
    expect(value('Site server').value).toBe('SCCM01');
    expect(value('Version').value).toBe('0.1.0');
    expect(value('Data folder').value).toBe('/data');
    expect(value('Site code').readOnly).toBe(true);
    // Nothing changed: OK closes, Apply is off.
    expect(button(sheet, 'Apply').disabled).toBe(true);
  });
});

describe('Site Properties › Path Mappings', () => {
  it('adds a mapping, showing the core’s refusal at its field until the field is edited', async () => {
    const u = user();
    const { sheet, onStatus, onClose } = await renderSheet();
    await openTab(sheet, 'Path Mappings');
    const list = await within(sheet).findByRole('table', { name: 'Path mappings' });
    expect(rowsOf(list)).toEqual(['\\\\fs01\\sources/mnt/fs01/sources']);

    await u.click(button(sheet, 'Add…'));
    const dialog = await screen.findByRole('dialog', { name: 'New Path Mapping' });
    await u.type(within(dialog).getByRole('textbox', { name: /UNC path/ }), '\\\\fs02\\apps');
    await u.type(within(dialog).getByRole('textbox', { name: /Local path/ }), 'mnt/fs02');
    await u.click(button(dialog, 'OK'));
    const local = within(dialog).getByRole('textbox', { name: /Local path/ });
    await waitFor(() => expect(local.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText(/is not an absolute path: it must start with \//)).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: /UNC path/ }).getAttribute('aria-invalid')).not.toBe('true');

    await u.clear(local);
    expect(local.getAttribute('aria-invalid')).not.toBe('true');
    await u.type(local, '/mnt/fs02{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New Path Mapping' })).toBeNull());
    expect(set).toHaveBeenLastCalledWith({ uncPrefix: '\\\\fs02\\apps', localPath: '/mnt/fs02' });
    await waitFor(() => expect(rowsOf(list)).toEqual(['\\\\fs01\\sources/mnt/fs01/sources', '\\\\fs02\\apps/mnt/fs02']));
    expect(onStatus).toHaveBeenCalledWith('Mapped \\\\fs02\\apps to /mnt/fs02.');

    // The focus is back in the sheet, so Escape closes it as in any Windows property sheet.
    await waitFor(() => expect(sheet.contains(document.activeElement)).toBe(true));
    await u.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('edits the local path of the selected mapping, and removes it', async () => {
    const u = user();
    const { sheet } = await renderSheet();
    await openTab(sheet, 'Path Mappings');
    const list = await within(sheet).findByRole('table', { name: 'Path mappings' });
    expect(button(sheet, 'Edit…').disabled).toBe(true);
    await u.click(within(list).getByText('\\\\fs01\\sources'));
    await u.click(button(sheet, 'Edit…'));
    const dialog = await screen.findByRole('dialog', { name: '\\\\fs01\\sources Path Mapping' });
    expect((within(dialog).getByRole('textbox', { name: /UNC path/ }) as HTMLInputElement).readOnly).toBe(true);
    const local = within(dialog).getByRole('textbox', { name: /Local path/ });
    await u.clear(local);
    await u.type(local, '/srv/fs01');
    await u.click(button(dialog, 'OK'));
    await waitFor(() => expect(rowsOf(list)).toEqual(['\\\\fs01\\sources/srv/fs01']));

    await u.click(button(sheet, 'Remove'));
    expect(remove).toHaveBeenCalledWith({ uncPrefix: '\\\\fs01\\sources' });
    await waitFor(() => expect(within(sheet).getByText('No path mappings. Click Add to map a share.')).toBeTruthy());
  });

  it('reads the list again when another console or the CLI changes it', async () => {
    const { sheet, courier } = await renderSheet();
    await openTab(sheet, 'Path Mappings');
    const list = await within(sheet).findByRole('table', { name: 'Path mappings' });
    mappings = [...mappings, mapping('\\\\fs03\\drivers', '/mnt/fs03')];
    (courier as FakeCourier).emit('site:settings-changed', { setting: 'sourceRoots' });
    (courier as FakeCourier).emit('site:settings-changed', { setting: 'pathMappings' });
    await waitFor(() => expect(rowsOf(list)).toHaveLength(2));
  });

  it('says a Windows site server needs none, and shows its refusal at the UNC path', async () => {
    set.mockResolvedValueOnce(refused('This site server runs on Windows and opens UNC paths itself.', 'uncPrefix'));
    const u = user();
    const { sheet } = await renderSheet('win32');
    await openTab(sheet, 'Path Mappings');
    expect(within(sheet).getByText(/runs on Windows and opens UNC paths itself: it needs no path mappings/)).toBeTruthy();
    await u.click(button(sheet, 'Add…'));
    const dialog = await screen.findByRole('dialog', { name: 'New Path Mapping' });
    await u.type(within(dialog).getByRole('textbox', { name: /UNC path/ }), '\\\\fs02\\apps');
    await u.type(within(dialog).getByRole('textbox', { name: /Local path/ }), '/mnt/fs02');
    await u.click(button(dialog, 'OK'));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: /UNC path/ }).getAttribute('aria-invalid')).toBe('true'));
  });
});

describe('Site Properties › Source Roots', () => {
  it('adds a root and limits browsing, and Apply sends only what changed', async () => {
    const u = user();
    const { sheet } = await renderSheet();
    await openTab(sheet, 'Source Roots');
    const list = within(sheet).getByRole('table', { name: 'Source roots' });
    expect(rowsOf(list)).toEqual(['\\\\fs01\\sources']);
    const input = within(sheet).getByRole('textbox', { name: 'New source root' });
    await u.type(input, 'relative/folder{Enter}');
    expect(within(sheet).getByRole('textbox', { name: 'New source root' }).getAttribute('aria-invalid')).toBe('true');
    expect(rowsOf(list)).toHaveLength(1);
    await u.clear(input);
    await u.type(input, '/srv/sources{Enter}');
    expect(rowsOf(list)).toEqual(['\\\\fs01\\sources', '/srv/sources']);
    expect(button(sheet, 'Apply').disabled).toBe(false);
    await u.click(button(sheet, 'Apply'));
    expect(setRoots).toHaveBeenLastCalledWith({ roots: ['\\\\fs01\\sources', '/srv/sources'] });
    await waitFor(() => expect(button(sheet, 'Apply').disabled).toBe(true));

    await u.click(within(sheet).getByRole('checkbox', { name: 'Limit browsing to the source roots' }));
    await u.click(button(sheet, 'Apply'));
    expect(setRoots).toHaveBeenLastCalledWith({ limitBrowsing: true });
  });

  it('will not limit browsing with no roots: the footer and the list say why, and OK stays off', async () => {
    const u = user();
    const { sheet } = await renderSheet();
    await openTab(sheet, 'Source Roots');
    const list = within(sheet).getByRole('table', { name: 'Source roots' });
    await u.click(within(list).getByText('\\\\fs01\\sources'));
    await u.click(button(sheet, 'Remove'));
    await u.click(within(sheet).getByRole('checkbox', { name: 'Limit browsing to the source roots' }));
    const why = 'Add at least one source root before limiting browsing to the source roots.';
    // The list says it, and the footer names the field it is about.
    expect(within(sheet).getAllByText(why)).toHaveLength(1);
    expect(within(sheet).getByRole('status').textContent).toBe(`Source Roots › Source roots: ${why}`);
    expect(button(sheet, 'OK').disabled).toBe(true);
    expect(button(sheet, 'Apply').disabled).toBe(true);
    expect(setRoots).not.toHaveBeenCalled();
  });

  it('shows the core’s refusal of a root at the list', async () => {
    setRoots.mockResolvedValueOnce(refused('A source root is not a folder the site server can reach.', 'roots.1'));
    const u = user();
    const { sheet } = await renderSheet();
    await openTab(sheet, 'Source Roots');
    await u.type(within(sheet).getByRole('textbox', { name: 'New source root' }), '/srv/gone{Enter}');
    await u.click(button(sheet, 'OK'));
    // Once, under the list it is about, and not above the tabs.
    const message = await within(sheet).findByText('A source root is not a folder the site server can reach.');
    expect(message.closest('.fui-Field')?.querySelector('table[aria-label="Source roots"]')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: /Site Properties/ })).toBeTruthy();
  });

  it('shows another console’s change at once, but keeps the admin’s own edits', async () => {
    const u = user();
    const { sheet, courier } = await renderSheet();
    await openTab(sheet, 'Source Roots');
    const list = within(sheet).getByRole('table', { name: 'Source roots' });
    roots = { limitBrowsing: false, roots: ['\\\\fs01\\sources', '/srv/other'] };
    courier.emit('site:settings-changed', { setting: 'sourceRoots' });
    await waitFor(() => expect(rowsOf(list)).toEqual(['\\\\fs01\\sources', '/srv/other']));
    await u.type(within(sheet).getByRole('textbox', { name: 'New source root' }), '/srv/mine{Enter}');
    roots = { limitBrowsing: false, roots: [] };
    courier.emit('site:settings-changed', { setting: 'sourceRoots' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rowsOf(list)).toEqual(['\\\\fs01\\sources', '/srv/other', '/srv/mine']);
  });
});
