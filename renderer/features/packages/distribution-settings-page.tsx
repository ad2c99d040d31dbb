import { Checkbox, Dropdown, Field, Option, Radio, RadioGroup, Text, makeStyles } from '@fluentui/react-components';
import { preferredSenders, sendingPriorities } from '../../../core/api';
import { GroupFrame } from '../../components/property-sheet';
import { preferredSenderLabels, sendingPriorityLabels, toPreferredSender, toSendingPriority } from './distribution-labels';
import type { PackagePageProps } from './package-page-props';
import { usePackagePageStyles } from './package-page-styles';

/** Option values cannot be '' in a Dropdown's selection, so "<No Preference>" travels under a stand-in. */
const noPreference = 'none';

const useStyles = makeStyles({
  // Fluent's Dropdown has a 250px minimum that overflows a half-width column.
  dropdown: { minWidth: 0, width: '100%' },
  // The sender names are long; one per line reads better than wrapped pairs.
  listbox: { minWidth: '340px' },
});

export function DistributionSettingsPage({ draft, issues, onChange }: PackagePageProps) {
  const styles = useStyles();
  const page = usePackagePageStyles();
  const automatic = draft.branchContent === 'downloadAutomatically';
  return (
    <div className={page.page}>
      <Text size={200} className={page.note}>
        The sending priority and preferred sender apply when this package is sent to distribution points in child sites. With
        no child sites, they have no effect.
      </Text>
      <div className={page.columns}>
        <Field label="Sending priority" validationMessage={issues.sendingPriority}>
          <Dropdown
            className={styles.dropdown}
            value={sendingPriorityLabels[draft.sendingPriority]}
            selectedOptions={[draft.sendingPriority]}
            onOptionSelect={(_, data) => {
              const sendingPriority = toSendingPriority(data.optionValue);
              if (sendingPriority) onChange({ sendingPriority });
            }}
          >
            {sendingPriorities.map((priority) => (
              <Option key={priority} value={priority}>
                {sendingPriorityLabels[priority]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Preferred sender" validationMessage={issues.preferredSender}>
          <Dropdown
            className={styles.dropdown}
            listbox={{ className: styles.listbox }}
            value={preferredSenderLabels[draft.preferredSender]}
            selectedOptions={[draft.preferredSender === '' ? noPreference : draft.preferredSender]}
            onOptionSelect={(_, data) => {
              const preferredSender = data.optionValue === noPreference ? '' : toPreferredSender(data.optionValue);
              if (preferredSender !== undefined) onChange({ preferredSender });
            }}
          >
            {preferredSenders.map((sender) => (
              <Option key={sender} value={sender === '' ? noPreference : sender}>
                {preferredSenderLabels[sender]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <GroupFrame legend="Branch distribution point settings">
        <RadioGroup
          aria-label="Branch distribution point settings"
          value={draft.branchContent}
          onChange={(_, data) =>
            onChange({ branchContent: data.value === 'administratorCopies' ? 'administratorCopies' : 'downloadAutomatically' })
          }
        >
          <Radio
            value="downloadAutomatically"
            label="Automatically download content when packages are assigned to branch distribution points"
          />
          <div className={page.nested}>
            <Checkbox
              label="Make this package available on protected distribution points when requested by clients inside the protected boundaries"
              disabled={!automatic}
              checked={draft.availableOnProtectedOnRequest}
              onChange={(_, data) => onChange({ availableOnProtectedOnRequest: data.checked === true })}
            />
          </div>
          <Radio value="administratorCopies" label="Administrator manually copies this package to branch distribution points" />
        </RadioGroup>
      </GroupFrame>
    </div>
  );
}
