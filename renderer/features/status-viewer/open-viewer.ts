import { viewerUrl, type ViewerFilter } from './viewer-filter';

/**
 * Opens the Status Message Viewer in a window of its own. In the browser that is a popup of the
 * same origin, which inherits the tab's session token; in Electron the main process lets the
 * console open its own status-viewer page as a new window (electron/main/harden-sessions.ts),
 * so neither needs a call in the contract. Returns false when the browser blocked the popup.
 */
export function openStatusViewer(filter: ViewerFilter): boolean {
  const opened = window.open(viewerUrl(filter), '_blank', 'popup,width=1280,height=800');
  return opened !== null;
}
