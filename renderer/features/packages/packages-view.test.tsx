import { fireEvent, screen, within } from '@testing-library/react';
import { act } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackageDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { formatDateTime } from '../../components/date-time';
import { renderWithCourier } from '../../console/test-console';
import { testPackage } from '../../shell/test-package';
import { PackagePropertiesDialog } from './package-properties-dialog';
import { PackagesView } from './packages-view';

// jsdom has no layout: give the scroller a height so the virtualizer shows a window of rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
});

// Each test starts from the default column layout, not the sort a test before it clicked.
beforeEach(() => localStorage.clear());

const events = {
  selectedKeys: [],
  onSelectionChange: vi.fn(),
  onOpen: vi.fn(),
  onDelete: vi.fn(),
  onRefresh: vi.fn(),
  onContextMenu: vi.fn(),
};

function showPackages(packages: readonly PackageDto[]) {
  const rendered = renderWithCourier(<PackagesView node={{ kind: 'packages' }} label="Packages" {...events} />);
  act(() => {
    rendered.stores.packages.setState({ list: { status: 'ready', refreshing: false, error: null, items: packages } });
  });
  return rendered;
}

const grid = () => screen.getByRole('grid', { name: 'Packages' });
const bodyRows = () => within(grid()).getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');
const columnIndex = (label: string) =>
  within(grid())
    .getAllByRole('columnheader')
    .findIndex((header) => header.textContent === label);
const cellsOf = (label: string) => bodyRows().map((row) => within(row).getAllByRole('gridcell')[columnIndex(label)]?.textContent);

describe('Packages list', () => {
  it('sorts Package ID as the suite does: A0100001 first, not A01000A0', () => {
    // 2,032 packages as a site numbers them (hex), listed in a shuffled order.
    const packages = Array.from({ length: 2032 }, (_, i) => {
      const packageId = `A01${(i + 1).toString(16).toUpperCase().padStart(5, '0')}`;
      return testPackage(packageId, `Package ${i + 1}`);
    }).sort((a, b) => (a.name.length % 3) - (b.name.length % 3) || b.packageId.localeCompare(a.packageId));
    showPackages(packages);
    fireEvent.click(within(screen.getByRole('columnheader', { name: 'Package ID' })).getByRole('button'));
    expect(cellsOf('Package ID').slice(0, 4)).toEqual(['A0100001', 'A0100002', 'A0100003', 'A0100004']);
    fireEvent.click(within(screen.getByRole('columnheader', { name: 'Package ID' })).getByRole('button'));
    expect(cellsOf('Package ID')[0]).toBe('A01007F0');
  });

  it('selects the first package whose name starts with what the admin types, like a Windows list view', () => {
    const names = ['Contoso Viewer', 'Tailspin Bulk App 0003', 'Tailspin Toys', 'tailspin tools', 'Woodgrove', 'Tailspin Toys 2'];
    showPackages(names.map((name, i) => testPackage(`A010000${i + 1}`, name)));
    const selectedName = () => {
      const keys = events.onSelectionChange.mock.lastCall?.[0] as readonly string[] | undefined;
      return names[Number(keys?.[0]?.slice(-1)) - 1];
    };
    const type = (text: string) => {
      for (const key of text) fireEvent.keyDown(grid(), { key });
    };
    events.onSelectionChange.mockClear();
    // Typed quickly, the characters build one prefix, the space included.
    type('Tailspin');
    expect(selectedName()).toBe('Tailspin Bulk App 0003');
    // In the order shown (by name), "tailspin tools" comes before "Tailspin Toys".
    type(' TO');
    expect(selectedName()).toBe('tailspin tools');
    type('y');
    expect(selectedName()).toBe('Tailspin Toys');
  });

  it('cycles through the packages of one letter, and searches the sorted ID column', () => {
    const names = ['Contoso Viewer', 'Woodgrove', 'Tailspin Toys', 'tailspin tools'];
    showPackages(names.map((name, i) => testPackage(`A01000${['A0', '01', 'B2', '13'][i]}`, name)));
    const selected = () => (events.onSelectionChange.mock.lastCall?.[0] as readonly string[] | undefined)?.[0];
    const now = vi.spyOn(Date, 'now');
    let time = 1_000_000;
    const type = (text: string) => {
      for (const key of text) {
        now.mockReturnValue((time += 100));
        fireEvent.keyDown(grid(), { key });
      }
    };
    // By name: Contoso Viewer, tailspin tools (A0100013), Tailspin Toys (A01000B2), Woodgrove.
    type('t');
    expect(selected()).toBe('A0100013');
    type('t');
    expect(selected()).toBe('A01000B2');
    type('t');
    expect(selected()).toBe('A0100013');
    time += 2000;
    fireEvent.click(within(screen.getByRole('columnheader', { name: 'Package ID' })).getByRole('button'));
    type('a01000a');
    expect(selected()).toBe('A01000A0');
    now.mockRestore();
  });

  it('shows Last Modified in the one date format that Properties shows too', async () => {
    const lastModified = new Date(2026, 11, 1, 20, 20, 9).toISOString();
    const pkg = testPackage('A0100001', 'Office 2007', { lastModified });
    showPackages([pkg]);
    const inList = cellsOf('Last Modified')[0];
    expect(inList).toBe(formatDateTime(lastModified));
    // The short date with its four-digit year, and no seconds.
    expect(inList).toContain('2026');
    expect(inList).not.toContain(':09');

    renderWithCourier(
      <PackagePropertiesDialog packageId="A0100001" onClose={() => undefined} />,
      fakeCourier({ 'packages:get': async () => ({ ok: true, value: pkg }) }),
    );
    const sheet = await screen.findByRole('dialog', { name: 'Office 2007 Properties' });
    expect((within(sheet).getByRole('textbox', { name: 'Last modified' }) as HTMLInputElement).value).toBe(inList);
  });
});
