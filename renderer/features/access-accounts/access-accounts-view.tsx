import { PeopleRegular, PersonRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AccessAccountDto } from '../../../core/api';
import { useCourierBridge } from '../../client/courier-context';
import { unreadList } from '../../client/live-list';
import { NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { accountTypeLabel, permissionLabels } from './access-account-labels';
import { followAccessAccountChanges } from './access-accounts-store';

const columns: readonly DataGridColumn<AccessAccountDto>[] = [
  {
    id: 'name',
    label: 'Name',
    kind: 'text',
    width: 240,
    value: (a) => a.accountName,
    render: (a) => <NameCell icon={a.accountType === 'user' ? PersonRegular : PeopleRegular} name={a.accountName} />,
  },
  { id: 'type', label: 'Type', kind: 'text', width: 140, value: accountTypeLabel },
  { id: 'permission', label: 'Permission', kind: 'text', width: 120, value: (a) => permissionLabels[a.permission] },
];

const accountKey = (a: AccessAccountDto): string => a.accountName;

/** A package's Access Accounts node: who may read the package on its distribution points. */
export function AccessAccountsView({ node, label, ...events }: DetailsViewProps<'package-access-accounts'>): ReactNode {
  const { accessAccounts } = useConsoleStores();
  const bridge = useCourierBridge();
  const { packageId } = node;
  const list = useStore(accessAccounts, (s) => s.lists[packageId]) ?? unreadList;

  useEffect(() => {
    const unsubscribe = followAccessAccountChanges(accessAccounts, bridge);
    void accessAccounts.getState().load(packageId);
    return unsubscribe;
  }, [accessAccounts, bridge, packageId]);

  return (
    <LiveListView
      {...events}
      what="access accounts"
      label={label}
      list={list}
      columns={columns}
      rowKey={accountKey}
      storageKey="courier.console.grid.access-accounts"
      emptyMessage="No one has access to this package. To add an account, right-click Access Accounts and choose New."
      onRetry={() => void accessAccounts.getState().load(packageId)}
    />
  );
}
