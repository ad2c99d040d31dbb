import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFlag } from './data-dir-flag';
import { isConsoleUrl, isViewerWindowUrl, rendererFileFor, rendererHeaders } from './renderer-protocol';

const root = '/app/dist/renderer';

describe('the courier://console/ protocol', () => {
  it('maps console URLs to files under the renderer build', () => {
    expect(rendererFileFor(root, 'courier://console/')).toBe(join(root, 'index.html'));
    expect(rendererFileFor(root, 'courier://console/index.html?x=1#y')).toBe(join(root, 'index.html'));
    expect(rendererFileFor(root, 'courier://console/assets/app-1234.js')).toBe(join(root, 'assets', 'app-1234.js'));
  });

  it.each([
    'courier://console/../secret',
    'courier://console/%2e%2e/secret',
    'courier://console/assets/%2e%2e%2f%2e%2e%2fsecret',
    'courier://console/..%5csecret',
    'courier://console/%00',
  ])('never leaves the renderer build: %s', (url) => {
    const file = rendererFileFor(root, url);
    expect(file === null || file.startsWith(`${root}${sep}`)).toBe(true);
  });

  it.each(['courier://other/index.html', 'file:///etc/passwd', 'https://console/index.html', 'not a url'])(
    'serves nothing for another origin: %s',
    (url) => {
      expect(rendererFileFor(root, url)).toBeNull();
    },
  );

  it('recognises only its own origin', () => {
    expect(isConsoleUrl('courier://console/index.html')).toBe(true);
    expect(isConsoleUrl('courier://console.evil/index.html')).toBe(false);
    expect(isConsoleUrl('https://console/')).toBe(false);
  });

  it("lets only the console's own Status Message Viewer page open as a new window", () => {
    expect(isViewerWindowUrl('courier://console/status-viewer.html?packageId=A0100001&severity=error')).toBe(true);
    expect(isViewerWindowUrl('courier://console/index.html')).toBe(false);
    expect(isViewerWindowUrl('courier://console/status-viewer.html/../index.html')).toBe(false);
    expect(isViewerWindowUrl('courier://console.evil/status-viewer.html')).toBe(false);
    expect(isViewerWindowUrl('https://example.com/status-viewer.html')).toBe(false);
    expect(isViewerWindowUrl('not a url')).toBe(false);
  });

  it('puts the CSP on every response', () => {
    const headers = rendererHeaders('/x/index.html');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});

describe('dataDirFlag', () => {
  it('finds --data-dir in either spelling, anywhere', () => {
    expect(dataDirFlag(['electron', '.', '--data-dir', '/d'])).toBe('/d');
    expect(dataDirFlag(['courier.exe', '--enable-logging', '--data-dir=/e'])).toBe('/e');
    expect(dataDirFlag(['courier.exe'])).toBeUndefined();
  });
});
