import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCourier } from '../client/fake-courier';
import { renderConsole } from '../console/test-console';
import { closeGraceMs, exitConsole } from './exit-console';
import { listPageOf, testSite } from './test-package';

afterEach(() => vi.restoreAllMocks());

function renderShell() {
  renderConsole(
    fakeCourier({
      'site:info': async () => ({ ok: true, value: testSite }),
      'collections:list': async () => ({ ok: true, value: [] }),
      'distribution-points:list': async () => ({ ok: true, value: [] }),
      'dp-groups:list': async () => ({ ok: true, value: [] }),
      'packages:list-page': async (request) => listPageOf([], request),
      'programs:list': async () => ({ ok: true, value: [] }),
    }),
  );
}

async function chooseExit() {
  fireEvent.click(within(screen.getByRole('menubar', { name: 'Menu bar' })).getByRole('menuitem', { name: /File/ }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Exit' }));
}

describe('File › Exit', () => {
  it('in a browser tab the page may not close, says plainly to close the tab (it did nothing)', async () => {
    // The browser's refusal: close() does nothing and the window stays open.
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    renderShell();
    await chooseExit();
    const dialog = await screen.findByRole('alertdialog', { name: 'Exit Courier' }, { timeout: closeGraceMs + 1000 });
    expect(close).toHaveBeenCalledTimes(1);
    expect(dialog.textContent).toMatch(/close this browser tab/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('closes the window when it may (the desktop console quits with its window), and then says nothing', () => {
    vi.useFakeTimers();
    try {
      let closed = false;
      const cannotClose = vi.fn();
      exitConsole({ close: () => void (closed = true), get closed() { return closed; }, setTimeout: (handler: TimerHandler, ms?: number) => window.setTimeout(handler, ms) }, cannotClose);
      vi.advanceTimersByTime(closeGraceMs + 1);
      expect(closed).toBe(true);
      expect(cannotClose).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
