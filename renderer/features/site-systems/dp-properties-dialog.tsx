import { Input, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect } from 'react';
import { sameNoCase, type DistributionPointDto, type DpMode } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { PropertySheet, sessionSheetProps, usePropertiesSession } from '../../components/property-sheet';
import { DpGeneralFields, DpProtectedFields } from './dp-general-fields';
import { dpPropertiesModels, dpPropertiesTabs, type DpPropertiesSpec } from './dp-properties-model';
import type { DpSettingsDraft } from './dp-settings-draft';
import { GroupMembershipTab } from './group-membership-tab';
import type { SiteSystemsStore } from './site-systems-store';

export interface DpPropertiesDialogProps {
  readonly name: string;
  readonly mode: DpMode;
  readonly store: SiteSystemsStore;
  readonly onClose: () => void;
  readonly onStatus: (text: string) => void;
}

const headOf = (field: string) => field.split('.')[0] ?? field;

/**
 * ConfigMgr Distribution Point Properties: General (volumes or the share's reserve, share
 * provider, BITS) and Protected (boundaries), saved with OK or Apply as one update; Group
 * Membership, saved as each box is checked. A change made meanwhile elsewhere shows at once,
 * unless the admin has changes of their own not yet applied.
 */
export function DpPropertiesDialog({ name, mode, store, onClose, onStatus }: DpPropertiesDialogProps) {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const form = useFormStyles();
  const model = dpPropertiesModels[mode];
  const session = usePropertiesSession<DpPropertiesSpec>(
    model,
    () => courier['distribution-points:get']({ name }),
    (_, changes) => courier['distribution-points:update']({ name, changes }),
    (saved: DistributionPointDto) => {
      store.getState().upsertDp(saved);
      onStatus(`Saved distribution point ${saved.name}.`);
    },
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;

  useEffect(
    () =>
      bridge.subscribe('distribution-points:changed', (event) => {
        if (!sameNoCase(event.name, name) || ready === null || ready.saving || model.isDirty(ready)) return;
        void settle(() => courier['distribution-points:get']({ name })).then((result) => {
          if (result.ok) dispatch({ type: 'loaded', saved: result.value });
        });
      }),
    [bridge, courier, dispatch, model, name, ready],
  );

  const edit = (changes: Partial<DpSettingsDraft>) => {
    // A refusal at a volume or boundary goes once that list is edited.
    const field = ready?.error?.field;
    if (field !== undefined && headOf(field) in changes) dispatch({ type: 'dismissError' });
    dispatch({ type: 'edit', changes });
  };
  const tab = ready?.tab ?? 'general';
  const deleting = ready?.saved.deleting === true;
  const issues = ready ? model.propertiesIssues(ready) : {};
  const fieldProps = { mode, issues, disabled: ready === null || ready.saving || deleting, onChange: edit };

  return (
    <PropertySheet
      open
      title="ConfigMgr Distribution Point Properties"
      tabs={dpPropertiesTabs}
      {...sessionSheetProps(model, session, 'general')}
      onClose={onClose}
    >
      {state.kind === 'loading' && <Spinner label="Reading the distribution point…" />}
      {state.kind === 'loadFailed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {ready !== null && deleting && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>This distribution point is being deleted: Distribution Manager removes its packages, then the distribution point. It takes no changes.</MessageBarBody>
        </MessageBar>
      )}
      {ready !== null && tab === 'general' && (
        <div className={form.page}>
          <FormRow label={mode === 'server' ? 'Server' : 'Share'} messageLine={false}>
            <Input readOnly appearance="filled-darker" value={mode === 'server' ? ready.saved.serverName : (ready.saved.serverShare ?? '')} />
          </FormRow>
          <FormRow label="NAL path" messageLine={false}>
            <Input readOnly appearance="filled-darker" value={ready.saved.nalPath} />
          </FormRow>
          <DpGeneralFields {...fieldProps} draft={ready.draft} />
        </div>
      )}
      {ready !== null && tab === 'protected' && <DpProtectedFields {...fieldProps} draft={ready.draft} />}
      {ready !== null && tab === 'groups' && <GroupMembershipTab dpName={ready.saved.name} store={store} disabled={deleting} onStatus={onStatus} />}
    </PropertySheet>
  );
}
