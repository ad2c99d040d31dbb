import { PeopleCommunityRegular } from '@fluentui/react-icons';
import { useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CollectionDto } from '../../../core/api';
import { dateTimeColumn, NameCell, objectIdColumn, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';

/** What an admin compares collections by: which they are, how many members, how fresh. */
const columns: readonly DataGridColumn<CollectionDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 220, value: (c) => c.name, render: (c) => <NameCell icon={PeopleCommunityRegular} name={c.name} /> },
  objectIdColumn('collectionId', 'Collection ID', (c) => c.collectionId),
  { id: 'members', label: 'Members', kind: 'number', width: 96, value: (c) => c.memberCount, align: 'end' },
  { id: 'subcollections', label: 'Subcollections', kind: 'number', width: 116, value: (c) => c.subcollections.length, align: 'end' },
  dateTimeColumn('lastMembershipUpdate', 'Last Membership Update', (c) => c.lastMembershipUpdate),
  { id: 'comment', label: 'Comment', kind: 'text', width: 240, value: (c) => c.comment },
];

const collectionKey = (c: CollectionDto): string => c.collectionId;

/** Collections in the details pane: the collections at the top of the tree (subcollections are under theirs), live. */
export function CollectionsView({ node: _node, label, ...events }: DetailsViewProps<'collections'>): ReactNode {
  const { collections } = useConsoleStores();
  const list = useStore(collections, (s) => s.list);
  const top = useMemo(() => ({ ...list, items: list.items.filter((c) => c.parentCollectionId === null) }), [list]);
  return (
    <LiveListView
      {...events}
      what="collections"
      label={label}
      list={top}
      columns={columns}
      rowKey={collectionKey}
      storageKey="courier.console.grid.collections"
      emptyMessage="The site has no collections yet. To create one, right-click Collections and choose New › Collection."
      onRetry={() => void collections.getState().load()}
    />
  );
}
