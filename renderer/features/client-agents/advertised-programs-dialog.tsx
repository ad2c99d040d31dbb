import { Checkbox, Dropdown, Input, MessageBar, MessageBarBody, Option, Spinner, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import { advertisedProgramsLimits, notificationSounds, type AdvertisedProgramsNumber, type NotificationSound } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { fieldAnchor, FormRow, MessageLine, useFormStyles } from '../../components/form-layout';
import { GroupFrame, PropertySheet, usePropertiesSession } from '../../components/property-sheet';
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
  const bridge = useCourierBridge();
  const form = useFormStyles();
  const model = advertisedProgramsProperties;
  const { state, dispatch, apply } = usePropertiesSession(
    model,
    () => courier['client-agents:get']({ agent: 'advertised-programs' }),
    (_, changes) => courier['client-agents:set']({ agent: 'advertised-programs', changes }),
    (saved) =>
      onStatus(
        `Saved the Advertised Programs Client Agent: software distribution ${saved.enabled ? 'enabled' : 'disabled'}, ` +
          `countdown ${saved.countdownEnabled ? `${saved.countdownMinutes} minutes` : 'off'}, policy polling every ${saved.policyPollingMinutes} minutes.`,
      ),
  );
  const ready = state.kind === 'ready' ? state : null;

  useEffect(
    () =>
      bridge.subscribe('client-agents:settings-changed', (event) => {
        if (event.agent !== 'advertised-programs' || ready === null || ready.saving || model.isDirty(ready)) return;
        void settle(() => courier['client-agents:get']({ agent: 'advertised-programs' })).then((result) => {
          if (result.ok) dispatch({ type: 'loaded', saved: result.value });
        });
      }),
    [bridge, courier, dispatch, model, ready],
  );

  const issues = ready ? model.propertiesIssues(ready) : {};
  const tab = ready?.tab ?? 'general';
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
      selectedTab={tab}
      onSelectTab={(next) => dispatch({ type: 'selectTab', tab: next })}
      ready={ready !== null}
      dirty={ready !== null && model.isDirty(ready)}
      saving={ready?.saving ?? false}
      blocked={ready ? model.blockingProblem(ready) : null}
      error={ready?.error && ready.error.field === undefined ? ready.error.message : null}
      onDismissError={() => dispatch({ type: 'dismissError' })}
      onApply={apply}
      onClose={onClose}
    >
      {state.kind === 'loading' && <Spinner label="Reading the client agent’s settings…" />}
      {state.kind === 'loadFailed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.error.message}</MessageBarBody>
        </MessageBar>
      )}
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
