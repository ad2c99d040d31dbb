import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useStore } from 'zustand';
import { foldNoCase, type DpGroupDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { sortByText } from '../../components/data-grid';
import { useFormStyles } from '../../components/form-layout';
import type { SiteSystemsStore } from './site-systems-store';
import { DeleteDpGroupDialog } from './delete-dp-group-dialog';
import { DpGroupDialog } from './dp-group-dialog';

const useStyles = makeStyles({
  frame: {
    height: '232px',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { cursor: 'default', userSelect: 'none' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  check: { width: '40px' },
  cell: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  empty: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

type Editing = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly group: DpGroupDto } | { readonly kind: 'delete'; readonly group: DpGroupDto } | null;

const isMember = (group: DpGroupDto, dp: string) => group.members.some((m) => foldNoCase(m) === foldNoCase(dp));

/**
 * Group Membership: every DP group of the site, checked where this DP is a member. As on the
 * Path Mappings tab, each change is saved at once (the groups are shared by every DP, so they
 * are not part of this DP's OK and Apply); the list follows changes from anywhere.
 */
export function GroupMembershipTab({ dpName, store, disabled, onStatus }: {
  readonly dpName: string;
  readonly store: SiteSystemsStore;
  readonly disabled: boolean;
  readonly onStatus: (text: string) => void;
}) {
  const styles = useStyles();
  const form = useFormStyles();
  const courier = useCourier();
  const list = useStore(store, (s) => s.groups);
  const dps = useStore(store, (s) => s.dps.items);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const groups = sortByText(list.items, (g) => g.name);
  const chosen = groups.find((g) => g.name === selected) ?? null;

  async function setMembership(group: DpGroupDto, member: boolean): Promise<void> {
    setBusy(group.name);
    setError(null);
    const request = { name: group.name, distributionPoint: dpName };
    const result = await settle(() => (member ? courier['dp-groups:add-member'](request) : courier['dp-groups:remove-member'](request)));
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    store.getState().upsertGroup(result.value);
    onStatus(member ? `Added ${dpName} to distribution point group ${group.name}.` : `Removed ${dpName} from distribution point group ${group.name}.`);
  }

  return (
    <div className={form.page}>
      <Text size={200} className={form.note}>
        The distribution point groups this distribution point is in. A package copied to a group goes to every member. Changes here are saved as you make them.
      </Text>
      <div className={styles.frame}>
        <Table size="extra-small" aria-label="Distribution point groups">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.check}>Member</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Comment</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {groups.map((group) => (
              <TableRow
                key={group.name}
                aria-selected={group.name === selected}
                className={mergeClasses(styles.row, group.name === selected && styles.selected)}
                onClick={() => setSelected(group.name)}
                onDoubleClick={() => setEditing({ kind: 'edit', group })}
              >
                <TableCell className={styles.check}>
                  <Checkbox
                    aria-label={`Member of ${group.name}`}
                    checked={isMember(group, dpName)}
                    disabled={disabled || busy !== null}
                    onChange={(_, data) => void setMembership(group, data.checked === true)}
                  />
                </TableCell>
                <TableCell className={styles.cell} title={group.name}>
                  {group.name}
                </TableCell>
                <TableCell className={styles.cell} title={group.description}>
                  {group.description}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {list.status === 'ready' && groups.length === 0 && <div className={styles.empty}>No distribution point groups yet. Click New to make one.</div>}
        {list.status === 'loading' && <div className={styles.empty}>Reading the groups…</div>}
      </div>
      {(error ?? list.error) !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error ?? list.error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button size="small" disabled={disabled} onClick={() => setEditing({ kind: 'new' })}>
          New…
        </Button>
        <Button size="small" disabled={disabled || chosen === null} onClick={() => chosen && setEditing({ kind: 'edit', group: chosen })}>
          Properties…
        </Button>
        <Button size="small" disabled={disabled || chosen === null} onClick={() => chosen && setEditing({ kind: 'delete', group: chosen })}>
          Delete
        </Button>
      </div>
      {(editing?.kind === 'new' || editing?.kind === 'edit') && (
        <DpGroupDialog
          group={editing.kind === 'edit' ? editing.group : null}
          forDp={dpName}
          dpNames={dps.map((d) => d.name)}
          onClose={() => setEditing(null)}
          onSaved={(group) => {
            store.getState().upsertGroup(group);
            setSelected(group.name);
            onStatus(`Saved distribution point group ${group.name}.`);
          }}
        />
      )}
      {editing?.kind === 'delete' && (
        <DeleteDpGroupDialog
          group={editing.group}
          onClose={() => setEditing(null)}
          onDeleted={(remaining) => {
            store.getState().replaceGroups(remaining);
            setSelected(null);
            onStatus(`Deleted distribution point group ${editing.group.name}.`);
          }}
        />
      )}
    </div>
  );
}
