import { PhoneRegular, WindowRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ProgramDto } from '../../../core/api';
import { useCourierBridge } from '../../client/courier-context';
import { unreadList } from '../../client/live-list';
import { NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { afterRunningLabels, runLabels } from './program-labels';
import { followProgramChanges } from './programs-store';

const unitBytes: Readonly<Record<ProgramDto['diskSpaceUnit'], number>> = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

function diskSpaceBytes(program: ProgramDto): number | null {
  return program.estimatedDiskSpace === null ? null : program.estimatedDiskSpace * unitBytes[program.diskSpaceUnit];
}

function runTime(program: ProgramDto): number | null {
  return program.kind === 'computer' ? program.maximumRunTime : null;
}

/** The SCCM 2007 Programs columns: what runs, how it shows, what it needs, and what follows it. */
const columns: readonly DataGridColumn<ProgramDto>[] = [
  {
    id: 'name',
    label: 'Name',
    kind: 'text',
    width: 190,
    value: (p) => p.name,
    render: (p) => <NameCell icon={p.kind === 'device' ? PhoneRegular : WindowRegular} name={p.name} />,
  },
  { id: 'commandLine', label: 'Command Line', kind: 'text', width: 200, value: (p) => p.commandLine },
  { id: 'run', label: 'Run', kind: 'text', width: 84, value: (p) => (p.kind === 'computer' ? runLabels[p.run] : 'Device') },
  // By size, so 500 KB comes before 38 MB and 2 GB; Unknown last.
  { id: 'diskSpace', label: 'Disk Space', kind: 'number', width: 92, align: 'end', value: diskSpaceBytes, render: (p) => p.diskSpaceReq },
  {
    id: 'maxRunTime',
    label: 'Max Run Time',
    kind: 'number',
    width: 108,
    align: 'end',
    value: runTime,
    render: (p) => {
      const minutes = runTime(p);
      return p.kind === 'device' ? '' : minutes === null ? 'Unknown' : `${minutes} min`;
    },
  },
  {
    id: 'afterRunning',
    label: 'After Running',
    kind: 'text',
    width: 170,
    value: (p) => (p.kind === 'computer' ? afterRunningLabels[p.afterRunning] : ''),
  },
  { id: 'comment', label: 'Comment', kind: 'text', width: 200, value: (p) => p.comment },
  {
    id: 'disabled',
    label: 'Disabled',
    kind: 'text',
    width: 76,
    value: (p) => (p.kind === 'computer' && p.disabled ? 'Yes' : 'No'),
  },
];

const programKey = (p: ProgramDto): string => p.name;

/** A package's Programs node: its programs, live, with errors shown in place. */
export function ProgramsView({ node, label, ...events }: DetailsViewProps<'package-programs'>): ReactNode {
  const { programs } = useConsoleStores();
  const bridge = useCourierBridge();
  const { packageId } = node;
  const list = useStore(programs, (s) => s.lists[packageId]) ?? unreadList;

  useEffect(() => {
    const unsubscribe = followProgramChanges(programs, bridge);
    void programs.getState().load(packageId);
    return unsubscribe;
  }, [programs, bridge, packageId]);

  return (
    <LiveListView
      {...events}
      what="programs"
      label={label}
      list={list}
      columns={columns}
      rowKey={programKey}
      storageKey="courier.console.grid.programs"
      emptyMessage="This package has no programs yet. To create one, right-click Programs and choose New › Program."
      onRetry={() => void programs.getState().load(packageId)}
    />
  );
}
