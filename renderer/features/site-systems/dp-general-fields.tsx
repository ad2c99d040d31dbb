import { Checkbox, Dropdown, Input, Option, Text } from '@fluentui/react-components';
import { shareProviders, type DpMode } from '../../../core/api';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { shareProviderLabels, type DpIssues, type DpSettingsDraft } from './dp-settings-draft';
import { BoundariesEditor } from './boundaries-editor';
import { VolumesEditor } from './volumes-editor';

export interface DpFieldsProps {
  readonly mode: DpMode;
  readonly draft: DpSettingsDraft;
  readonly issues: DpIssues;
  readonly disabled?: boolean;
  readonly onChange: (changes: Partial<DpSettingsDraft>) => void;
}

/** The distribution point's volumes (or a share's reserve), how its shares are made, and BITS. */
export function DpGeneralFields({ mode, draft, issues, disabled = false, onChange }: DpFieldsProps) {
  const form = useFormStyles();
  return (
    <div className={form.page}>
      {mode === 'server' ? (
        <GroupFrame legend="Volumes">
          <VolumesEditor volumes={draft.volumes} issues={issues} disabled={disabled} onChange={(volumes) => onChange({ volumes })} />
        </GroupFrame>
      ) : (
        <FormRow label="Reserve (MB)" field="shareReserveMb" issue={issues.shareReserveMb} hint="Free space the share keeps for itself." grow={false}>
          <Input className={form.number} inputMode="numeric" value={draft.shareReserveMb} disabled={disabled} onChange={(_, data) => onChange({ shareReserveMb: data.value })} />
        </FormRow>
      )}
      <FormRow label="Share provider" field="shareProvider" issue={issues.shareProvider}>
        <Dropdown
          className={form.dropdown}
          value={shareProviderLabels[draft.shareProvider]}
          selectedOptions={[draft.shareProvider]}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            const provider = shareProviders.find((p) => p === data.optionValue);
            if (provider) onChange({ shareProvider: provider });
          }}
        >
          {shareProviders.map((provider) => (
            <Option key={provider} value={provider}>
              {shareProviderLabels[provider]}
            </Option>
          ))}
        </Dropdown>
      </FormRow>
      {draft.shareProvider === 'samba' && (
        <FormRow label="smb.conf" field="sambaConf" issue={issues.sambaConf} hint="The Samba server's configuration file, on the site server.">
          <Input placeholder="/etc/samba/smb.conf" value={draft.sambaConf} disabled={disabled} onChange={(_, data) => onChange({ sambaConf: data.value })} />
        </FormRow>
      )}
      <Checkbox
        label="Enable for BITS (clients download in the background, resuming after a break)"
        checked={draft.bitsEnabled}
        disabled={disabled}
        onChange={(_, data) => onChange({ bitsEnabled: data.checked === true })}
      />
      <Text size={200} className={form.note}>
        {mode === 'server'
          ? 'Distribution Manager creates SMSPKG<letter>$ on the volume with the most free space after its reserve.'
          : 'Distribution Manager copies each package to a folder of this share named by its Package ID.'}
      </Text>
    </div>
  );
}

/** Protected: clients outside the boundaries are not sent to this distribution point. */
export function DpProtectedFields({ draft, issues, disabled = false, onChange }: DpFieldsProps) {
  const form = useFormStyles();
  return (
    <div className={form.page}>
      <Checkbox
        label="Enable as a protected distribution point"
        checked={draft.protected}
        disabled={disabled}
        onChange={(_, data) => onChange({ protected: data.checked === true })}
      />
      <Text size={200} className={form.note}>
        A protected distribution point serves only clients inside its boundaries: the IP subnets, IP ranges and Active Directory sites below.
      </Text>
      {draft.protected && (
        <div className={form.nested}>
          <BoundariesEditor boundaries={draft.boundaries} issues={issues} disabled={disabled} onChange={(boundaries) => onChange({ boundaries })} />
        </div>
      )}
    </div>
  );
}
