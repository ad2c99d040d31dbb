import { TextBulletListSquareRegular } from '@fluentui/react-icons';
import type { StatusSeverity } from '../../../core/api';
import { command, submenu, type Action } from '../../components/action-menu';
import type { ShellApi } from '../../shell/registration';
import type { ViewerTarget } from './status-viewer-kinds';

const choices: readonly { readonly id: string; readonly label: string; readonly severity: StatusSeverity | null }[] = [
  { id: 'all', label: 'All', severity: null },
  { id: 'info', label: 'Info', severity: 'info' },
  { id: 'warning', label: 'Warning', severity: 'warning' },
  { id: 'error', label: 'Error', severity: 'error' },
];

/**
 * Show Messages › All / Info / Warning / Error on a package, a package's DP or an advertisement:
 * Set Viewing Period, then the Status Message Viewer in its own window.
 */
export function showMessagesInViewer(target: ViewerTarget, shell: ShellApi): Action {
  return submenu(
    'show-messages',
    'Show Messages',
    choices.map((choice) => command(`show-messages-${choice.id}`, choice.label, () => shell.openPopup({ kind: 'set-viewing-period', target, severity: choice.severity }))),
    { icon: TextBulletListSquareRegular },
  );
}
