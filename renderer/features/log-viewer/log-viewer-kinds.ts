import type { NoFields } from '../../console/no-fields';

export interface LogViewerPopupKinds {
  /** System Status › Log Viewer: the site's logs, to open one or several merged in the log viewer. */
  readonly 'log-picker': NoFields;
}
