import type { BrowserWindowConstructorOptions, WindowOpenHandlerResponse } from 'electron';
import { isConsoleUrl } from './renderer-protocol';

/** The log viewer page on the console's origin: the one page the console may open a window on. */
export function isLogViewerUrl(url: string): boolean {
  if (!isConsoleUrl(url)) return false;
  try {
    return new URL(url).pathname === '/log-viewer.html';
  } catch {
    return false;
  }
}

/**
 * What `window.open` from the console may open: the log viewer in a window as locked down as the
 * console's own (sandboxed, isolated, no Node, the same preload); anything else is refused.
 */
export function logViewerWindowOpen(preloadPath: string, iconPath: string): (details: { readonly url: string }) => WindowOpenHandlerResponse {
  const options: BrowserWindowConstructorOptions = {
    icon: iconPath,
    width: 1200,
    height: 760,
    minWidth: 640,
    minHeight: 400,
    title: 'Log Viewer',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
  return ({ url }) => (isLogViewerUrl(url) ? { action: 'allow', overrideBrowserWindowOptions: options } : { action: 'deny' });
}
