import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { rendererIndexUrl } from './renderer-protocol';

/** Every window of the console's pages: the renderer runs sandboxed, isolated, without Node. */
export function consoleWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The Status Message Viewer's window, opened by the console with window.open (harden-sessions.ts). */
export function viewerWindowOptions(preloadPath: string, iconPath: string): BrowserWindowConstructorOptions {
  return { icon: iconPath, width: 1280, height: 800, minWidth: 640, minHeight: 400, title: 'Status Message Viewer', webPreferences: consoleWebPreferences(preloadPath) };
}

/** The console window. */
export function openConsoleWindow(preloadPath: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({
    icon: iconPath,
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    title: 'Courier',
    show: false,
    webPreferences: consoleWebPreferences(preloadPath),
  });
  // Shown once painted, so the window never flashes white before Fluent's theme loads.
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererIndexUrl);
  return window;
}
