import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ServerMultipleRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import type { DpGroupDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { DataGrid, NameCell, type DataGridColumn } from '../../components/data-grid';
import { FormDialog } from '../../components/form-dialog';
import { nameList } from './package-dp-labels';

const useStyles = makeStyles({
  grid: { height: '160px' },
  members: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minHeight: '40px' },
  label: { color: tokens.colorNeutralForeground3 },
});

const columns: readonly DataGridColumn<DpGroupDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 180, value: (g) => g.name, render: (g) => <NameCell icon={ServerMultipleRegular} name={g.name} /> },
  { id: 'members', label: 'Members', kind: 'number', width: 92, align: 'end', value: (g) => g.members.length },
  { id: 'description', label: 'Description', kind: 'text', width: 200, value: (g) => g.description },
];

type Groups = { readonly status: 'loading' } | { readonly status: 'ready'; readonly items: readonly DpGroupDto[] } | { readonly status: 'error'; readonly error: string };

export interface BrowseDpGroupDialogProps {
  readonly open: boolean;
  readonly onCancel: () => void;
  /** OK: the group chosen; the wizard checks every member that does not have the package yet. */
  readonly onSelect: (group: DpGroupDto) => void;
}

/** Browse Distribution Point Group: the site's DP groups and their members; OK selects every member. */
export function BrowseDpGroupDialog({ open, onCancel, onSelect }: BrowseDpGroupDialogProps): ReactNode {
  const styles = useStyles();
  const courier = useCourier();
  const [groups, setGroups] = useState<Groups>({ status: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setGroups({ status: 'loading' });
    void settle(() => courier['dp-groups:list']({})).then((result) => {
      if (!current) return;
      setGroups(result.ok ? { status: 'ready', items: result.value } : { status: 'error', error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [open, courier, reads]);

  const items = groups.status === 'ready' ? groups.items : [];
  const group = items.find((g) => g.name === chosen) ?? null;
  const choose = () => group !== null && onSelect(group);

  return (
    <FormDialog
      open={open}
      title="Browse Distribution Point Group"
      okDisabled={group === null}
      problem={groups.status === 'ready' && items.length > 0 && group === null ? { message: 'Select a group.' } : null}
      onOk={choose}
      onCancel={onCancel}
    >
      <Text>Select a distribution point group. OK selects every member of the group that does not have the package yet.</Text>
      {groups.status === 'loading' && <Spinner size="tiny" label="Reading the distribution point groups…" />}
      {groups.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            The groups could not be read: {groups.error}{' '}
            <Button size="small" onClick={() => setReads((n) => n + 1)}>
              Retry
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {groups.status === 'ready' && (
        <>
          <DataGrid
            className={styles.grid}
            label="Distribution point groups"
            rows={items}
            columns={columns}
            getRowKey={(g) => g.name}
            selectionMode="single"
            selectedKeys={chosen === null ? [] : [chosen]}
            onSelectionChange={(keys) => setChosen(keys[0] ?? null)}
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
            onOpen={(g) => onSelect(g)}
            emptyMessage="The site has no distribution point groups. Groups are made under Site Settings › Site Systems."
          />
          <section className={styles.members} aria-label="Members of the group">
            <Text className={styles.label}>Members</Text>
            <Text>{group === null ? 'Select a group to see its members.' : group.members.length === 0 ? 'The group has no members.' : nameList(group.members)}</Text>
          </section>
        </>
      )}
    </FormDialog>
  );
}
