import { app, protocol, session, type WebContents, type WindowOpenHandlerResponse } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy, isConsoleUrl, rendererFileFor, rendererHeaders, rendererScheme } from './renderer-protocol';

/** Must run before `ready`: the console's scheme behaves like https (secure, standard URLs). */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: rendererScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves dist/renderer on courier://console/ with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(rendererScheme, async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), { status: 200, headers: rendererHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    }
  });
  // Anything else a page might load (there should be nothing) gets the same policy.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  // The console needs no camera, notifications, geolocation …
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/**
 * Every window stays on the console: no navigation elsewhere, no webviews, and no new windows
 * but those `openWindow` allows (the Status Message Viewer's and the log viewer's).
 */
export function confineWebContents(openWindow: (details: { readonly url: string }) => WindowOpenHandlerResponse = () => ({ action: 'deny' })): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isConsoleUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isConsoleUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler((details) => openWindow(details));
  });
}
