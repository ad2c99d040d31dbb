import { DocumentTextRegular } from '@fluentui/react-icons';
import { command, type CommandAction } from '../../components/action-menu';
import type { FeatureRegistration, ShellApi } from '../../shell/registration';
import { LogPickerDialog } from './log-picker-dialog';
import type { LogViewerPopupKinds } from './log-viewer-kinds';

/** System Status › Log Viewer…: the action that lists the site's logs to open. */
export function logViewerAction(shell: ShellApi): CommandAction {
  return command('log-viewer', 'Log Viewer…', () => shell.openPopup({ kind: 'log-picker' }), { icon: DocumentTextRegular });
}

/** The log viewer's part of the console: the picker; the viewer itself is a page of its own (log-viewer.html). */
export const logViewerFeature: FeatureRegistration<never, never, keyof LogViewerPopupKinds> = {
  nodes: {},
  rows: {},
  popups: {
    'log-picker': {
      render: (_, { shell, close }) => <LogPickerDialog onClose={close} onStatus={shell.setStatus} />,
    },
  },
};
