import { Input, Text } from '@fluentui/react-components';
import { distmgrLimits } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { GroupFrame, PropertySheet, SessionLoadState, sessionSheetProps, useFollowWhileClean, usePropertiesSession } from '../../components/property-sheet';
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
  const form = useFormStyles();
  const model = distmgrProperties;
  const load = () => courier['components:get']({ component: 'distmgr' });
  const session = usePropertiesSession(
    model,
    load,
    (_, changes) => courier['components:set']({ component: 'distmgr', changes }),
    (saved) => onStatus(`Saved the Software Distribution component: ${saved.maxPackages} packages at once, ${saved.threadsPerPackage} threads each, ${saved.retries} retries every ${saved.retryDelayMinutes} minutes.`),
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  useFollowWhileClean(model, session, 'components:settings-changed', (event) => event.component === 'distmgr', load);

  const issues = ready ? model.propertiesIssues(ready) : {};
  const sheet = sessionSheetProps(model, session);
  const tab = sheet.selectedTab;
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
      {...sheet}
      onClose={onClose}
    >
      <SessionLoadState state={state} reading="Reading the component’s settings…" />
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
