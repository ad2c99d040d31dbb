import { Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { BoxRegular } from '@fluentui/react-icons';
import { fullPackageName } from '../../../core/api';
import { formatDateTime } from '../../components/date-time';
import type { PackagePageProps } from './package-page-props';
import { FormRow, oneLineText, useFormStyles } from '../../components/form-layout';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: {
    fontSize: '24px',
    color: tokens.colorBrandForeground1,
    flexShrink: 0,
  },
  fullName: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: '24px',
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** What the property sheet shows about a saved package; the wizard has none yet. */
export interface PackageDetails {
  readonly packageId: string;
  readonly sourceVersion: number;
  readonly lastModified: string;
}

export interface GeneralPageProps extends PackagePageProps {
  readonly details?: PackageDetails;
}

export function GeneralPage({ draft, issues, onChange, details }: GeneralPageProps) {
  const styles = useStyles();
  const page = useFormStyles();
  return (
    <div className={page.page}>
      <div className={styles.header}>
        <BoxRegular className={styles.icon} aria-hidden />
        {/*
          The console shows the full package name in a box at the top of the page
          (docs/software-distribution.md#new-package-wizard).
          Drawn like a read-only box but not an input, so "Name" stays the only field labelled Name.
        */}
        <div className={styles.fullName} title="Full package name">
          {fullPackageName(draft) || '\u00a0'}
        </div>
      </div>
      <FormRow label="Name" field="name" issue={issues.name} required>
        <Input value={draft.name} onChange={(_, data) => onChange({ name: data.value })} />
      </FormRow>
      <FormRow label="Version" field="version" issue={issues.version}>
        <Input value={draft.version} onChange={(_, data) => onChange({ version: data.value })} />
      </FormRow>
      <FormRow label="Publisher" field="publisher" issue={issues.publisher}>
        <Input value={draft.publisher} onChange={(_, data) => onChange({ publisher: data.value })} />
      </FormRow>
      <FormRow label="Language" field="language" issue={issues.language}>
        <Input value={draft.language} onChange={(_, data) => onChange({ language: data.value })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issues.comment}>
        <Textarea {...oneLineText} value={draft.comment} rows={3} resize="none" onChange={(_, data) => onChange({ comment: data.value })} />
      </FormRow>
      {details && (
        <div className={styles.details}>
          <FormRow label="Package ID" messageLine={false}>
            <Input value={details.packageId} readOnly appearance="filled-darker" />
          </FormRow>
          <FormRow label="Source version" messageLine={false}>
            <Input value={String(details.sourceVersion)} readOnly appearance="filled-darker" />
          </FormRow>
          <FormRow label="Last modified" messageLine={false}>
            <Input value={formatDateTime(details.lastModified)} readOnly appearance="filled-darker" />
          </FormRow>
        </div>
      )}
    </div>
  );
}
