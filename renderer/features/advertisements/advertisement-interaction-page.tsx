import { Checkbox, SpinButton, Text } from '@fluentui/react-components';
import { maxMandatoryCountdownMinutes } from '../../../core/api';
import { FormRow, spinValue, useFormStyles } from '../../components/form-layout';
import { offersField } from './advertisement-draft';
import type { AdvertisementPageProps } from './advertisement-page-props';

/** Interaction: what the user may do before an assignment, and how long the countdown before it runs. */
export function AdvertisementInteractionPage({ draft, issues, onChange }: AdvertisementPageProps) {
  const page = useFormStyles();
  if (!offersField(draft.kind, 'customCountdown')) {
    return (
      <div className={page.page}>
        <Checkbox
          label="Allow users to run the program independently of assignments"
          checked={draft.allowUsersToRunIndependently}
          onChange={(_, data) => onChange({ allowUsersToRunIndependently: data.checked === true })}
        />
        <Text className={page.note}>
          Reminders and the countdown before an assigned program runs are shown by the Advertised Programs Client Agent on computers; a
          device runs an assigned program at its time.
        </Text>
      </div>
    );
  }
  return (
    <div className={page.page}>
      <Checkbox
        label="Allow users to run the program independently of assignments"
        checked={draft.allowUsersToRunIndependently}
        onChange={(_, data) => onChange({ allowUsersToRunIndependently: data.checked === true })}
      />
      <div className={page.nested}>
        <Checkbox
          label="Display reminders according to the client agent reminder intervals"
          disabled={!draft.allowUsersToRunIndependently}
          checked={draft.displayReminders}
          onChange={(_, data) => onChange({ displayReminders: data.checked === true })}
        />
      </div>
      <Checkbox
        label="Use custom countdown notification length"
        checked={draft.customCountdown}
        onChange={(_, data) => {
          const on = data.checked === true;
          onChange({ customCountdown: on, mandatoryCountdownMinutes: on ? Math.max(draft.mandatoryCountdownMinutes, 5) : 0 });
        }}
      />
      <div className={page.nested}>
        <FormRow
          label="Countdown (minutes)"
          field="mandatoryCountdownMinutes"
          issue={issues.mandatoryCountdownMinutes}
          hint="Never delays a mandatory time."
          grow={false}
        >
          <SpinButton
            className={page.number}
            disabled={!draft.customCountdown}
            min={1}
            max={maxMandatoryCountdownMinutes}
            value={draft.customCountdown ? draft.mandatoryCountdownMinutes : null}
            displayValue={draft.customCountdown ? undefined : ''}
            onChange={(_, data) => {
              const minutes = spinValue(data);
              if (minutes !== null) onChange({ mandatoryCountdownMinutes: minutes });
            }}
          />
        </FormRow>
      </div>
      <Text className={page.note}>
        The countdown never delays a mandatory time: whatever its length, the program runs at its assigned time (a client that receives an
        8:00 PM assignment at 7:45 PM with a 60-minute countdown runs it at 8:00). Without a custom length, clients count down as the
        Advertised Programs Client Agent says (Site Settings › Client Agents).
      </Text>
    </div>
  );
}
