import { Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { sameNoCase, type DistributionPointDto, type DpMode } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { PropertySheet, SessionLoadState, sessionSheetProps, useFollowWhileClean, usePropertiesSession } from '../../components/property-sheet';
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
  const form = useFormStyles();
  const model = dpPropertiesModels[mode];
  const load = () => courier['distribution-points:get']({ name });
  const session = usePropertiesSession<DpPropertiesSpec>(
    model,
    load,
    (_, changes) => courier['distribution-points:update']({ name, changes }),
    (saved: DistributionPointDto) => {
      store.getState().upsertDp(saved);
      onStatus(`Saved distribution point ${saved.name}.`);
    },
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  useFollowWhileClean(model, session, 'distribution-points:changed', (event) => sameNoCase(event.name, name), load);

  const edit = (changes: Partial<DpSettingsDraft>) => {
    // A refusal at a volume or boundary goes once that list is edited.
    const field = ready?.error?.field;
    if (field !== undefined && headOf(field) in changes) dispatch({ type: 'dismissError' });
    dispatch({ type: 'edit', changes });
  };
  const sheet = sessionSheetProps(model, session);
  const tab = sheet.selectedTab;
  const deleting = ready?.saved.deleting === true;
  const issues = ready ? model.propertiesIssues(ready) : {};
  const fieldProps = { mode, issues, disabled: ready === null || ready.saving || deleting, onChange: edit };

  return (
    <PropertySheet
      open
      title="ConfigMgr Distribution Point Properties"
      tabs={dpPropertiesTabs}
      {...sheet}
      onClose={onClose}
    >
      <SessionLoadState state={state} reading="Reading the distribution point…" />
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
