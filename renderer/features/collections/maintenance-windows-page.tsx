import { Button, Text } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, SettingsRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { describeSchedule, type MaintenanceWindowDto } from '../../../core/api';
import { fieldAnchor, useFormStyles } from '../../components/form-layout';
import { useTableStyles } from './collection-tables';
import { MaintenanceWindowDialog } from './maintenance-window-dialog';
import { useDecodedSchedules } from './schedule-tokens';


/** "2 h 30 min". */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 ? `${hours} h` : '', rest > 0 ? `${rest} min` : ''].filter(Boolean).join(' ') || '0 min';
}

export interface MaintenanceWindowsPageProps {
  readonly windows: readonly MaintenanceWindowDto[];
  readonly disabled?: boolean;
  /** The whole list, as the contract takes it. */
  readonly onChange: (windows: readonly MaintenanceWindowDto[]) => void;
}

/**
 * A collection's maintenance windows: when advertised programs may run on its members. New,
 * Properties and Delete change the list; OK or Apply saves it.
 */
export function MaintenanceWindowsPage({ windows, disabled = false, onChange }: MaintenanceWindowsPageProps): ReactNode {
  const form = useFormStyles();
  const styles = useTableStyles();
  const decoded = useDecodedSchedules(windows.map((w) => w.schedule));
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const current = windows.find((w) => w.name === selected) ?? null;
  const edited = editing === null || editing === 'new' ? null : windows.find((w) => w.name === editing) ?? null;
  const editedSchedule = edited === null ? undefined : decoded.get(edited.schedule);

  const open = (name: string) => {
    if (!disabled && decoded.has(windows.find((w) => w.name === name)?.schedule ?? '')) setEditing(name);
  };

  return (
    <div className={form.page}>
      <Text>Advertised programs run on the collection&apos;s members only during its maintenance windows, unless an advertisement says otherwise.</Text>
      {windows.length === 0 ? (
        <Text className={form.note}>No maintenance windows: programs may run at any time.</Text>
      ) : (
        <table className={styles.table} aria-label="Maintenance windows" {...fieldAnchor('maintenanceWindows')}>
          <thead>
            <tr>
              <th>Name</th>
              <th>Schedule</th>
              <th>Duration</th>
              <th>Enabled</th>
            </tr>
          </thead>
          <tbody>
            {windows.map((w) => {
              const schedule = decoded.get(w.schedule);
              return (
                <tr
                  key={w.name}
                  tabIndex={0}
                  className={selected === w.name ? styles.selected : undefined}
                  aria-selected={selected === w.name}
                  onClick={() => setSelected(w.name)}
                  onDoubleClick={() => open(w.name)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      event.stopPropagation();
                      open(w.name);
                    } else if (event.key === ' ') {
                      event.preventDefault();
                      setSelected(w.name);
                    }
                  }}
                  onFocus={() => setSelected(w.name)}
                >
                  <td className={styles.nowrap}>{w.name}</td>
                  <td>{schedule === undefined ? w.schedule : describeSchedule({ ...schedule, dayDuration: 0, hourDuration: 0, minuteDuration: 0 })}</td>
                  <td className={styles.nowrap}>{durationText(w.durationMinutes)}</td>
                  <td>{w.enabled ? 'Yes' : 'No'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className={styles.buttons}>
        <Button icon={<AddRegular />} disabled={disabled || windows.length >= 32} onClick={() => setEditing('new')}>
          New…
        </Button>
        <Button icon={<SettingsRegular />} disabled={disabled || current === null || !decoded.has(current.schedule)} onClick={() => current !== null && open(current.name)}>
          Properties
        </Button>
        <Button
          icon={<DeleteRegular />}
          disabled={disabled || current === null}
          onClick={() => {
            onChange(windows.filter((w) => w.name !== selected));
            setSelected(null);
          }}
        >
          Delete
        </Button>
      </div>
      {editing !== null && (editing === 'new' || (edited !== null && editedSchedule !== undefined)) && (
        <MaintenanceWindowDialog
          window={edited !== null && editedSchedule !== undefined ? { dto: edited, schedule: editedSchedule } : null}
          takenNames={windows.filter((w) => w.name !== edited?.name).map((w) => w.name)}
          onCancel={() => setEditing(null)}
          onOk={(window) => {
            onChange(edited === null ? [...windows, window] : windows.map((w) => (w.name === edited.name ? window : w)));
            setSelected(window.name);
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
