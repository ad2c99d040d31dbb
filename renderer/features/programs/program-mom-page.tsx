import { Checkbox, Text } from '@fluentui/react-components';
import { MessageLine, fieldAnchor, useFormStyles } from '../../components/form-layout';
import type { ProgramPageProps } from './program-page-props';

export function ProgramMomPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useFormStyles();
  return (
    <div className={page.page}>
      <Text>
        When the program runs it could trigger an Operations Manager rule, for example a restart after an installation
        that looks like a problem with the computer.
      </Text>
      <Checkbox
        label="Disable Operations Manager alerts while this program runs"
        checked={draft.disableMomAlerts}
        onChange={(_, data) => onChange({ disableMomAlerts: data.checked === true })}
      />
      <div className={page.nested} {...fieldAnchor('generateMomAlertOnFailure')}>
        <Checkbox
          label="Generate Operations Manager alert if this program fails"
          checked={draft.generateMomAlertOnFailure}
          disabled={!draft.disableMomAlerts}
          onChange={(_, data) => onChange({ generateMomAlertOnFailure: data.checked === true })}
        />
        <MessageLine issue={issues.generateMomAlertOnFailure} reserve={false} />
      </div>
    </div>
  );
}
