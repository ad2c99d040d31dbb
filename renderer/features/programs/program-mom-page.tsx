import { Checkbox, Field, Text } from '@fluentui/react-components';
import type { ProgramPageProps } from './program-page-props';
import { useProgramPageStyles } from './program-page-styles';

export function ProgramMomPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useProgramPageStyles();
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
      <div className={page.nested}>
        <Field validationMessage={issues.generateMomAlertOnFailure}>
          <Checkbox
            label="Generate Operations Manager alert if this program fails"
            checked={draft.generateMomAlertOnFailure}
            disabled={!draft.disableMomAlerts}
            onChange={(_, data) => onChange({ generateMomAlertOnFailure: data.checked === true })}
          />
        </Field>
      </div>
    </div>
  );
}
