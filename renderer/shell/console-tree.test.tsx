import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeCourier } from '../client/fake-courier';
import { renderConsole } from '../console/test-console';
import { initialShellState, useShellStore } from './shell-store';
import { listPageOf, testPackage, testSite } from './test-package';

const packagesId = 'site/computer-management/software-distribution/packages';
const longName = 'Tailspin Toys Line-of-Business Suite for Regional Sales Offices 2026 (x64)';
const names = ['Tailspin Bulk App 0001', 'Tailspin Bulk App 0003', 'Tailspin Toys', 'Packaged Viewer', 'Paint', longName];

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

let now = 1_000_000;
beforeEach(() => {
  now = 1_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
  useShellStore.setState({ ...initialShellState, selectedId: packagesId, expanded: ['site', 'site/computer-management', 'site/computer-management/software-distribution', packagesId] });
});
afterEach(() => vi.restoreAllMocks());

async function renderTree() {
  renderConsole(
    fakeCourier({
      'site:info': async () => ({ ok: true, value: testSite }),
      'collections:list': async () => ({ ok: true, value: [] }),
      'distribution-points:list': async () => ({ ok: true, value: [] }),
      'dp-groups:list': async () => ({ ok: true, value: [] }),
      'packages:list-page': async (request) => listPageOf(names.map((name, i) => testPackage(`A010000${i + 1}`, name)), request),
      'programs:list': async () => ({ ok: true, value: [] }),
      'definitions:list': async () => ({ ok: true, value: [] }),
    }),
  );
  const tree = screen.getByRole('tree', { name: 'Console tree' });
  await within(tree).findByRole('treeitem', { name: 'Tailspin Toys' });
  tree.focus();
  return tree;
}

/** Types as an admin does: `gapMs` between keys. */
function type(tree: HTMLElement, text: string, gapMs = 150): void {
  for (const key of text) {
    now += gapMs;
    fireEvent.keyDown(tree, { key });
  }
}

const selected = (tree: HTMLElement) => within(tree).getAllByRole('treeitem').find((item) => item.getAttribute('aria-selected') === 'true')?.textContent;

describe('the console tree’s type-ahead', () => {
  it('matches the whole typed prefix, spaces included ("Tailspin T" landed on "Tailspin Bulk App 0003")', async () => {
    const tree = await renderTree();
    type(tree, 'Tailspin T');
    expect(selected(tree)).toBe('Tailspin Toys');
    now += 2000;
    type(tree, 'tailspin bulk app 0003');
    expect(selected(tree)).toBe('Tailspin Bulk App 0003');
  });

  it('keeps the keys of a search together for about a second, slower typing included', async () => {
    const tree = await renderTree();
    // 800 ms between keys: a search of 700 ms started again at each key.
    type(tree, 'Tailspin T', 800);
    expect(selected(tree)).toBe('Tailspin Toys');
  });

  it('cycles through the nodes starting with a letter typed again and again, and starts a new search after a pause', async () => {
    const tree = await renderTree();
    type(tree, 'p');
    expect(selected(tree)).toBe('Packaged Viewer');
    type(tree, 'p');
    expect(selected(tree)).toBe('Paint');
    now += 1500;
    type(tree, 'Tailspin B');
    expect(selected(tree)).toBe('Tailspin Bulk App 0001');
    // A space that starts nothing is not a search.
    now += 1500;
    fireEvent.keyDown(tree, { key: ' ' });
    expect(selected(tree)).toBe('Tailspin Bulk App 0001');
  });

  it('leaves the selection where it is when nothing matches', async () => {
    const tree = await renderTree();
    type(tree, 'Tailspin');
    expect(selected(tree)).toBe('Tailspin Bulk App 0001');
    type(tree, ' X');
    expect(selected(tree)).toBe('Tailspin Bulk App 0001');
  });
});

describe('long names in the console tree', () => {
  it('makes the content as wide as the widest row, so the pane scrolls sideways to it', async () => {
    const tree = await renderTree();
    const sizer = tree.firstElementChild as HTMLElement;
    // jsdom has no canvas: the label is estimated at 0.55 em a character of the 12 px caption font.
    const labelWidth = longName.length * 12 * 0.55;
    expect(Number.parseFloat(sizer.style.width)).toBeGreaterThan(labelWidth + 4 * 16);
  });

  it('shows the full name in a tooltip over a label that is cut, and none over a label shown whole', async () => {
    // jsdom lays nothing out: a label is as wide as its text at 7 px a character and cut at 200 px.
    const label = (element: HTMLElement) => element.hasAttribute('data-tree-label');
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return label(this) ? (this.textContent ?? '').length * 7 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return label(this) ? Math.min(200, (this.textContent ?? '').length * 7) : 300;
    });
    const tree = await renderTree();
    const long = within(tree).getByRole('treeitem', { name: longName });
    fireEvent.pointerMove(long.querySelector('[data-tree-label]')!, { pointerType: 'mouse' });
    expect(screen.getByRole('tooltip').textContent).toBe(longName);
    fireEvent.pointerMove(within(tree).getByRole('treeitem', { name: 'Paint' }), { pointerType: 'mouse' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.pointerMove(long, { pointerType: 'mouse' });
    expect(screen.getByRole('tooltip')).toBeTruthy();
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
