import { Button, Checkbox, Dropdown, Option, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, SettingsRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { rerunOptions, sendingPriorities } from '../../../core/api';
import { DataGrid, type DataGridColumn } from '../../components/data-grid';
import { FormRow, MessageLine, fieldAnchor, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { offersField, wallClockText, type Assignment } from './advertisement-draft';
import { priorityLabels, rerunLabels, type AssignmentEvent } from './advertisement-labels';
import type { AdvertisementPageProps } from './advertisement-page-props';
import { AssignmentScheduleDialog, assignmentText } from './assignment-schedule-dialog';
import { WallClockRow } from './wall-clock-row';

const useStyles = makeStyles({
  list: { height: '88px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Row {
  readonly key: string;
  readonly assignment: Assignment;
}

const columns: readonly DataGridColumn<Row>[] = [{ id: 'schedule', label: 'Schedule', kind: 'text', width: 500, value: (r) => assignmentText(r.assignment) }];

type Editing = { readonly index: number | null } | null;

/** Schedule: when the advertisement is available and expires, its mandatory assignments, and how they run. */
export function AdvertisementSchedulePage({ draft, issues, onChange }: AdvertisementPageProps) {
  const page = useFormStyles();
  const styles = useStyles();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const rows: Row[] = draft.assignments.map((assignment, index) => ({ key: String(index), assignment }));
  const mandatory = draft.assignments.length > 0;
  const chosen = selected !== null && selected < draft.assignments.length ? selected : null;
  const takenEvents = draft.assignments.flatMap((a): AssignmentEvent[] => (a.kind === 'event' ? [a.event] : []));

  function save(assignment: Assignment): void {
    const index = editing?.index ?? null;
    const assignments = index === null ? [...draft.assignments, assignment] : draft.assignments.map((a, i) => (i === index ? assignment : a));
    setEditing(null);
    setSelected(index ?? assignments.length - 1);
    onChange({ assignments });
  }

  return (
    <div className={page.page}>
      <WallClockRow
        label="Advertisement start time"
        field="presentTime"
        issue={issues.presentTime}
        value={draft.presentTime}
        utc={draft.presentTimeIsGmt}
        onChange={(presentTime) => onChange({ presentTime })}
        onUtcChange={(presentTimeIsGmt) => onChange({ presentTimeIsGmt })}
      />
      <Checkbox
        label="Advertisement expires"
        checked={draft.expirationTimeEnabled}
        onChange={(_, data) => {
          const on = data.checked === true;
          // A week after the start, as a first answer the admin then moves.
          const start = Date.parse(draft.presentTime);
          const weekLater = wallClockText(new Date((Number.isNaN(start) ? Date.now() : start) + 7 * 24 * 3600 * 1000));
          onChange({ expirationTimeEnabled: on, expirationTime: on && draft.expirationTime === null ? weekLater : draft.expirationTime });
        }}
      />
      {/* Not indented: its date and time line up under the start's. */}
      <WallClockRow
        label="Expiration time"
        field="expirationTime"
        issue={issues.expirationTime}
        value={draft.expirationTime}
        utc={draft.expirationTimeIsGmt}
        disabled={!draft.expirationTimeEnabled}
        onChange={(expirationTime) => onChange({ expirationTime })}
        onUtcChange={(expirationTimeIsGmt) => onChange({ expirationTimeIsGmt })}
        />
      <GroupFrame legend="Mandatory assignments">
        <div className={styles.buttons}>
          <Button size="small" icon={<AddRegular />} onClick={() => setEditing({ index: null })}>
            New…
          </Button>
          <Button
            size="small"
            icon={<DeleteRegular />}
            disabled={chosen === null}
            onClick={() => {
              if (chosen === null) return;
              setSelected(null);
              onChange({ assignments: draft.assignments.filter((_, i) => i !== chosen) });
            }}
          >
            Delete
          </Button>
          <Button size="small" icon={<SettingsRegular />} disabled={chosen === null} onClick={() => chosen !== null && setEditing({ index: chosen })}>
            Properties…
          </Button>
        </div>
        <div {...fieldAnchor('assignments')}>
          <DataGrid
            className={styles.list}
            label="Mandatory assignments"
            rows={rows}
            columns={columns}
            getRowKey={(r) => r.key}
            selectionMode="single"
            selectedKeys={chosen === null ? [] : [String(chosen)]}
            onSelectionChange={(keys) => setSelected(keys[0] === undefined ? null : Number(keys[0]))}
            defaultSort={null}
            onOpen={(r) => setEditing({ index: Number(r.key) })}
            onDelete={(picked) => {
              const index = picked[0] === undefined ? null : Number(picked[0].key);
              if (index !== null) onChange({ assignments: draft.assignments.filter((_, i) => i !== index) });
            }}
            emptyMessage={
              draft.kind === 'computer'
                ? 'None: the advertisement is only offered. New… assigns it on a schedule or after an event.'
                : 'None: the advertisement is only offered. New… assigns it at a time.'
            }
          />
          <MessageLine issue={issues.assignments} />
        </div>
        {offersField(draft.kind, 'wakeOnLan') && (
          <>
            <Checkbox label="Enable Wake On LAN" disabled={!mandatory} checked={draft.wakeOnLan} onChange={(_, data) => onChange({ wakeOnLan: data.checked === true })} />
            <Checkbox
              label="Ignore maintenance windows when running program"
              disabled={!mandatory}
              checked={draft.ignoreMaintenanceWindows}
              onChange={(_, data) => onChange({ ignoreMaintenanceWindows: data.checked === true })}
            />
            <Checkbox
              label="Allow system restart outside maintenance windows"
              disabled={!mandatory}
              checked={draft.allowRestartOutsideMaintenanceWindows}
              onChange={(_, data) => onChange({ allowRestartOutsideMaintenanceWindows: data.checked === true })}
            />
          </>
        )}
      </GroupFrame>
      <FormRow label="Priority" field="priority" issue={issues.priority} hint="Used when the advertisement is sent to child sites.">
        <Dropdown
          className={page.dropdown}
          value={priorityLabels[draft.priority]}
          selectedOptions={[draft.priority]}
          onOptionSelect={(_, data) => {
            const priority = sendingPriorities.find((p) => p === data.optionValue);
            if (priority) onChange({ priority });
          }}
        >
          {sendingPriorities.map((p) => (
            <Option key={p} value={p}>
              {priorityLabels[p]}
            </Option>
          ))}
        </Dropdown>
      </FormRow>
      {offersField(draft.kind, 'rerun') && (
        <FormRow label="Program rerun behavior" field="rerun" issue={issues.rerun}>
          <Dropdown
            className={page.dropdown}
            value={rerunLabels[draft.rerun]}
            selectedOptions={[draft.rerun]}
            onOptionSelect={(_, data) => {
              const rerun = rerunOptions.find((r) => r === data.optionValue);
              if (rerun) onChange({ rerun });
            }}
          >
            {rerunOptions.map((r) => (
              <Option key={r} value={r}>
                {rerunLabels[r]}
              </Option>
            ))}
          </Dropdown>
        </FormRow>
      )}
      {editing !== null && (
        <AssignmentScheduleDialog
          kind={draft.kind}
          assignment={editing.index === null ? null : (draft.assignments[editing.index] ?? null)}
          takenEvents={takenEvents}
          onCancel={() => setEditing(null)}
          onOk={save}
        />
      )}
    </div>
  );
}
