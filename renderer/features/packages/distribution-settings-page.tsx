import { Checkbox, Dropdown, Option, Radio, RadioGroup, Text, makeStyles } from '@fluentui/react-components';
import { preferredSenders, sendingPriorities } from '../../../core/api';
import { FormRow, fieldAnchor, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { preferredSenderLabels, sendingPriorityLabels, toPreferredSender, toSendingPriority } from './distribution-labels';
import type { PackagePageProps } from './package-page-props';

/** Option values cannot be '' in a Dropdown's selection, so "<No Preference>" travels under a stand-in. */
const noPreference = 'none';

const useStyles = makeStyles({
  // The sender names are long; one per line reads better than wrapped pairs.
  listbox: { minWidth: '340px' },
});

export function DistributionSettingsPage({ draft, issues, onChange }: PackagePageProps) {
  const styles = useStyles();
  const page = useFormStyles();
  const automatic = draft.branchContent === 'downloadAutomatically';
  return (
    <div className={page.page}>
      <Text size={200} className={page.note}>
        The sending priority and preferred sender apply when this package is sent to distribution points in child sites. With
        no child sites, they have no effect.
      </Text>
      <FormRow label="Sending priority" field="sendingPriority" issue={issues.sendingPriority}>
        <Dropdown
          className={page.dropdown}
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
      </FormRow>
      <FormRow label="Preferred sender" field="preferredSender" issue={issues.preferredSender}>
        <Dropdown
          className={page.dropdown}
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
      </FormRow>
      <GroupFrame legend="Branch distribution point settings">
        <RadioGroup
          aria-label="Branch distribution point settings"
          value={draft.branchContent}
          onChange={(_, data) =>
            onChange({ branchContent: data.value === 'administratorCopies' ? 'administratorCopies' : 'downloadAutomatically' })
          }
          {...fieldAnchor('branchContent')}
        >
          <Radio
            value="downloadAutomatically"
            label="Automatically download content when packages are assigned to branch distribution points"
          />
          <div className={page.nested} {...fieldAnchor('availableOnProtectedOnRequest')}>
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
