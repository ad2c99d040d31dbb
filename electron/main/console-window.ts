import { BrowserWindow } from 'electron';
import { rendererIndexUrl } from './renderer-protocol';

/** The console window: the renderer runs sandboxed, isolated, without Node. */
export function openConsoleWindow(preloadPath: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({
    icon: iconPath,
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    title: 'Courier',
    show: false,
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
  });
  // Shown once painted, so the window never flashes white before Fluent's theme loads.
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererIndexUrl);
  return window;
}
