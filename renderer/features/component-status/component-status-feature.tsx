import { ArrowCounterclockwiseRegular, GaugeRegular, PuzzlePieceRegular, SettingsRegular } from '@fluentui/react-icons';
import { command, separator } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration } from '../../shell/registration';
import { showMessagesInViewer } from '../status-viewer/show-messages';
import { ComponentPropertiesDialog } from './component-properties-dialog';
import type { ComponentStatusNodeKinds, ComponentStatusPopupKinds, ComponentStatusRowKinds } from './component-status-kinds';
import { componentKey } from './component-status-store';
import { ComponentStatusView } from './component-status-view';
import { ResetCountsDialog } from './reset-counts-dialog';
import { ThresholdsDialog } from './thresholds-dialog';

/**
 * System Status › Component Status: each site component's message counts and status, Show
 * Messages, Reset Counts and the thresholds (docs/console.md#system-status).
 */
export const componentStatusFeature: FeatureRegistration<keyof ComponentStatusNodeKinds, keyof ComponentStatusRowKinds, keyof ComponentStatusPopupKinds> = {
  nodes: {
    'component-status': {
      label: 'Component Status',
      icon: PuzzlePieceRegular,
      description: 'How each site component is doing, from its status messages.',
      details: {
        kind: 'list',
        View: ComponentStatusView,
        rows: (_, keys, { stores }) => {
          const items = stores.componentStatus.getState().list.items;
          return detailsRows('component-status-row', keys.map((key) => items.find((c) => componentKey(c) === key)).filter((c) => c !== undefined));
        },
        count: (_, stores) => {
          const list = stores.componentStatus.getState().list;
          return list.status === 'ready' ? list.items.length : null;
        },
      },
      actions: (_, { shell }) => [
        command('thresholds', 'Thresholds…', () => shell.openPopup({ kind: 'component-thresholds' }), { icon: GaugeRegular }),
        command('reset-all-counts', 'Reset Counts', () => shell.openPopup({ kind: 'reset-component-counts', component: null }), { icon: ArrowCounterclockwiseRegular }),
      ],
      refresh: (_, stores) => stores.componentStatus.getState().load(),
    },
  },
  rows: {
    'component-status-row': {
      label: (row) => `${row.component} on ${row.machine}`,
      actions: (row, { shell }) => [
        command('properties', 'Properties', () => shell.openPopup({ kind: 'component-status-properties', row }), { icon: SettingsRegular }),
        showMessagesInViewer({ component: row.component, machine: row.machine, about: `${row.component} on ${row.machine}` }, shell),
        separator('after-messages'),
        command('reset-counts', 'Reset Counts', () => shell.openPopup({ kind: 'reset-component-counts', component: row.component }), { icon: ArrowCounterclockwiseRegular }),
      ],
    },
  },
  popups: {
    'component-status-properties': {
      render: ({ row }, { stores, close }) => <ComponentPropertiesDialog row={row} thresholds={stores.componentStatus.getState().thresholds} onClose={close} />,
    },
    'reset-component-counts': {
      render: ({ component }, { stores, shell, close }) => (
        <ResetCountsDialog
          component={component}
          onClose={close}
          onReset={(summaries) => {
            stores.componentStatus.getState().replace(summaries);
            shell.setStatus(component === null ? 'Reset the counts of every component.' : `Reset the counts of ${component}.`);
          }}
        />
      ),
    },
    'component-thresholds': {
      render: (_, { stores, shell, close }) => (
        <ThresholdsDialog
          onClose={close}
          onSaved={(t) => {
            void stores.componentStatus.getState().load();
            shell.setStatus(`Saved the thresholds: errors ${t.error.warning}/${t.error.critical}, warnings ${t.warning.warning}/${t.warning.critical}, information ${t.info.warning}/${t.info.critical} (Warning/Critical).`);
          }}
        />
      ),
    },
  },
};
