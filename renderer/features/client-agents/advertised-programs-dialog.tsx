import { Checkbox, Dropdown, Input, Option, Text } from '@fluentui/react-components';
import { advertisedProgramsLimits, notificationSounds, type AdvertisedProgramsNumber, type NotificationSound } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { fieldAnchor, FormRow, MessageLine, useFormStyles } from '../../components/form-layout';
import { GroupFrame, PropertySheet, SessionLoadState, sessionSheetProps, useFollowWhileClean, usePropertiesSession } from '../../components/property-sheet';
import { advertisedProgramsProperties, advertisedProgramsTabs, type AdvertisedProgramsDraft, type AdvertisedProgramsField } from './advertised-programs-model';

const soundLabels: Readonly<Record<NotificationSound, string>> = {
  none: 'None',
  mandatory: 'For mandatory programs only',
  all: 'For all programs',
};

/** The row labels, shorter than the settings' full names: each group says what its rows are about. */
const rowLabels: Readonly<Record<AdvertisedProgramsNumber, string>> = {
  policyPollingMinutes: 'Policy polling interval (minutes)',
  countdownMinutes: 'Countdown length (minutes)',
  reminderOver24HoursHours: 'More than 24 hours away (hours)',
  reminderWithin24HoursHours: '24 hours or less away (hours)',
  reminderWithin1HourMinutes: 'An hour or less away (minutes)',
};

const reminderFields: readonly AdvertisedProgramsNumber[] = ['reminderOver24HoursHours', 'reminderWithin24HoursHours', 'reminderWithin1HourMinutes'];

type Flag = 'enabled' | 'allowUserTargetedRequests' | 'displayNotification' | 'countdownEnabled';

/**
 * Site Settings › Client Agents › Advertised Programs Client Agent › Properties: whether clients
 * run advertised programs, and how they tell the user. Clients read it at their next policy poll.
 */
export function AdvertisedProgramsDialog({ onClose, onStatus }: { readonly onClose: () => void; readonly onStatus: (text: string) => void }) {
  const courier = useCourier();
  const form = useFormStyles();
  const model = advertisedProgramsProperties;
  const load = () => courier['client-agents:get']({ agent: 'advertised-programs' });
  const session = usePropertiesSession(
    model,
    load,
    (_, changes) => courier['client-agents:set']({ agent: 'advertised-programs', changes }),
    (saved) =>
      onStatus(
        `Saved the Advertised Programs Client Agent: software distribution ${saved.enabled ? 'enabled' : 'disabled'}, ` +
          `countdown ${saved.countdownEnabled ? `${saved.countdownMinutes} minutes` : 'off'}, policy polling every ${saved.policyPollingMinutes} minutes.`,
      ),
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  useFollowWhileClean(model, session, 'client-agents:settings-changed', (event) => event.agent === 'advertised-programs', load);

  const issues = ready ? model.propertiesIssues(ready) : {};
  const sheet = sessionSheetProps(model, session);
  const tab = sheet.selectedTab;
  const disabled = ready?.saving ?? true;
  const edit = (changes: Partial<AdvertisedProgramsDraft>) => dispatch({ type: 'edit', changes });
  const flag = (field: Flag, label: string, nested = false) => (
    <div className={nested ? form.nested : undefined} {...fieldAnchor(field)}>
      <Checkbox label={label} checked={ready?.draft[field] ?? false} disabled={disabled} onChange={(_, data) => edit({ [field]: data.checked === true })} />
      <MessageLine issue={issues[field as AdvertisedProgramsField]} reserve={false} />
    </div>
  );
  const numberRow = (field: AdvertisedProgramsNumber, off = false) => (
    <FormRow key={field} label={rowLabels[field]} field={field} issue={issues[field]} hint={`${advertisedProgramsLimits[field].min} to ${advertisedProgramsLimits[field].max}`} grow={false}>
      <Input className={form.number} inputMode="numeric" value={ready?.draft[field] ?? ''} disabled={disabled || off} onChange={(_, data) => edit({ [field]: data.value })} />
    </FormRow>
  );

  return (
    <PropertySheet
      open
      title="Advertised Programs Client Agent Properties"
      tabs={advertisedProgramsTabs}
      {...sheet}
      onClose={onClose}
    >
      <SessionLoadState state={state} reading="Reading the client agent’s settings…" />
      {ready !== null && tab === 'general' && (
        <div className={form.page}>
          <GroupFrame legend="General">
            {flag('enabled', 'Enable software distribution to clients')}
            {flag('allowUserTargetedRequests', 'Allow user targeted advertisement requests')}
          </GroupFrame>
          <GroupFrame legend="Client settings">
            <div {...fieldAnchor('newProgramNotificationUi')}>
              <Checkbox
                label="New program notification icon opens Add or Remove Programs"
                checked={ready.draft.newProgramNotificationUi === 'ARP'}
                disabled={disabled}
                onChange={(_, data) => edit({ newProgramNotificationUi: data.checked === true ? 'ARP' : 'RAP' })}
              />
            </div>
            <Text size={200} className={form.note}>
              Cleared, the icon opens Run Advertised Programs. Advertised programs are listed in both either way.
            </Text>
          </GroupFrame>
          <GroupFrame legend="Policy">
            {numberRow('policyPollingMinutes')}
            <Text size={200} className={form.note}>
              Clients ask the management point for new policy, and with it new advertisements and these settings, this often.
            </Text>
          </GroupFrame>
        </div>
      )}
      {ready !== null && tab === 'notification' && (
        <div className={form.page}>
          <GroupFrame legend="When a new advertisement arrives">
            {flag('displayNotification', 'Display a notification message')}
            <FormRow label="Play a sound" field="playSound" issue={issues.playSound}>
              <Dropdown
                className={form.dropdown}
                value={soundLabels[ready.draft.playSound]}
                selectedOptions={[ready.draft.playSound]}
                disabled={disabled}
                onOptionSelect={(_, data) => {
                  const playSound = notificationSounds.find((s) => s === data.optionValue);
                  if (playSound) edit({ playSound });
                }}
              >
                {notificationSounds.map((sound) => (
                  <Option key={sound} value={sound}>
                    {soundLabels[sound]}
                  </Option>
                ))}
              </Dropdown>
            </FormRow>
          </GroupFrame>
          <GroupFrame legend="Mandatory programs">
            {flag('countdownEnabled', 'Provide a countdown for mandatory programs')}
            {numberRow('countdownMinutes', !ready.draft.countdownEnabled)}
          </GroupFrame>
          <GroupFrame legend="Reminder intervals before a mandatory assignment">{reminderFields.map((field) => numberRow(field))}</GroupFrame>
        </div>
      )}
    </PropertySheet>
  );
}
