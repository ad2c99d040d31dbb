import { Button, Dropdown, Option, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { describeSchedule, type Schedule } from '../../../core/api';
import { CustomScheduleDialog } from '../../components/custom-schedule';
import { FormDialog } from '../../components/form-dialog';
import { SmallControls, useFormStyles } from '../../components/form-layout';
import { wallClockText, type AdvertisementKind, type Assignment } from './advertisement-draft';
import { assignmentEvents, eventLabels, eventPhrases, type AssignmentEvent } from './advertisement-labels';

/** The next full hour on this console's clock, once: a schedule nobody has to fix before OK. */
export function defaultAssignmentSchedule(now: Date): Schedule {
  const start = wallClockText(new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours() + 1, 0));
  return { type: 'nonRecurring', start, isGmt: false, minuteDuration: 0, hourDuration: 0, dayDuration: 0 };
}

/** A row of the Mandatory Assignments list in words. */
export function assignmentText(assignment: Assignment): string {
  return assignment.kind === 'schedule' ? describeSchedule(assignment.schedule) : eventPhrases[assignment.event];
}

export interface AssignmentScheduleDialogProps {
  /** A device is assigned at a time only: no event, no recurrence. */
  readonly kind: AdvertisementKind;
  /** The row edited (Properties), or null for a new one. */
  readonly assignment: Assignment | null;
  /** Events already in the list: each is offered once. */
  readonly takenEvents: readonly AssignmentEvent[];
  readonly onCancel: () => void;
  readonly onOk: (assignment: Assignment) => void;
}

/**
 * Assignment Schedule: when a mandatory assignment runs the program, either on a schedule (the
 * Custom Schedule dialog, any recurrence) or right after an event: as soon as possible, at
 * logon, at logoff.
 */
export function AssignmentScheduleDialog({ kind: advertisementKind, assignment, takenEvents, onCancel, onOk }: AssignmentScheduleDialogProps): ReactNode {
  const form = useFormStyles();
  const forDevices = advertisementKind === 'device';
  const offeredEvents = forDevices ? [] : assignmentEvents.filter((e) => !takenEvents.includes(e) || (assignment?.kind === 'event' && assignment.event === e));
  const [kind, setKind] = useState<Assignment['kind']>(assignment?.kind ?? 'schedule');
  const [schedule, setSchedule] = useState<Schedule>(assignment?.kind === 'schedule' ? assignment.schedule : defaultAssignmentSchedule(new Date()));
  const [event, setEvent] = useState<AssignmentEvent | null>(assignment?.kind === 'event' ? assignment.event : (offeredEvents[0] ?? null));
  const [editing, setEditing] = useState(false);
  const ready = kind === 'schedule' || event !== null;

  return (
    <FormDialog
      open
      title="Assignment Schedule"
      okDisabled={!ready}
      problem={ready ? null : { message: 'Every event is already in the list.' }}
      onOk={() => (kind === 'schedule' ? onOk({ kind, schedule }) : event !== null && onOk({ kind: 'event', event }))}
      onCancel={onCancel}
      nested={
        <CustomScheduleDialog
          open={editing}
          schedule={schedule}
          {...(forDevices ? { patterns: ['none'] as const } : {})}
          onCancel={() => setEditing(false)}
          onOk={(next) => {
            setEditing(false);
            setSchedule(next);
          }}
        />
      }
    >
      {forDevices ? (
        <Text>A device runs the program at the assigned time. An advertisement for devices is assigned at a time, once: no recurrence, no event.</Text>
      ) : (
        <Text>If the program has not run by the assigned time, the Advertised Programs Client Agent on the client runs it.</Text>
      )}
      <RadioGroup aria-label="Assignment" value={kind} onChange={(_, data) => setKind(data.value === 'event' ? 'event' : 'schedule')}>
        <Radio value="schedule" label="Assign to the following schedule" />
        <div className={form.nested}>
          <div className={form.inline}>
            <Text aria-label="Assigned schedule">{describeSchedule(schedule)}</Text>
            <Button size="small" disabled={kind !== 'schedule'} onClick={() => setEditing(true)}>
              Schedule…
            </Button>
          </div>
        </div>
        {!forDevices && (
          <>
            <Radio value="event" label="Assign immediately after this event" />
            <div className={form.nested}>
              <SmallControls>
                <Dropdown
                  aria-label="Event"
                  disabled={kind !== 'event' || offeredEvents.length === 0}
                  placeholder={offeredEvents.length === 0 ? 'Every event is already in the list' : 'Select an event'}
                  value={event === null ? '' : eventLabels[event]}
                  selectedOptions={event === null ? [] : [event]}
                  onOptionSelect={(_, data) => {
                    const chosen = offeredEvents.find((e) => e === data.optionValue);
                    if (chosen) setEvent(chosen);
                  }}
                >
                  {offeredEvents.map((e) => (
                    <Option key={e} value={e}>
                      {eventLabels[e]}
                    </Option>
                  ))}
                </Dropdown>
              </SmallControls>
            </div>
          </>
        )}
      </RadioGroup>
    </FormDialog>
  );
}
