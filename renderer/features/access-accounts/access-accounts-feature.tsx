import { AddRegular, DeleteRegular, PeopleLockRegular, PeopleRegular, PersonRegular, SettingsRegular } from '@fluentui/react-icons';
import { command, submenu } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration } from '../../shell/registration';
import { AccessAccountDialog } from './access-account-dialog';
import type { AccessAccountsNodeKinds, AccessAccountsPopupKinds, AccessAccountsRowKinds } from './access-accounts-kinds';
import { AccessAccountsView } from './access-accounts-view';
import { DeleteAccessAccountDialog } from './delete-access-account-dialog';

/** A package's access accounts: its Access Accounts node, the account rows and their dialogs. */
export const accessAccountsFeature: FeatureRegistration<keyof AccessAccountsNodeKinds, keyof AccessAccountsRowKinds, keyof AccessAccountsPopupKinds> = {
  nodes: {
    'package-access-accounts': {
      label: 'Access Accounts',
      icon: PeopleLockRegular,
      description: 'Who may read this package on its distribution points.',
      details: {
        kind: 'list',
        View: AccessAccountsView,
        rows: ({ packageId }, keys, { stores }) => {
          const accounts = stores.accessAccounts.getState().lists[packageId]?.items ?? [];
          return detailsRows(
            'access-account',
            keys.map((key) => accounts.find((a) => a.accountName === key)).filter((a) => a !== undefined),
          );
        },
        count: ({ packageId }, stores) => {
          const list = stores.accessAccounts.getState().lists[packageId];
          return list?.status === 'ready' ? list.items.length : null;
        },
      },
      actions: ({ packageId }, { shell }) => [
        submenu('new', 'New', [
          command('new-windows-account', 'Windows User Access Account', () => shell.openPopup({ kind: 'new-access-account', packageId, accountKind: 'windows' }), {
            icon: PersonRegular,
          }),
          command('new-generic-account', 'Generic Access Account', () => shell.openPopup({ kind: 'new-access-account', packageId, accountKind: 'generic' }), {
            icon: PeopleRegular,
          }),
        ], { icon: AddRegular }),
      ],
      refresh: ({ packageId }, stores) => stores.accessAccounts.getState().load(packageId),
    },
  },
  rows: {
    'access-account': {
      label: (account) => account.accountName,
      actions: (account, { shell }) => [
        command('properties', 'Properties', () => shell.openPopup({ kind: 'access-account-properties', account }), { icon: SettingsRegular }),
        command('delete', 'Delete', () => shell.openPopup({ kind: 'delete-access-account', account }), { icon: DeleteRegular, shortcut: 'Del' }),
      ],
    },
  },
  popups: {
    'new-access-account': {
      render: ({ packageId, accountKind }, { stores, shell, close }) => (
        <AccessAccountDialog
          target={{ mode: 'new', packageId, accountKind }}
          onClose={close}
          onSaved={(account) => {
            stores.accessAccounts.getState().upsert(account);
            shell.setStatus(`Added access account ${account.accountName} to package ${account.packageId}.`);
          }}
        />
      ),
    },
    'access-account-properties': {
      render: ({ account }, { stores, shell, close }) => (
        <AccessAccountDialog
          target={{ mode: 'edit', account }}
          onClose={close}
          onSaved={(saved) => {
            stores.accessAccounts.getState().upsert(saved);
            shell.setStatus(`Saved access account ${saved.accountName}.`);
          }}
        />
      ),
    },
    'delete-access-account': {
      render: ({ account }, { stores, shell, close }) => (
        <DeleteAccessAccountDialog
          account={account}
          onClose={close}
          onDeleted={(packageId, remaining) => {
            shell.rowsDeleted([account.accountName], () => stores.accessAccounts.getState().replace(packageId, remaining));
            shell.setStatus(`Deleted access account ${account.accountName} from package ${packageId}.`);
          }}
        />
      ),
    },
  },
};
