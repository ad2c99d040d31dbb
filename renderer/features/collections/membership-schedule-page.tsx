import { Button, Checkbox, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { describeSchedule } from '../../../core/api';
import { CustomScheduleDialog } from '../../components/custom-schedule';
import { fieldAnchor, MessageLine, useFormStyles } from '../../components/form-layout';
import { defaultMembershipSchedule, useDecodedSchedules, useEncodeSchedule } from './schedule-tokens';

export interface MembershipSchedulePageProps {
  /** The membership update schedule's token; null when the collection is not updated on a schedule. */
  readonly token: string | null;
  readonly disabled?: boolean;
  readonly onChange: (token: string | null) => void;
}

/**
 * "Update this collection on a schedule": the schedule in words, edited with the Custom Schedule
 * dialog; the token is the site server's (schedules:encode), and the membership update schedule
 * is stored for the site component that runs it (docs/collections.md).
 */
export function MembershipSchedulePage({ token, disabled = false, onChange }: MembershipSchedulePageProps): ReactNode {
  const form = useFormStyles();
  const decoded = useDecodedSchedules(token === null ? [] : [token]);
  const encode = useEncodeSchedule();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // The token comes from the site server: the box is ticked at once, while it is written.
  const [pending, setPending] = useState(false);
  const schedule = token === null ? null : (decoded.get(token) ?? null);

  async function set(next: Parameters<typeof encode>[0]): Promise<void> {
    setPending(true);
    const result = await encode(next);
    setPending(false);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(undefined);
    onChange(result.value);
  }

  return (
    <div className={form.page}>
      <Text>A membership update evaluates the rules again, so resources discovered since the last update join and those that no longer match leave.</Text>
      <Checkbox
        label="Update this collection on a schedule"
        disabled={disabled}
        checked={token !== null || pending}
        onChange={(_, data) => (data.checked === true ? void set(defaultMembershipSchedule(new Date())) : onChange(null))}
      />
      {(token !== null || pending) && (
        <div className={form.nested}>
          <div className={form.inline} {...fieldAnchor('membershipSchedule')}>
            <Text aria-label="Membership schedule">{schedule === null ? (pending ? 'Writing the schedule…' : 'Reading the schedule…') : describeSchedule(schedule)}</Text>
            <Button size="small" disabled={disabled || schedule === null} onClick={() => setEditing(true)}>
              Schedule…
            </Button>
          </div>
          <MessageLine issue={problem} reserve={false} />
        </div>
      )}
      {token === null && !pending && <Text className={form.note}>Without a schedule, members change only when you update the collection membership or change its rules.</Text>}
      {schedule !== null && (
        <CustomScheduleDialog
          open={editing}
          title="Membership Schedule"
          schedule={schedule}
          onCancel={() => setEditing(false)}
          onOk={(next) => {
            setEditing(false);
            void set(next);
          }}
        />
      )}
    </div>
  );
}
