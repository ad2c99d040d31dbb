import { Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ApiResult, MpClientDetailDto } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { formatDateTime } from '../../components/date-time';
import { useFormStyles } from '../../components/form-layout';
import { GroupFrame, PropertySheet } from '../../components/property-sheet';
import { approvalLabels } from './pending-approval-view';

type ClientTab = 'general' | 'approval';

const tabs: readonly { readonly id: ClientTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'approval', label: 'Approval and Policy' },
];

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1' },
});

/** A value the sheet only shows: read-only, selectable, and Tab reaches it as Windows property pages let one copy a value. */
function ReadOnly({ label, value, wide = false }: { readonly label: string; readonly value: string; readonly wide?: boolean }) {
  const styles = useStyles();
  return (
    <Field label={label} size="small" className={wide ? styles.wide : undefined}>
      <Input size="small" readOnly appearance="filled-darker" value={value} title={value} />
    </Field>
  );
}

const orNone = (text: string | null, none = 'Not reported') => (text === null || text === '' ? none : text);
// One line each, so the page fits a 1024-pixel window; a long list is whole in the field's tooltip.
const listOrNone = (values: readonly string[], none: string) => (values.length === 0 ? none : values.join(', '));

function GeneralTab({ client }: { readonly client: MpClientDetailDto }) {
  const styles = useStyles();
  const form = useFormStyles();
  return (
    <div className={form.page}>
      <div className={styles.grid}>
        <ReadOnly label="Name" value={client.name} />
        <ReadOnly label="Resource ID" value={String(client.resourceId)} />
        <ReadOnly label="SMS unique identifier" value={orNone(client.smsUniqueIdentifier)} wide />
        <ReadOnly label="Domain or workgroup" value={orNone(client.domain)} />
        <ReadOnly label="Platform" value={orNone(client.platform)} />
        <ReadOnly label="Operating system" value={orNone(client.operatingSystem)} wide />
        <ReadOnly label="Client version" value={orNone(client.clientVersion)} />
        <ReadOnly label="Active Directory site" value={orNone(client.adSiteName, 'None')} />
        <ReadOnly label="IP addresses" value={listOrNone(client.ipAddresses, 'None reported')} />
        <ReadOnly label="IP subnets" value={listOrNone(client.ipSubnets, 'None reported')} />
        <ReadOnly label="Logged-on users" value={listOrNone(client.loggedOnUsers, 'Nobody, at its last registration')} wide />
      </div>
    </div>
  );
}

const approvalSentences: Readonly<Record<MpClientDetailDto['approval'], string>> = {
  approved: 'The management point answers its requests: policy, content location and status messages.',
  pending: 'It waits for an admin: the management point refuses its requests with 403 PENDING_APPROVAL until it is approved.',
  blocked: 'Every request of the client is refused with 403 BLOCKED until it is unblocked.',
};

function ApprovalTab({ client }: { readonly client: MpClientDetailDto }) {
  const styles = useStyles();
  const form = useFormStyles();
  return (
    <div className={form.page}>
      <GroupFrame legend="Approval">
        <div className={styles.grid}>
          <ReadOnly label="Approval" value={approvalLabels[client.approval]} />
          <ReadOnly label="Secret" value={client.secretReset ? 'Reset: its next registration needs none' : 'Set at registration'} />
          <ReadOnly label="Registered" value={formatDateTime(client.registeredAt)} />
          <ReadOnly label="Last contact" value={client.lastContactAt === null ? 'None since it registered' : formatDateTime(client.lastContactAt)} />
        </div>
        <Text size={200} className={form.note}>
          {approvalSentences[client.approval]}
        </Text>
      </GroupFrame>
      <GroupFrame legend="Machine policy">
        <div className={styles.grid}>
          <ReadOnly label="Policy version at the site" value={client.policyVersion === 0 ? 'None: no advertisement is offered to it' : String(client.policyVersion)} />
        </div>
        <Text size={200} className={form.note}>
          Offer Manager raises the version whenever the client’s policy changes; the client gets it at its next policy request.
        </Text>
      </GroupFrame>
    </div>
  );
}

/**
 * Site Settings › Pending Approval › a client › Properties: what the client said of itself at
 * its last registration, its approval and its policy, read-only (the actions change them). It
 * reads the client again on every management-point:changed about it, so an approval in another
 * console or a new registration shows while the sheet is open.
 */
export function MpClientPropertiesDialog({ resourceId, name, onClose }: { readonly resourceId: number; readonly name: string; readonly onClose: () => void }) {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const [tab, setTab] = useState<ClientTab>('general');
  const [answer, setAnswer] = useState<ApiResult<MpClientDetailDto> | null>(null);
  const read = useCallback(() => {
    void settle(() => courier['mp-clients:get']({ client: resourceId })).then(setAnswer);
  }, [courier, resourceId]);
  useEffect(read, [read]);
  useEffect(
    () =>
      bridge.subscribe('management-point:changed', (event) => {
        if (event.resourceId === resourceId) read();
      }),
    [bridge, resourceId, read],
  );
  const client = answer?.ok === true ? answer.value : null;
  return (
    <PropertySheet
      open
      title={`${client?.name ?? name} Properties`}
      tabs={tabs}
      selectedTab={tab}
      onSelectTab={setTab}
      ready={client !== null}
      dirty={false}
      saving={false}
      blocked={null}
      error={null}
      onDismissError={() => undefined}
      onApply={() => Promise.resolve(true)}
      onClose={onClose}
    >
      {answer === null && <Spinner label="Reading the client…" />}
      {answer?.ok === false && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{answer.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {client !== null && tab === 'general' && <GeneralTab client={client} />}
      {client !== null && tab === 'approval' && <ApprovalTab client={client} />}
    </PropertySheet>
  );
}
