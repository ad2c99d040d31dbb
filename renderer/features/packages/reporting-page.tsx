import { Field, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { PackagePageProps } from './package-page-props';
import { usePackagePageStyles } from './package-page-styles';

export function ReportingPage({ draft, issues, onChange }: PackagePageProps) {
  const page = usePackagePageStyles();
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
      >
        <Radio value="packageProperties" label="Use package properties for status MIF matching" />
        <Radio value="customFields" label="Use these fields for status MIF matching" />
      </RadioGroup>
      <div className={page.nested}>
        <Field label="MIF file name" validationMessage={issues.mifFileName}>
          <Input value={draft.mifFileName} disabled={!custom} onChange={(_, data) => onChange({ mifFileName: data.value })} />
        </Field>
        <Field label="Name" validationMessage={issues.mifName}>
          <Input value={draft.mifName} disabled={!custom} onChange={(_, data) => onChange({ mifName: data.value })} />
        </Field>
        <div className={page.columns}>
          <Field label="Version" validationMessage={issues.mifVersion}>
            <Input value={draft.mifVersion} disabled={!custom} onChange={(_, data) => onChange({ mifVersion: data.value })} />
          </Field>
          <Field label="Publisher" validationMessage={issues.mifPublisher}>
            <Input value={draft.mifPublisher} disabled={!custom} onChange={(_, data) => onChange({ mifPublisher: data.value })} />
          </Field>
        </div>
      </div>
    </div>
  );
}
