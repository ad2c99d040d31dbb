import { Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { PeopleRegular, PersonRegular, SearchRegular, DesktopRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { foldNoCase, type CollectionDto, type CollectionMemberDto } from '../../../core/api';
import { unreadList, type LiveList } from '../../client/live-list';
import { NameCell, type DataGridColumn } from '../../components/data-grid';
import { formatDateTime } from '../../components/date-time';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { clientLabel, memberCountText, resourceTypeLabels } from './collection-labels';
import { collectionIndex } from './collections-tree';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  search: { marginLeft: 'auto', width: '220px' },
});

const memberIcons = { system: DesktopRegular, user: PersonRegular, userGroup: PeopleRegular } as const;

const columns: readonly DataGridColumn<CollectionMemberDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 220, value: (m) => m.name, render: (m) => <NameCell icon={memberIcons[m.resourceType]} name={m.name} /> },
  { id: 'resourceId', label: 'Resource ID', kind: 'number', width: 110, align: 'end', value: (m) => m.resourceId },
  { id: 'resourceType', label: 'Resource Type', kind: 'text', width: 120, value: (m) => resourceTypeLabels[m.resourceType] },
  { id: 'domain', label: 'Domain', kind: 'text', width: 140, value: (m) => m.domain ?? '' },
  { id: 'client', label: 'Client', kind: 'text', width: 70, value: (m) => clientLabel(m.client) },
  { id: 'smsUniqueIdentifier', label: 'SMS Unique Identifier', kind: 'text', width: 320, value: (m) => m.smsUniqueIdentifier ?? '' },
];

export const memberKey = (m: CollectionMemberDto): string => String(m.resourceId);

/** The members whose name holds `search`, in any case; all of them for an empty search. */
export function membersMatching(members: readonly CollectionMemberDto[], search: string): readonly CollectionMemberDto[] {
  const wanted = foldNoCase(search.trim());
  return wanted === '' ? members : members.filter((m) => foldNoCase(m.name).includes(wanted));
}

/** The line above the members: how many as of the last update, when that was, and whether rules changed since. */
export function membershipSummary(collection: CollectionDto): string {
  const when = collection.lastMembershipUpdate === null ? 'never updated' : `last membership update ${formatDateTime(collection.lastMembershipUpdate)}`;
  const pending = collection.membershipPending ? ' (rules changed since: update membership to apply them)' : '';
  return `${memberCountText(collection.memberCount)}, ${when}${pending}`;
}

/** A collection: its members as of its last membership update, with a Find box over their names. */
export function CollectionMembersView({ node, label, ...events }: DetailsViewProps<'collection'>): ReactNode {
  const styles = useStyles();
  const { collections } = useConsoleStores();
  const { collectionId } = node;
  const members = useStore(collections, (s) => s.members[collectionId]) ?? unreadList;
  const collection = useStore(collections, (s) => collectionIndex(s.list.items).byId.get(collectionId));
  const [search, setSearch] = useState('');

  useEffect(() => {
    void collections.getState().loadMembers(collectionId);
  }, [collections, collectionId]);

  const list: LiveList<CollectionMemberDto> = useMemo(() => ({ ...members, items: membersMatching(members.items, search) }), [members, search]);

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Text size={200}>{collection ? membershipSummary(collection) : ''}</Text>
        <Input
          className={styles.search}
          size="small"
          type="search"
          contentBefore={<SearchRegular aria-hidden />}
          placeholder="Find members by name"
          aria-label="Find members by name"
          value={search}
          onChange={(_, data) => setSearch(data.value)}
        />
      </div>
      <LiveListView
        {...events}
        what="members"
        label={label}
        list={list}
        columns={columns}
        rowKey={memberKey}
        // Ctrl+click and Shift+click pick several resources for Distribute › Software.
        selectionMode="multiple"
        storageKey="courier.console.grid.collection-members"
        emptyMessage={search.trim() === '' ? 'This collection has no members. Its rules select none, or its membership was not updated since they changed.' : 'No member has that in its name.'}
        onRetry={() => void collections.getState().loadMembers(collectionId)}
      />
    </div>
  );
}
