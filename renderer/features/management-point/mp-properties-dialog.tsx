import { Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { mpDefaultPort, type MpStatusDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { formatDateTime } from '../../components/date-time';
import { fieldAnchor, FormRow, MessageLine, useFormStyles } from '../../components/form-layout';
import { GroupFrame, PropertySheet, SessionLoadState, sessionSheetProps, useFollowWhileClean, usePropertiesSession } from '../../components/property-sheet';
import type { ManagementPointStore } from './management-point-store';
import { mpLabels, mpProperties, mpTabs, savedSentence, type MpDraft } from './mp-properties-model';
import { mpAddressText, mpClientsText, mpHealth, mpHealthLabels, mpRefusedText, mpRoleName } from './mp-role';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1' },
  error: { color: tokens.colorStatusDangerForeground1, overflowWrap: 'anywhere' },
});

function ReadOnly({ label, value, wide = false }: { readonly label: string; readonly value: string; readonly wide?: boolean }) {
  const styles = useStyles();
  return (
    <Field label={label} size="small" className={wide ? styles.wide : undefined}>
      <Input size="small" readOnly appearance="filled-darker" value={value} />
    </Field>
  );
}

/** Status: what SMS_MP_CONTROL_MANAGER recorded, live while the sheet is open. */
function StatusTab({ status }: { readonly status: MpStatusDto | undefined }) {
  const styles = useStyles();
  const form = useFormStyles();
  if (status === undefined) return <Text>Reading the management point’s status…</Text>;
  const health = mpHealth(status);
  const last = status.refused.recent[0];
  return (
    <div className={form.page}>
      <div className={styles.grid}>
        <ReadOnly label="State" value={mpHealthLabels[health]} />
        <ReadOnly label="Port" value={status.port === null ? '' : String(status.port)} />
        <ReadOnly label="Address clients use" value={mpAddressText(status)} wide />
        <ReadOnly label="Listening since" value={status.startedAt === null ? '' : formatDateTime(status.startedAt)} />
        <ReadOnly label="Last request" value={status.lastRequestAt === null ? 'None yet' : formatDateTime(status.lastRequestAt)} />
        <ReadOnly label="Clients" value={mpClientsText(status)} wide />
        <ReadOnly label="Refused status uploads" value={mpRefusedText(status)} wide />
        {last !== undefined && <ReadOnly label="Last refused" value={`${formatDateTime(last.lastRefusedAt)}, ${last.client} (${last.reason}): ${last.lastDetail}`} wide />}
      </div>
      {status.error !== null && (
        <Text className={styles.error} role="status">
          {status.error}
        </Text>
      )}
      <Text size={200} className={form.note}>
        A change of address, port, certificate or key makes the management point stop and listen again with it. It tries again at least once a minute while it cannot listen.
      </Text>
    </div>
  );
}

/**
 * Site Settings › Site Systems › the site server › ConfigMgr Management Point › Properties: where
 * clients reach the management point (HTTP, or HTTPS with a certificate and key) and whether a
 * new client is let in at once or waits in Pending Approval.
 */
export function MpPropertiesDialog({ store, onClose, onStatus }: { readonly store: ManagementPointStore; readonly onClose: () => void; readonly onStatus: (text: string) => void }) {
  const courier = useCourier();
  const form = useFormStyles();
  const model = mpProperties;
  const load = () => courier['management-point:get']({});
  const session = usePropertiesSession(
    model,
    load,
    (_, changes) => courier['management-point:update']({ changes }),
    (saved) => onStatus(savedSentence(saved)),
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  useFollowWhileClean(model, session, 'management-point:changed', (event) => event.change === 'settings', load);
  const status = useStore(store, (s) => s.status.items[0]);
  useEffect(() => {
    void store.getState().loadStatus();
  }, [store]);

  const issues = ready ? model.propertiesIssues(ready) : {};
  const sheet = sessionSheetProps(model, session);
  const tab = sheet.selectedTab;
  const disabled = ready?.saving ?? true;
  const edit = (changes: Partial<MpDraft>) => dispatch({ type: 'edit', changes });
  const text = (field: 'address' | 'certificateFile' | 'keyFile', hint: string, placeholder: string) => (
    <FormRow label={mpLabels[field]} field={field} issue={issues[field]} hint={hint}>
      <Input value={ready?.draft[field] ?? ''} placeholder={placeholder} disabled={disabled} onChange={(_, data) => edit({ [field]: data.value })} />
    </FormRow>
  );

  return (
    <PropertySheet open title={`${mpRoleName} Properties`} tabs={mpTabs} {...sheet} onClose={onClose}>
      <SessionLoadState state={state} reading="Reading the management point’s settings…" />
      {ready !== null && tab === 'general' && (
        <div className={form.page}>
          <GroupFrame legend="Connection">
            {text('address', '0.0.0.0 for every interface', '127.0.0.1')}
            <FormRow label={mpLabels.port} field="port" issue={issues.port} hint={`0: any free port; ${mpDefaultPort} by default`} grow={false}>
              <Input className={form.number} inputMode="numeric" value={ready.draft.port} disabled={disabled} onChange={(_, data) => edit({ port: data.value })} />
            </FormRow>
          </GroupFrame>
          <GroupFrame legend="HTTPS">
            {text('certificateFile', 'A PEM file on the site server', '/etc/courier/mp.crt')}
            {text('keyFile', 'Its private key, a PEM file', '/etc/courier/mp.key')}
            <Text size={200} className={form.note}>
              Both set, clients talk to the management point over HTTPS; both empty, over HTTP.
            </Text>
          </GroupFrame>
          <GroupFrame legend="Client approval">
            <RadioGroup
              aria-label="Client approval"
              value={ready.draft.approval}
              disabled={disabled}
              onChange={(_, data) => edit({ approval: data.value === 'manual' ? 'manual' : 'automatic' })}
              {...fieldAnchor('approval')}
            >
              <Radio value="automatic" label="Automatically approve each new client" />
              <Radio value="manual" label="Manually approve each client (in Pending Approval)" />
            </RadioGroup>
            <MessageLine issue={issues.approval} reserve={false} />
          </GroupFrame>
        </div>
      )}
      {ready !== null && tab === 'status' && <StatusTab status={status} />}
    </PropertySheet>
  );
}
