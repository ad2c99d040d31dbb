import { Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { FormRow, fieldAnchor, useFormStyles } from '../../components/form-layout';
import type { PackagePageProps } from './package-page-props';

export function ReportingPage({ draft, issues, onChange }: PackagePageProps) {
  const page = useFormStyles();
  const custom = draft.mifMatching === 'customFields';
  return (
    <div className={page.page}>
      <Text size={200} className={page.note}>
        When a program of this package runs, the client reports installation status in a status MIF file. Choose how the
        site matches those files to this package.
      </Text>
      <RadioGroup
        aria-label="Status MIF matching"
        value={draft.mifMatching}
        onChange={(_, data) => onChange({ mifMatching: data.value === 'customFields' ? 'customFields' : 'packageProperties' })}
        {...fieldAnchor('mifMatching')}
      >
        <Radio value="packageProperties" label="Use package properties for status MIF matching" />
        <Radio value="customFields" label="Use these fields for status MIF matching" />
      </RadioGroup>
      <div className={page.nested}>
        <FormRow label="MIF file name" field="mifFileName" issue={issues.mifFileName}>
          <Input value={draft.mifFileName} disabled={!custom} onChange={(_, data) => onChange({ mifFileName: data.value })} />
        </FormRow>
        <FormRow label="Name" field="mifName" issue={issues.mifName}>
          <Input value={draft.mifName} disabled={!custom} onChange={(_, data) => onChange({ mifName: data.value })} />
        </FormRow>
        <FormRow label="Version" field="mifVersion" issue={issues.mifVersion}>
          <Input value={draft.mifVersion} disabled={!custom} onChange={(_, data) => onChange({ mifVersion: data.value })} />
        </FormRow>
        <FormRow label="Publisher" field="mifPublisher" issue={issues.mifPublisher}>
          <Input value={draft.mifPublisher} disabled={!custom} onChange={(_, data) => onChange({ mifPublisher: data.value })} />
        </FormRow>
      </div>
    </div>
  );
}
