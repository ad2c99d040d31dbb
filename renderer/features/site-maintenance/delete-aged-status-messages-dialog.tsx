import { Checkbox, Input, Text } from '@fluentui/react-components';
import type { ApiResult, SiteMaintenanceDto, StatusRetentionDto } from '../../../core/api';
import { statusRetentionLimits } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { formatDateTime } from '../../components/date-time';
import { fieldAnchor, FormRow, MessageLine, useFormStyles } from '../../components/form-layout';
import { GroupFrame, PropertySheet, SessionLoadState, sessionSheetProps, useFollowWhileClean, usePropertiesSession } from '../../components/property-sheet';
import { retentionProperties, retentionTabs, type RetentionDraft, type RetentionNumber } from './delete-aged-status-messages-model';

const task = (result: ApiResult<SiteMaintenanceDto>): ApiResult<StatusRetentionDto> => (result.ok ? { ok: true, value: result.value.deleteAgedStatusMessages } : result);

const rowLabels: Readonly<Record<RetentionNumber, string>> = {
  keepDays: 'Delete data older than (days)',
  everyHours: 'Run at most every (hours)',
};

/**
 * Site Settings › Site Maintenance › Delete Aged Status Messages › Properties: whether Inbox
 * Manager deletes aged status messages, how many days it keeps, and how often at most it looks.
 * Inbox Manager reads the settings each time it wakes, so OK applies without a restart.
 */
export function DeleteAgedStatusMessagesDialog({ onClose, onStatus }: { readonly onClose: () => void; readonly onStatus: (text: string) => void }) {
  const courier = useCourier();
  const form = useFormStyles();
  const model = retentionProperties;
  const load = async () => task(await courier['site:maintenance:get']({}));
  const session = usePropertiesSession(
    model,
    load,
    async (_, changes) => task(await courier['site:maintenance:set']({ deleteAgedStatusMessages: changes })),
    (saved) => onStatus(saved.enabled ? `Saved Delete Aged Status Messages: keeping ${saved.keepDays} days, run at most every ${saved.everyHours} hours.` : 'Saved Delete Aged Status Messages: disabled.'),
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  useFollowWhileClean(model, session, 'site:settings-changed', (event) => event.setting === 'siteMaintenance', load);

  const issues = ready ? model.propertiesIssues(ready) : {};
  const sheet = sessionSheetProps(model, session);
  const disabled = ready?.saving ?? true;
  const edit = (changes: Partial<RetentionDraft>) => dispatch({ type: 'edit', changes });
  const numberRow = (field: RetentionNumber) => (
    <FormRow key={field} label={rowLabels[field]} field={field} issue={issues[field]} hint={`${statusRetentionLimits[field].min} to ${statusRetentionLimits[field].max}`} grow={false}>
      <Input className={form.number} inputMode="numeric" value={ready?.draft[field] ?? ''} disabled={disabled || ready?.draft.enabled === false} onChange={(_, data) => edit({ [field]: data.value })} />
    </FormRow>
  );
  const saved = ready?.saved;

  return (
    <PropertySheet open title="Delete Aged Status Messages Properties" tabs={retentionTabs} {...sheet} onClose={onClose}>
      <SessionLoadState state={state} reading="Reading the task’s settings…" />
      {ready !== null && saved !== undefined && (
        <div className={form.page}>
          <GroupFrame legend="Task">
            <div {...fieldAnchor('enabled')}>
              <Checkbox label="Enable this task" checked={ready.draft.enabled} disabled={disabled} onChange={(_, data) => edit({ enabled: data.checked === true })} />
              <MessageLine issue={issues.enabled} reserve={false} />
            </div>
            {numberRow('keepDays')}
            {numberRow('everyHours')}
          </GroupFrame>
          <Text size={200} className={form.note}>
            {saved.lastRunAt === null
              ? 'SMS_INBOX_MANAGER has not run this task yet.'
              : `Last run ${formatDateTime(saved.lastRunAt)}: ${saved.lastDeleted ?? 0} status messages deleted.`}{' '}
            It runs while a console or courier serve has the site open. The summaries of System Status outlive the messages it deletes.
          </Text>
        </div>
      )}
    </PropertySheet>
  );
}
