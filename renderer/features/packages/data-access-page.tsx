import { Checkbox, Input, Radio, RadioGroup, SpinButton, Text } from '@fluentui/react-components';
import { FormRow, fieldAnchor, spinValue, useFormStyles } from '../../components/form-layout';
import type { PackagePageProps } from './package-page-props';

export function DataAccessPage({ draft, issues, onChange }: PackagePageProps) {
  const page = useFormStyles();
  const ownShare = draft.dataAccess === 'shareFolder';
  return (
    <div className={page.page}>
      <RadioGroup
        aria-label="Distribution folder access"
        value={draft.dataAccess}
        onChange={(_, data) => onChange({ dataAccess: data.value === 'shareFolder' ? 'shareFolder' : 'commonShare' })}
        {...fieldAnchor('dataAccess')}
      >
        <Radio value="commonShare" label="Access the distribution folder through common ConfigMgr package share" />
        <div className={page.nested}>
          <Text size={200} className={page.note}>
            Each distribution point keeps the files in a folder of its hidden SMSPKGx$ share, where x is the drive with the
            most free space.
          </Text>
        </div>
        <Radio value="shareFolder" label="Share the distribution folder" />
      </RadioGroup>
      <div className={page.nested}>
        <FormRow label="Share name" field="shareFolder" issue={issues.shareFolder}>
          <Input
            value={draft.shareFolder}
            disabled={!ownShare}
            placeholder="\\server\share\path"
            onChange={(_, data) => onChange({ shareFolder: data.value })}
          />
        </FormRow>
        <Text size={200} className={page.note}>
          It must already exist on every distribution point you target, and no other package may use it. With only a share
          (\\server\appshare), everything in it is deleted and re-created whenever the package is updated or refreshed; with
          a path (\\server\appshare\word), only that last folder is.
        </Text>
      </div>
      <Checkbox
        label="Disconnect users from distribution points"
        checked={draft.disconnectUsers}
        onChange={(_, data) => onChange({ disconnectUsers: data.checked === true })}
      />
      <div className={page.nested}>
        <FormRow label="Number of retries before disconnecting users" field="disconnectRetries" issue={issues.disconnectRetries} hint="0 to 99" grow={false}>
          <SpinButton
            size="small"
            className={page.number}
            min={0}
            max={99}
            disabled={!draft.disconnectUsers}
            value={draft.disconnectRetries}
            onChange={(_, data) => {
              const value = spinValue(data);
              if (value !== null) onChange({ disconnectRetries: value });
            }}
          />
        </FormRow>
        <FormRow label="User grace period (minutes)" field="userGracePeriod" issue={issues.userGracePeriod} hint="0 to 59" grow={false}>
          <SpinButton
            size="small"
            className={page.number}
            min={0}
            max={59}
            disabled={!draft.disconnectUsers}
            value={draft.userGracePeriod}
            onChange={(_, data) => {
              const value = spinValue(data);
              if (value !== null) onChange({ userGracePeriod: value });
            }}
          />
        </FormRow>
      </div>
    </div>
  );
}
