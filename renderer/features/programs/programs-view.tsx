import { makeStyles, tokens } from '@fluentui/react-components';
import { PhoneRegular, WindowRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import type { ProgramDto } from '../../../core/api';
import { LiveList } from '../../components/live-list';
import { DataGrid, type DataGridColumn, type MenuPoint } from '../../components/data-grid';
import { afterRunningLabels, runLabels } from './program-labels';
import { emptyProgramList, followProgramChanges, useProgramsStore } from './programs-store';

const useStyles = makeStyles({
  grid: { flex: 1 },
  nameIcon: {
    fontSize: '16px',
    verticalAlign: 'text-bottom',
    marginRight: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForeground1,
  },
});

export interface ProgramsViewProps {
  readonly packageId: string;
  /** Row keys are program names. */
  readonly selectedNames: readonly string[];
  readonly onSelectionChange: (names: readonly string[]) => void;
  /** Enter or double-click: the program's Properties. */
  readonly onOpen: (program: ProgramDto) => void;
  readonly onDelete: (program: ProgramDto) => void;
  readonly onRefresh: () => void;
  /** `program` is null for a right-click on blank space (the Programs node's own menu). */
  readonly onContextMenu: (program: ProgramDto | null, at: MenuPoint) => void;
}

function NameCell({ program }: { readonly program: ProgramDto }): ReactNode {
  const styles = useStyles();
  const Icon = program.kind === 'device' ? PhoneRegular : WindowRegular;
  return (
    <>
      <Icon className={styles.nameIcon} aria-hidden />
      {program.name}
    </>
  );
}

function runTime(program: ProgramDto): number | null {
  return program.kind === 'computer' ? program.maximumRunTime : null;
}

/** The SCCM 2007 Programs columns: what runs, how it shows, what it needs, and what follows it. */
const columns: readonly DataGridColumn<ProgramDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 190, value: (p) => p.name, render: (p) => <NameCell program={p} /> },
  { id: 'commandLine', label: 'Command Line', kind: 'text', width: 200, value: (p) => p.commandLine },
  { id: 'run', label: 'Run', kind: 'text', width: 84, value: (p) => (p.kind === 'computer' ? runLabels[p.run] : 'Device') },
  { id: 'diskSpace', label: 'Disk Space', kind: 'text', width: 92, value: (p) => p.diskSpaceReq },
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
export function ProgramsView(props: ProgramsViewProps): ReactNode {
  const styles = useStyles();
  const { packageId } = props;
  const list = useProgramsStore((s) => s.lists[packageId]) ?? emptyProgramList;
  const load = useProgramsStore((s) => s.load);

  useEffect(() => {
    const unsubscribe = followProgramChanges();
    void useProgramsStore.getState().load(packageId);
    return unsubscribe;
  }, [packageId]);

  return (
    <LiveList what="programs" status={list.status} error={list.error} refreshing={list.refreshing} onRetry={() => void load(packageId)}>
      <DataGrid
        className={styles.grid}
        label="Programs"
        rows={list.programs}
        columns={columns}
        getRowKey={programKey}
        selectedKeys={props.selectedNames}
        onSelectionChange={props.onSelectionChange}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
        storageKey="courier.console.grid.programs"
        onOpen={props.onOpen}
        onDelete={(rows) => {
          const first = rows[0];
          if (first) props.onDelete(first);
        }}
        onRefresh={props.onRefresh}
        onContextMenu={(rows, at) => props.onContextMenu(rows[0] ?? null, at)}
        emptyMessage="This package has no programs yet. To create one, right-click Programs and choose New › Program."
      />
    </LiveList>
  );
}
