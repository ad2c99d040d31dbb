import { describe, expect, it } from 'vitest';
import { isLogViewerUrl, logViewerWindowOpen } from './log-viewer-window';

describe('the log viewer window', () => {
  it('opens only the log viewer page of the console, hardened as the console', () => {
    const open = logViewerWindowOpen('/app/preload.cjs', '/app/icon.png');
    const allowed = open({ url: 'courier://console/log-viewer.html?log=distmgr.log' });
    expect(allowed.action).toBe('allow');
    const prefs = allowed.action === 'allow' ? allowed.overrideBrowserWindowOptions?.webPreferences : undefined;
    expect(prefs).toMatchObject({ preload: '/app/preload.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false });
    for (const url of ['courier://console/index.html', 'https://example.com/log-viewer.html', 'courier://other/log-viewer.html', 'file:///log-viewer.html', 'nonsense']) {
      expect(isLogViewerUrl(url), url).toBe(false);
      expect(open({ url }).action).toBe('deny');
    }
  });
});
