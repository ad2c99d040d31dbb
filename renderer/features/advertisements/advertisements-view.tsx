import { MegaphoneRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AdvertisementDto } from '../../../core/api';
import { NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { advertisementKindOf } from './advertisement-draft';
import { advertisementTimeText, advertisementTypeLabels, expiresText, mandatoryText } from './advertisement-labels';
import { useNextAssignedRuns } from './use-next-assigned-runs';

export const advertisementKey = (a: AdvertisementDto): string => a.advertisementId;

/** Software Distribution › Advertisements: every advertisement, live, with the suite's columns. */
export function AdvertisementsView({ node: _node, label, ...events }: DetailsViewProps<'advertisements'>): ReactNode {
  const stores = useConsoleStores();
  const list = useStore(stores.advertisements, (s) => s.list);
  const packages = useStore(stores.packages, (s) => s.list.items);
  const collections = useStore(stores.collections, (s) => s.list.items);
  const nextRuns = useNextAssignedRuns(list.items);

  useEffect(() => {
    void stores.advertisements.getState().load();
  }, [stores]);
  const packageName = (id: string) => packages.find((p) => p.packageId === id)?.name ?? id;
  const collectionName = (id: string) => collections.find((c) => c.collectionId === id)?.name ?? id;

  // Sized so Name, Type, Package, Program and Collection fit a 1024-pixel window beside the tree
  // and the Actions pane; the others make way as the list narrows, Expires first.
  const columns: readonly DataGridColumn<AdvertisementDto>[] = [
    {
      id: 'name',
      label: 'Name',
      kind: 'text',
      width: 128,
      value: (a) => a.advertisementName,
      render: (a) => <NameCell icon={MegaphoneRegular} name={a.advertisementName} />,
    },
    { id: 'type', label: 'Type', kind: 'text', width: 80, value: (a) => advertisementTypeLabels[advertisementKindOf(a)] },
    { id: 'advertisementId', label: 'Advertisement ID', kind: 'id', width: 120, value: (a) => a.advertisementId, hidePriority: 1 },
    { id: 'package', label: 'Package', kind: 'text', width: 104, value: (a) => packageName(a.packageId) },
    { id: 'program', label: 'Program', kind: 'text', width: 100, value: (a) => a.programName },
    { id: 'collection', label: 'Collection', kind: 'text', width: 100, value: (a) => collectionName(a.collectionId) },
    // The wall-clock text sorts as time: every advertisement time has the same YYYY-MM-DDTHH:MM shape.
    { id: 'availableAfter', label: 'Available After', kind: 'text', width: 130, value: (a) => advertisementTimeText(a.presentTime, a.presentTimeIsGmt), hidePriority: 3 },
    { id: 'expires', label: 'Expires', kind: 'text', width: 130, value: expiresText, hidePriority: 4 },
    { id: 'mandatory', label: 'Mandatory', kind: 'text', width: 124, value: (a) => mandatoryText(a, a.assignedSchedule === '' ? undefined : nextRuns[a.assignedSchedule]), hidePriority: 2 },
  ];

  return (
    <LiveListView
      {...events}
      what="advertisements"
      label={label}
      list={list}
      columns={columns}
      rowKey={advertisementKey}
      storageKey="courier.console.grid.advertisements"
      emptyMessage="The site has no advertisements yet. To offer a program to a collection, right-click Advertisements and choose New › Advertisement."
      onRetry={() => void stores.advertisements.getState().load()}
    />
  );
}
