import type { MpClientDto } from '../../../core/api';
import { ArrowUndoRegular, CheckmarkCircleRegular, KeyResetRegular, PersonClockRegular, ProhibitedRegular, SettingsRegular } from '@fluentui/react-icons';
import { command, separator, submenu } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureEnv, FeatureRegistration } from '../../shell/registration';
import { ConfirmMpClientsDialog } from './confirm-mp-clients-dialog';
import type { ManagementPointNodeKinds, ManagementPointPopupKinds, ManagementPointRowKinds, MpClientAction } from './management-point-kinds';
import { clientFilterLabels, clientFilters, filterClients, followManagementPointChanges } from './management-point-store';
import { clientsFor, clientsPhrase, mpClientActionLabels, outcomeSentence } from './mp-client-actions';
import { MpClientPropertiesDialog } from './mp-client-properties-dialog';
import { MpPropertiesDialog } from './mp-properties-dialog';
import { mpRoleName } from './mp-role';
import { clientKey, PendingApprovalView } from './pending-approval-view';

const actionIcons = { approve: CheckmarkCircleRegular, block: ProhibitedRegular, unblock: ArrowUndoRegular, reset: KeyResetRegular } as const;

const disabledReasons: Readonly<Record<MpClientAction, string>> = {
  approve: 'Only a pending client can be approved; unblock a blocked one first.',
  block: 'The selected clients are blocked already.',
  unblock: 'None of the selected clients is blocked.',
  reset: 'The selected clients’ secrets are reset already.',
};

/** Approve and Unblock act at once; Block and Reset ask first, saying what happens to the clients. */
function clientCommand(action: MpClientAction, selected: readonly MpClientDto[], { stores, shell }: FeatureEnv) {
  const targets = clientsFor(action, selected);
  const run = () => {
    if (action === 'block' || action === 'reset') {
      shell.openPopup({ kind: 'confirm-mp-clients', action, clients: targets });
      return;
    }
    void stores.managementPoint
      .getState()
      .act(action, targets)
      .then((outcome) => shell.setStatus(outcomeSentence(action, outcome)));
  };
  return command(`${action}-client`, action === 'block' || action === 'reset' ? `${mpClientActionLabels[action]}…` : mpClientActionLabels[action], run, {
    icon: actionIcons[action],
    toolbar: true,
    disabled: targets.length === 0,
    ...(targets.length === 0 ? { disabledReason: disabledReasons[action] } : {}),
  });
}

/**
 * The management point in the console (docs/console.md#the-management-point): its role on the
 * site server in Site Systems, its Properties, and Site Settings › Pending Approval, where the
 * admin approves, blocks, unblocks and resets its clients.
 */
export const managementPointFeature: FeatureRegistration<keyof ManagementPointNodeKinds, keyof ManagementPointRowKinds, keyof ManagementPointPopupKinds> = {
  nodes: {
    'pending-approval': {
      label: 'Pending Approval',
      icon: PersonClockRegular,
      description: 'Clients of the management point: approve the ones waiting, block or reset others.',
      details: {
        kind: 'list',
        View: PendingApprovalView,
        // The selected clients are one row, so its commands act on every one of them.
        rows: (_, keys, { stores }) => {
          const { clients, filter } = stores.managementPoint.getState();
          const shown = filterClients(clients.items, filter);
          const selected = keys.map((key) => shown.find((c) => clientKey(c) === key)).filter((c) => c !== undefined);
          return selected.length === 0 ? [] : detailsRows('mp-clients', [{ clients: selected }]);
        },
        count: (_, stores) => {
          const { clients, filter } = stores.managementPoint.getState();
          return clients.status === 'ready' ? filterClients(clients.items, filter).length : null;
        },
      },
      actions: (_, { stores, shell }) => {
        const current = stores.managementPoint.getState().filter;
        return [
          submenu(
            'show-clients',
            'Show',
            clientFilters.map((filter) =>
              command(`show-clients-${filter}`, clientFilterLabels[filter], () => stores.managementPoint.getState().setFilter(filter), { disabled: filter === current }),
            ),
          ),
          separator('properties-separator'),
          // Where client approval is set: Automatically or Manually approve each client.
          command('mp-properties', 'Management Point Properties', () => shell.openPopup({ kind: 'mp-properties' }), { icon: SettingsRegular }),
        ];
      },
      refresh: (_, stores) => stores.managementPoint.getState().loadClients(),
    },
  },
  rows: {
    'mp-role': {
      label: () => mpRoleName,
      actions: (_, { shell }) => [command('properties', 'Properties', () => shell.openPopup({ kind: 'mp-properties' }), { icon: SettingsRegular })],
    },
    'mp-clients': {
      label: ({ clients }) => clientsPhrase(clients),
      actions: ({ clients }, env) => [
        clientCommand('approve', clients, env),
        clientCommand('block', clients, env),
        clientCommand('unblock', clients, env),
        separator('reset-separator'),
        clientCommand('reset', clients, env),
        separator('properties-separator'),
        // Enter and a double-click open it, as on any row; one client's sheet at a time.
        command('properties', 'Properties', () => clients[0] && env.shell.openPopup({ kind: 'mp-client-properties', resourceId: clients[0].resourceId, name: clients[0].name }), {
          icon: SettingsRegular,
          disabled: clients.length !== 1,
          ...(clients.length !== 1 ? { disabledReason: 'Select one client to see its properties.' } : {}),
        }),
      ],
    },
  },
  popups: {
    'mp-properties': {
      render: (_, { stores, shell, close }) => <MpPropertiesDialog store={stores.managementPoint} onClose={close} onStatus={shell.setStatus} />,
    },
    'mp-client-properties': {
      render: ({ resourceId, name }, { close }) => <MpClientPropertiesDialog resourceId={resourceId} name={name} onClose={close} />,
    },
    'confirm-mp-clients': {
      render: ({ action, clients }, { stores, shell, close }) => (
        <ConfirmMpClientsDialog action={action} clients={clients} store={stores.managementPoint} onClose={close} onDone={(outcome) => shell.setStatus(outcomeSentence(action, outcome))} />
      ),
    },
  },
  start: (stores, bridge) => followManagementPointChanges(stores.managementPoint, bridge),
  activity: (stores) => {
    const { clients, status } = stores.managementPoint.getState();
    return { busy: clients.refreshing || status.refreshing, message: null };
  },
};
