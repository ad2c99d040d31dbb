import { Checkbox, Field, Input, Radio, RadioGroup, SpinButton, Text, makeStyles } from '@fluentui/react-components';
import type { PackagePageProps } from './package-page-props';
import { usePackagePageStyles } from './package-page-styles';
import { spinValue } from './spin-value';

const useStyles = makeStyles({
  // Label and SpinButton on one line, as in the original; the labels' column fits the longer
  // label on one line even in fonts wider than Segoe UI, and still fits the wizard's page.
  spinField: { gridTemplateColumns: '348px auto' },
});

export function DataAccessPage({ draft, issues, onChange }: PackagePageProps) {
  const styles = useStyles();
  const page = usePackagePageStyles();
  const ownShare = draft.dataAccess === 'shareFolder';
  return (
    <div className={page.page}>
      <RadioGroup
        aria-label="Distribution folder access"
        value={draft.dataAccess}
        onChange={(_, data) => onChange({ dataAccess: data.value === 'shareFolder' ? 'shareFolder' : 'commonShare' })}
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
        <Field
          label="Share name"
          validationMessage={issues.shareFolder}
          hint={
            <>
              It must already exist on every distribution point you target, and no other package may use it. With only a
              share (\\server\appshare), everything in it is deleted and re-created whenever the package is updated or
              refreshed; with a path (\\server\appshare\word), only that last folder is.
            </>
          }
        >
          <Input
            value={draft.shareFolder}
            disabled={!ownShare}
            placeholder="\\server\share\path"
            onChange={(_, data) => onChange({ shareFolder: data.value })}
          />
        </Field>
      </div>
      <Checkbox
        label="Disconnect users from distribution points"
        checked={draft.disconnectUsers}
        onChange={(_, data) => onChange({ disconnectUsers: data.checked === true })}
      />
      <div className={page.nested}>
        <Field
          className={styles.spinField}
          orientation="horizontal"
          label="Number of retries before disconnecting users"
          validationMessage={issues.disconnectRetries}
          hint="0 to 99"
        >
          <SpinButton
            className={page.spin}
            min={0}
            max={99}
            disabled={!draft.disconnectUsers}
            value={draft.disconnectRetries}
            onChange={(_, data) => {
              const value = spinValue(data);
              if (value !== null) onChange({ disconnectRetries: value });
            }}
          />
        </Field>
        <Field
          className={styles.spinField}
          orientation="horizontal"
          label="User grace period (minutes)"
          validationMessage={issues.userGracePeriod}
          hint="0 to 59"
        >
          <SpinButton
            className={page.spin}
            min={0}
            max={59}
            disabled={!draft.disconnectUsers}
            value={draft.userGracePeriod}
            onChange={(_, data) => {
              const value = spinValue(data);
              if (value !== null) onChange({ userGracePeriod: value });
            }}
          />
        </Field>
      </div>
    </div>
  );
}
