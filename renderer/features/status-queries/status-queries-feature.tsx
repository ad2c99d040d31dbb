import { AddRegular, DeleteRegular, DocumentSearchRegular, SettingsRegular, TextBulletListSquareRegular } from '@fluentui/react-icons';
import { command, separator } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration } from '../../shell/registration';
import { SetViewingPeriodDialog } from '../status-viewer/set-viewing-period-dialog';
import { DeleteStatusQueryDialog } from './delete-status-query-dialog';
import { continueShowMessages, openQueryInViewer, showQueryMessages } from './show-query-messages';
import type { StatusQueriesNodeKinds, StatusQueriesPopupKinds, StatusQueriesRowKinds } from './status-queries-kinds';
import { followStatusQueryChanges } from './status-queries-store';
import { statusQueryKey, StatusQueriesView } from './status-queries-view';
import { StatusQueryDialog } from './status-query-dialog';
import { StatusQueryPromptsDialog } from './status-query-prompts-dialog';

/**
 * System Status › Status Message Queries (docs/console.md#status-message-queries): the built-in
 * queries and the site's own; Show Messages asks a query's prompts, then the viewing period when
 * it has no time, and opens the Status Message Viewer on its filter.
 */
export const statusQueriesFeature: FeatureRegistration<keyof StatusQueriesNodeKinds, keyof StatusQueriesRowKinds, keyof StatusQueriesPopupKinds> = {
  nodes: {
    'status-message-queries': {
      label: 'Status Message Queries',
      icon: DocumentSearchRegular,
      description: 'Saved searches over the status messages of the site.',
      details: {
        kind: 'list',
        View: StatusQueriesView,
        rows: (_, keys, { stores }) => {
          const items = stores.statusQueries.getState().list.items;
          return detailsRows('status-query', keys.map((key) => items.find((q) => statusQueryKey(q) === key)).filter((q) => q !== undefined));
        },
        count: (_, stores) => {
          const { list } = stores.statusQueries.getState();
          return list.status === 'ready' ? list.items.length : null;
        },
      },
      actions: (_, { shell }) => [command('new-status-query', 'New Query…', () => shell.openPopup({ kind: 'status-query-properties', query: null }), { icon: AddRegular, toolbar: true })],
      refresh: (_, stores) => stores.statusQueries.getState().load(),
    },
  },
  rows: {
    'status-query': {
      label: (query) => query.name,
      actions: (query, { shell }) => [
        command('show-messages', 'Show Messages', () => showQueryMessages(query, shell), { icon: TextBulletListSquareRegular, toolbar: true }),
        separator('delete-separator'),
        command('delete', 'Delete', () => shell.openPopup({ kind: 'delete-status-query', query }), {
          icon: DeleteRegular,
          disabled: query.builtIn,
          ...(query.builtIn ? { disabledReason: 'A built-in query cannot be deleted.' } : {}),
        }),
        separator('properties-separator'),
        command('properties', 'Properties', () => shell.openPopup({ kind: 'status-query-properties', query }), { icon: SettingsRegular }),
      ],
    },
  },
  popups: {
    'status-query-prompts': {
      render: ({ query }, { shell, close }) => (
        <StatusQueryPromptsDialog
          query={query}
          onCancel={close}
          onOk={(values) => {
            close();
            continueShowMessages(query, values, shell);
          }}
        />
      ),
    },
    'status-query-viewing-period': {
      render: ({ query, values }, { shell, close }) => (
        <SetViewingPeriodDialog
          period={{}}
          about={`"${query.name}"`}
          onCancel={close}
          onOk={(period) => {
            close();
            openQueryInViewer(query, values, period, shell);
          }}
        />
      ),
    },
    'status-query-properties': {
      render: ({ query }, { stores, shell, close }) => (
        <StatusQueryDialog
          query={query}
          onClose={close}
          onSaved={(saved) => {
            stores.statusQueries.getState().upsert(saved);
            shell.setStatus(query === null ? `Created status message query "${saved.name}" (${saved.id}).` : `Saved status message query "${saved.name}".`);
            if (query === null) shell.selectRows({ kind: 'status-message-queries' }, [saved.id]);
          }}
        />
      ),
    },
    'delete-status-query': {
      render: ({ query }, { stores, shell, close }) => (
        <DeleteStatusQueryDialog
          query={query}
          onClose={close}
          onDeleted={(left) => {
            shell.rowsDeleted([query.id], () => stores.statusQueries.getState().replace(left));
            shell.setStatus(`Deleted status message query "${query.name}".`);
          }}
        />
      ),
    },
  },
  start: (stores, bridge) => followStatusQueryChanges(stores.statusQueries, bridge),
};
