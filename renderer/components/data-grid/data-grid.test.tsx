import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DataGrid, type DataGridProps } from './data-grid';
import type { DataGridColumn } from './data-grid-types';

interface Item {
  readonly id: string;
  readonly name: string;
  readonly size: number;
}

const columns: readonly DataGridColumn<Item>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 200, value: (r) => r.name },
  { id: 'size', label: 'Size', kind: 'number', width: 80, value: (r) => r.size, align: 'end' },
];

function makeItems(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => ({ id: `id-${i}`, name: `Package ${i + 1}`, size: (i * 7919) % 1000 }));
}

type Handlers = Pick<DataGridProps<Item>, 'onOpen' | 'onDelete' | 'onRefresh' | 'onContextMenu'>;

function Harness(props: { readonly rows: readonly Item[]; readonly multiple?: boolean } & Handlers) {
  const [selected, setSelected] = useState<readonly string[]>([]);
  return (
    <FluentProvider theme={webLightTheme}>
      <div>
        <DataGrid
          {...props}
          label="Packages"
          columns={columns}
          getRowKey={(r) => r.id}
          selectionMode={props.multiple ? 'multiple' : 'single'}
          selectedKeys={selected}
          onSelectionChange={setSelected}
          defaultSort={{ columnId: 'name', direction: 'ascending' }}
          emptyMessage="There are no packages."
        />
      </div>
    </FluentProvider>
  );
}

// jsdom has no layout: give the scroller a real height so the virtualizer computes a window.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 520 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 520 });
});

const bodyRows = (): HTMLElement[] => screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');

describe('DataGrid', () => {
  it('keeps only the visible rows of 10,000 in the DOM', () => {
    render(<Harness rows={makeItems(10_000)} />);
    const grid = screen.getByRole('grid', { name: 'Packages' });
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    const count = bodyRows().length;
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(60);
  });

  it('sorts by a column header, numbers as numbers, and marks aria-sort', () => {
    render(<Harness rows={[{ id: 'a', name: 'A', size: 100 }, { id: 'b', name: 'B', size: 9 }, { id: 'c', name: 'C', size: 20 }]} />);
    const sizeHeader = screen.getByRole('columnheader', { name: 'Size' });
    expect(sizeHeader.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(sizeHeader).getByRole('button'));
    expect(sizeHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(bodyRows().map((r) => r.textContent)).toEqual(['B9', 'C20', 'A100']);
    fireEvent.click(within(sizeHeader).getByRole('button'));
    expect(sizeHeader.getAttribute('aria-sort')).toBe('descending');
    expect(bodyRows().map((r) => r.textContent)).toEqual(['A100', 'C20', 'B9']);
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('none');
  });

  it('moves the selection with the keyboard and opens, deletes and refreshes', () => {
    const onOpen = vi.fn();
    const onDelete = vi.fn();
    const onRefresh = vi.fn();
    render(<Harness rows={makeItems(100)} onOpen={onOpen} onDelete={onDelete} onRefresh={onRefresh} />);
    const grid = screen.getByRole('grid');
    grid.focus();
    const selected = () => screen.getAllByRole('row', { selected: true }).map((r) => r.textContent);
    const opened = () => (onOpen.mock.lastCall?.[0] as Item | undefined)?.name;
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(selected()).toEqual([expect.stringContaining('Package 2')]);
    expect(grid.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('row', { selected: true })[0]?.id);
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(opened()).toBe('Package 1');
    fireEvent.keyDown(grid, { key: 'End' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(opened()).toBe('Package 100');
    fireEvent.keyDown(grid, { key: 'Home' });
    // 520 px of 24 px rows is 21 whole rows; a page moves one less so a row stays in view.
    fireEvent.keyDown(grid, { key: 'PageDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(opened()).toBe('Package 21');
    fireEvent.keyDown(grid, { key: 'PageUp' });
    fireEvent.keyDown(grid, { key: 'Delete' });
    expect(onDelete).toHaveBeenCalledWith([expect.objectContaining({ name: 'Package 1' })]);
    fireEvent.keyDown(grid, { key: 'F5' });
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('selects on right-click and opens the context menu for that row', () => {
    const onContextMenu = vi.fn();
    render(<Harness rows={makeItems(5)} onContextMenu={onContextMenu} />);
    const row = screen.getByRole('row', { name: /Package 3/ });
    fireEvent.contextMenu(within(row).getAllByRole('gridcell')[0]!, { clientX: 40, clientY: 60 });
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(onContextMenu).toHaveBeenCalledWith([expect.objectContaining({ name: 'Package 3' })], { x: 40, y: 60 });
  });

  it('opens the context menu from the keyboard (Shift+F10)', () => {
    const onContextMenu = vi.fn();
    render(<Harness rows={makeItems(5)} onContextMenu={onContextMenu} />);
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'F10', shiftKey: true });
    expect(onContextMenu).toHaveBeenCalledWith([expect.objectContaining({ name: 'Package 1' })], expect.anything());
  });

  it('opens a row on double-click', () => {
    const onOpen = vi.fn();
    render(<Harness rows={makeItems(5)} onOpen={onOpen} />);
    const cell = within(screen.getByRole('row', { name: /Package 4/ })).getAllByRole('gridcell')[0]!;
    fireEvent.click(cell);
    fireEvent.doubleClick(cell);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ name: 'Package 4' }));
  });

  it('selects ranges with Shift and single rows with Ctrl in multi-selection mode', () => {
    render(<Harness rows={makeItems(6)} multiple />);
    const cellOf = (name: string) => within(screen.getByRole('row', { name: new RegExp(`${name}\\b`) })).getAllByRole('gridcell')[0]!;
    fireEvent.click(cellOf('Package 2'));
    fireEvent.click(cellOf('Package 4'), { shiftKey: true });
    fireEvent.click(cellOf('Package 6'), { ctrlKey: true });
    const names = screen.getAllByRole('row', { selected: true }).map((r) => within(r).getAllByRole('gridcell')[0]?.textContent);
    expect(names).toEqual(['Package 2', 'Package 3', 'Package 4', 'Package 6']);
  });

  it('says so when there are no rows', () => {
    render(<Harness rows={[]} />);
    expect(screen.getByText('There are no packages.')).toBeTruthy();
  });
});
