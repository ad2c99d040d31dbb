import { Input, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import { distmgrLimits } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { GroupFrame, PropertySheet, sessionSheetProps, usePropertiesSession } from '../../components/property-sheet';
import { distmgrLabels, distmgrProperties, distmgrTabs, type DistmgrNumber } from './distmgr-properties-model';

const numberFields: readonly DistmgrNumber[] = ['maxPackages', 'threadsPerPackage'];
const retryFields: readonly DistmgrNumber[] = ['retries', 'retryDelayMinutes'];

/**
 * Site Settings › Component Configuration › Software Distribution › Properties: where
 * compressed copies of packages are stored, and how Distribution Manager copies to distribution
 * points. Distribution Manager reads them at each wake, so OK changes nothing already running.
 */
export function DistmgrPropertiesDialog({ onClose, onStatus }: { readonly onClose: () => void; readonly onStatus: (text: string) => void }) {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const form = useFormStyles();
  const model = distmgrProperties;
  const session = usePropertiesSession(
    model,
    () => courier['components:get']({ component: 'distmgr' }),
    (_, changes) => courier['components:set']({ component: 'distmgr', changes }),
    (saved) => onStatus(`Saved the Software Distribution component: ${saved.maxPackages} packages at once, ${saved.threadsPerPackage} threads each, ${saved.retries} retries every ${saved.retryDelayMinutes} minutes.`),
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;

  useEffect(
    () =>
      bridge.subscribe('components:settings-changed', (event) => {
        if (event.component !== 'distmgr' || ready === null || ready.saving || model.isDirty(ready)) return;
        void settle(() => courier['components:get']({ component: 'distmgr' })).then((result) => {
          if (result.ok) dispatch({ type: 'loaded', saved: result.value });
        });
      }),
    [bridge, courier, dispatch, model, ready],
  );

  const issues = ready ? model.propertiesIssues(ready) : {};
  const tab = ready?.tab ?? 'general';
  const disabled = ready?.saving ?? true;
  const numberRow = (field: DistmgrNumber) => (
    <FormRow key={field} label={distmgrLabels[field]} field={field} issue={issues[field]} hint={`${distmgrLimits[field].min} to ${distmgrLimits[field].max}`} grow={false}>
      <Input
        className={form.number}
        inputMode="numeric"
        value={ready?.draft[field] ?? ''}
        disabled={disabled}
        onChange={(_, data) => dispatch({ type: 'edit', changes: { [field]: data.value } })}
      />
    </FormRow>
  );

  return (
    <PropertySheet
      open
      title="Software Distribution Component Properties"
      tabs={distmgrTabs}
      {...sessionSheetProps(model, session, 'general')}
      onClose={onClose}
    >
      {state.kind === 'loading' && <Spinner label="Reading the component’s settings…" />}
      {state.kind === 'loadFailed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {ready !== null && tab === 'general' && (
        <div className={form.page}>
          <FormRow label={distmgrLabels.storedPackagesLocation} field="storedPackagesLocation" issue={issues.storedPackagesLocation} hint="Empty: the SMSPKG folder of the site's data folder.">
            <Input
              placeholder="SMSPKG in the site's data folder"
              value={ready.draft.storedPackagesLocation}
              disabled={disabled}
              onChange={(_, data) => dispatch({ type: 'edit', changes: { storedPackagesLocation: data.value } })}
            />
          </FormRow>
          <Text size={200} className={form.note}>
            Where the site server keeps the compressed copy of each package it sends to other sites (SMSPKG\&lt;Package ID&gt;.pkg).
          </Text>
        </div>
      )}
      {ready !== null && tab === 'distributionPoint' && (
        <div className={form.page}>
          <GroupFrame legend="Concurrent distribution settings">{numberFields.map(numberRow)}</GroupFrame>
          <GroupFrame legend="Retry settings">{retryFields.map(numberRow)}</GroupFrame>
          <Text size={200} className={form.note}>
            Distribution Manager copies up to this many packages at once, each with this many threads, and tries a failed copy again after the delay, up to the number of retries.
          </Text>
        </div>
      )}
    </PropertySheet>
  );
}
