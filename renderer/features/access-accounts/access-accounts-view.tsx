import { makeStyles, tokens } from '@fluentui/react-components';
import { PeopleRegular, PersonRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import type { AccessAccountDto } from '../../../core/api';
import { LiveList } from '../../components/live-list';
import { DataGrid, type DataGridColumn, type MenuPoint } from '../../components/data-grid';
import { accountTypeLabel, permissionLabels } from './access-account-labels';
import { emptyAccessAccountList, followAccessAccountChanges, useAccessAccountsStore } from './access-accounts-store';

const useStyles = makeStyles({
  grid: { flex: 1 },
  nameIcon: {
    fontSize: '16px',
    verticalAlign: 'text-bottom',
    marginRight: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForeground1,
  },
});

export interface AccessAccountsViewProps {
  readonly packageId: string;
  /** Row keys are account names (Users, CONTOSO\Sales). */
  readonly selectedNames: readonly string[];
  readonly onSelectionChange: (names: readonly string[]) => void;
  readonly onOpen: (account: AccessAccountDto) => void;
  readonly onDelete: (account: AccessAccountDto) => void;
  readonly onRefresh: () => void;
  readonly onContextMenu: (account: AccessAccountDto | null, at: MenuPoint) => void;
}

function NameCell({ account }: { readonly account: AccessAccountDto }): ReactNode {
  const styles = useStyles();
  const Icon = account.accountType === 'user' ? PersonRegular : PeopleRegular;
  return (
    <>
      <Icon className={styles.nameIcon} aria-hidden />
      {account.accountName}
    </>
  );
}

const columns: readonly DataGridColumn<AccessAccountDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 240, value: (a) => a.accountName, render: (a) => <NameCell account={a} /> },
  { id: 'type', label: 'Type', kind: 'text', width: 140, value: accountTypeLabel },
  { id: 'permission', label: 'Permission', kind: 'text', width: 120, value: (a) => permissionLabels[a.permission] },
];

const accountKey = (a: AccessAccountDto): string => a.accountName;

/** A package's Access Accounts node: who may read the package on its distribution points. */
export function AccessAccountsView(props: AccessAccountsViewProps): ReactNode {
  const styles = useStyles();
  const { packageId } = props;
  const list = useAccessAccountsStore((s) => s.lists[packageId]) ?? emptyAccessAccountList;
  const load = useAccessAccountsStore((s) => s.load);

  useEffect(() => {
    const unsubscribe = followAccessAccountChanges();
    void useAccessAccountsStore.getState().load(packageId);
    return unsubscribe;
  }, [packageId]);

  return (
    <LiveList what="access accounts" status={list.status} error={list.error} refreshing={list.refreshing} onRetry={() => void load(packageId)}>
      <DataGrid
        className={styles.grid}
        label="Access Accounts"
        rows={list.accounts}
        columns={columns}
        getRowKey={accountKey}
        selectedKeys={props.selectedNames}
        onSelectionChange={props.onSelectionChange}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
        storageKey="courier.console.grid.access-accounts"
        onOpen={props.onOpen}
        onDelete={(rows) => {
          const first = rows[0];
          if (first) props.onDelete(first);
        }}
        onRefresh={props.onRefresh}
        onContextMenu={(rows, at) => props.onContextMenu(rows[0] ?? null, at)}
        emptyMessage="No one has access to this package. To add an account, right-click Access Accounts and choose New."
      />
    </LiveList>
  );
}
