import { CalendarClockRegular, CalendarCancelRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { StatusRetentionDto } from '../../../core/api';
import type { LiveList } from '../../client/live-list';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import type { DetailsViewProps } from '../../shell/registration';
import type { SiteMaintenanceRowKinds } from './site-maintenance-kinds';

type TaskRow = SiteMaintenanceRowKinds['maintenance-task'];

export const notAvailable = 'Not available in Courier';
export const deleteAgedStatusMessagesLabel = 'Delete Aged Status Messages';

/** The suite's Site Maintenance tasks about what Courier keeps; Courier runs one. */
export const maintenanceTasks: readonly TaskRow[] = [
  { label: 'Backup SMS Site Server', configurable: false },
  { label: 'Delete Aged Discovery Data', configurable: false },
  { label: 'Delete Aged Inventory History', configurable: false },
  { label: deleteAgedStatusMessagesLabel, configurable: true },
  { label: 'Rebuild Indexes', configurable: false },
];

interface ShownTask extends TaskRow {
  readonly state: string;
  readonly keep: string;
  readonly schedule: string;
}

const columns: readonly DataGridColumn<ShownTask>[] = [
  { id: 'name', label: 'Task', kind: 'text', width: 230, value: (t) => t.label, render: (t) => <NameCell icon={t.configurable ? CalendarClockRegular : CalendarCancelRegular} name={t.label} /> },
  { id: 'state', label: 'Enabled', kind: 'text', width: 140, value: (t) => t.state },
  { id: 'keep', label: 'Delete older than', kind: 'text', width: 130, value: (t) => t.keep },
  { id: 'schedule', label: 'Schedule', kind: 'text', width: 170, value: (t) => t.schedule },
];

function useRetention(): StatusRetentionDto | null {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const [settings, setSettings] = useState<StatusRetentionDto | null>(null);
  useEffect(() => {
    let current = true;
    const read = () =>
      void settle(() => courier['site:maintenance:get']({})).then((result) => {
        if (current) setSettings(result.ok ? result.value.deleteAgedStatusMessages : null);
      });
    read();
    const stop = bridge.subscribe('site:settings-changed', (event) => {
      if (event.setting === 'siteMaintenance') read();
    });
    return () => {
      current = false;
      stop();
    };
  }, [courier, bridge]);
  return settings;
}

/** Site Settings › Site Maintenance: the suite's tasks, and the one Courier runs with its settings. */
export function SiteMaintenanceView({ node: _node, label, ...events }: DetailsViewProps<'site-maintenance'>): ReactNode {
  const settings = useRetention();
  const list = useMemo<LiveList<ShownTask>>(() => {
    const shown = (t: TaskRow): ShownTask => {
      if (!t.configurable) return { ...t, state: notAvailable, keep: '', schedule: '' };
      if (settings === null) return { ...t, state: '', keep: '', schedule: '' };
      return {
        ...t,
        state: settings.enabled ? 'Yes' : 'No',
        keep: `${settings.keepDays} ${settings.keepDays === 1 ? 'day' : 'days'}`,
        schedule: `At most every ${settings.everyHours} ${settings.everyHours === 1 ? 'hour' : 'hours'}`,
      };
    };
    return { status: 'ready', refreshing: false, error: null, items: maintenanceTasks.map(shown) };
  }, [settings]);
  return (
    <LiveListView
      {...events}
      what="site maintenance tasks"
      label={label}
      list={list}
      columns={columns}
      rowKey={(t) => t.label}
      storageKey="courier.console.grid.site-maintenance"
      emptyMessage=""
      onRetry={() => undefined}
    />
  );
}
