/** How long a browser is given to close the window before the console says why it could not. */
export const closeGraceMs = 250;

/**
 * File › Exit. In the desktop console, closing the window quits Courier (electron/main quits when
 * its last window closes). A browser lets a page close only a window that a script opened
 * (HTML's "script-closable" rule): otherwise close() does nothing, so the console says plainly
 * that the tab is to be closed, rather than leave Exit doing nothing.
 */
export function exitConsole(view: Pick<Window, 'close' | 'closed' | 'setTimeout'>, cannotClose: () => void): void {
  view.close();
  view.setTimeout(() => {
    if (!view.closed) cannotClose();
  }, closeGraceMs);
}
