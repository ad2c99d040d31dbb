import { Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ContentServiceDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { formatDateTime } from '../../components/date-time';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { GroupFrame, PropertySheet, SessionLoadState, sessionSheetProps, useFollowWhileClean, usePropertiesSession } from '../../components/property-sheet';
import { contentRoleName, contentServiceAddress, contentServiceState } from './content-role';
import { contentServiceLabels, contentServiceProperties, contentServiceSavedSentence, contentServiceTabs, type ContentServiceDraft } from './content-service-model';
import type { SiteSystemsStore } from './site-systems-store';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1' },
});

function ReadOnly({ label, value, wide = false }: { readonly label: string; readonly value: string; readonly wide?: boolean }) {
  const styles = useStyles();
  return (
    <Field label={label} size="small" className={wide ? styles.wide : undefined}>
      <Input size="small" readOnly appearance="filled-darker" value={value} />
    </Field>
  );
}

/** Status: where the running service listens, live while the sheet is open, and the URL this DP's clients are given. */
function StatusTab({ service, serverName }: { readonly service: ContentServiceDto | undefined; readonly serverName: string | null }) {
  const styles = useStyles();
  const form = useFormStyles();
  if (service === undefined) return <Text>Reading the content service’s status…</Text>;
  return (
    <div className={form.page}>
      <div className={styles.grid}>
        <ReadOnly label="State" value={contentServiceState(service)} />
        <ReadOnly label="Listening since" value={service.listeningSince === null ? '' : formatDateTime(service.listeningSince)} />
        <ReadOnly label="Listening at" value={service.listeningUrl ?? 'Not listening'} wide />
        {serverName !== null && <ReadOnly label={`Address clients of ${serverName} use`} value={contentServiceAddress(service, { serverName })} wide />}
      </div>
      <Text size={200} className={form.note}>
        One service serves every BITS-enabled distribution point of the site whose shares this site server reaches. It listens while the site’s components run (courier serve, courier site run or the console) and tries again every 2 seconds while it cannot.
      </Text>
    </div>
  );
}

/**
 * Site Systems › a BITS-enabled DP › Content Service (BITS) › Properties: where the content
 * service listens, its HTTPS certificate, and the URL clients are given for the DPs' content.
 * The running service reads the settings at its next poll and listens again with them.
 */
export function ContentServiceDialog({
  store,
  serverName,
  onClose,
  onStatus,
}: {
  readonly store: SiteSystemsStore;
  /** The DP's server the sheet was opened from: its Status tab names the URL for it. */
  readonly serverName: string | null;
  readonly onClose: () => void;
  readonly onStatus: (text: string) => void;
}) {
  const courier = useCourier();
  const form = useFormStyles();
  const model = contentServiceProperties;
  const load = () => courier['content-service:get']({});
  const session = usePropertiesSession(
    model,
    load,
    (_, changes) => courier['content-service:set']({ changes }),
    (saved) => {
      onStatus(contentServiceSavedSentence(saved));
      void store.getState().loadContentService();
    },
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  useFollowWhileClean(model, session, 'components:settings-changed', (event) => event.component === 'dpcontent', load);
  const service = useStore(store, (s) => s.contentService.items[0]);
  useEffect(() => {
    void store.getState().loadContentService();
  }, [store]);

  const issues = ready ? model.propertiesIssues(ready) : {};
  const sheet = sessionSheetProps(model, session);
  const tab = sheet.selectedTab;
  const disabled = ready?.saving ?? true;
  const edit = (changes: Partial<ContentServiceDraft>) => dispatch({ type: 'edit', changes });
  const text = (field: 'address' | 'clientUrl' | 'certificate' | 'key', hint: string, placeholder: string) => (
    <FormRow label={contentServiceLabels[field]} field={field} issue={issues[field]} hint={hint}>
      <Input value={ready?.draft[field] ?? ''} placeholder={placeholder} disabled={disabled} onChange={(_, data) => edit({ [field]: data.value })} />
    </FormRow>
  );

  return (
    <PropertySheet open title={`${contentRoleName} Properties`} tabs={contentServiceTabs} {...sheet} onClose={onClose}>
      <SessionLoadState state={state} reading="Reading the content service’s settings…" />
      {ready !== null && tab === 'general' && (
        <div className={form.page}>
          <GroupFrame legend="Connection">
            {text('address', '0.0.0.0 or :: for every interface', '127.0.0.1')}
            <FormRow label={contentServiceLabels.port} field="port" issue={issues.port} hint="0: any free port" grow={false}>
              <Input className={form.number} inputMode="numeric" value={ready.draft.port} disabled={disabled} onChange={(_, data) => edit({ port: data.value })} />
            </FormRow>
            {text('clientUrl', "Empty: each DP's name and the port", 'http://dp01.contoso.com:8080')}
          </GroupFrame>
          <GroupFrame legend="HTTPS">
            {text('certificate', 'A PEM file on the site server', '/etc/courier/dp.crt')}
            {text('key', 'Its private key, a PEM file', '/etc/courier/dp.key')}
            <Text size={200} className={form.note}>
              Both set, clients download over HTTPS; both empty, over HTTP.
            </Text>
          </GroupFrame>
        </div>
      )}
      {ready !== null && tab === 'status' && <StatusTab service={service} serverName={serverName} />}
    </PropertySheet>
  );
}
