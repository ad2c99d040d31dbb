import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import { createCore, resolveDataDir, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { installApplicationMenu } from './application-menu';
import { openConsoleWindow, viewerWindowOptions } from './console-window';
import { dataDirFlag } from './data-dir-flag';
import { forwardEvents } from './forward-events';
import { logViewerWindowOpen } from './log-viewer-window';
import { confineWebContents, registerRendererScheme, serveRenderer } from './harden-sessions';
import { registerHandlers } from './register-handlers';
import { isConsoleUrl, isViewerWindowUrl } from './renderer-protocol';

// Composition root of the desktop console. Bundled to dist/electron/main.cjs, next to preload.cjs
// and above dist/renderer.
const rendererDir = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const componentWorker = join(__dirname, 'component-worker.cjs');
// electron-builder copies the icon into resources/ (extraResources); in development it is in assets/.
const iconPath = app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(__dirname, '..', '..', 'assets', 'icon.png');
// The bundle has no place relative to the sources, so the built-in package definitions are named here.
const definitionsDir = app.isPackaged
  ? join(process.resourcesPath, 'package-definitions')
  : join(__dirname, '..', '..', 'assets', 'package-definitions');

/** --data-dir, then COURIER_DATA_DIR, then Electron's own per-user folder. */
function chooseDataDir(): string {
  const flag = dataDirFlag(process.argv);
  if (flag || process.env.COURIER_DATA_DIR?.trim()) return resolveDataDir(flag, process.env);
  return app.getPath('userData');
}

registerRendererScheme();
// The console may open two pages of its own in windows of their own: the Status Message Viewer and the log viewer.
const openLogViewer = logViewerWindowOpen(preloadPath, iconPath);
confineWebContents((details) => (isViewerWindowUrl(details.url) ? { action: 'allow', overrideBrowserWindowOptions: viewerWindowOptions(preloadPath, iconPath) } : openLogViewer(details)));

let core: Core | null = null;
let components: ComponentRunner | null = null;

app.whenReady().then(
  () => {
    const dataDir = chooseDataDir();
    try {
      core = createCore({ dataDir, definitionsDir });
    } catch (error) {
      dialog.showErrorBox('Courier cannot open the site', `${dataDir}\n\n${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
      return;
    }
    const site = core.site;
    // The site components run in worker threads beside the console (core/components/README.md).
    components = startComponentRunner({ dataDir, workerEntry: componentWorker });
    serveRenderer(rendererDir);
    registerHandlers(ipcMain, core, isConsoleUrl);
    forwardEvents(core, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
    installApplicationMenu(() => `Site ${site.siteCode} (${site.siteName})\nData directory: ${site.dataDir}`);
    openConsoleWindow(preloadPath, iconPath);

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openConsoleWindow(preloadPath, iconPath);
    });
  },
  (error: unknown) => {
    dialog.showErrorBox('Courier failed to start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  },
);

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  // The components finish the work in hand first; quitting resumes once they have stopped.
  const running = components;
  components = null;
  if (running) {
    event.preventDefault();
    void running.stop().finally(() => app.quit());
    return;
  }
  core?.close();
  core = null;
});
