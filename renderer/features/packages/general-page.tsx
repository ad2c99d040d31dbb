import { Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { BoxRegular } from '@fluentui/react-icons';
import { fullPackageName } from '../../../core/api';
import type { PackagePageProps } from './package-page-props';
import { usePackagePageStyles } from './package-page-styles';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: {
    fontSize: '32px',
    color: tokens.colorBrandForeground1,
    flexShrink: 0,
  },
  fullName: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: '32px',
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
    display: 'grid',
    gridTemplateColumns: '1fr 1fr 1fr',
    columnGap: tokens.spacingHorizontalL,
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

function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function GeneralPage({ draft, issues, onChange, details }: GeneralPageProps) {
  const styles = useStyles();
  const page = usePackagePageStyles();
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
      {/* Required without Field's asterisk, which would join the label's text: the label stays "Name". */}
      <Field label="Name" validationMessage={issues.name}>
        <Input value={draft.name} required onChange={(_, data) => onChange({ name: data.value })} />
      </Field>
      <div className={page.columns}>
        <Field label="Version" validationMessage={issues.version}>
          <Input value={draft.version} onChange={(_, data) => onChange({ version: data.value })} />
        </Field>
        <Field label="Language" validationMessage={issues.language}>
          <Input value={draft.language} onChange={(_, data) => onChange({ language: data.value })} />
        </Field>
      </div>
      <Field label="Publisher" validationMessage={issues.publisher}>
        <Input value={draft.publisher} onChange={(_, data) => onChange({ publisher: data.value })} />
      </Field>
      <Field label="Comment" validationMessage={issues.comment}>
        <Textarea value={draft.comment} rows={3} resize="vertical" onChange={(_, data) => onChange({ comment: data.value })} />
      </Field>
      {details && (
        <div className={styles.details}>
          <Field label="Package ID" size="small">
            <Input value={details.packageId} readOnly appearance="filled-darker" size="small" />
          </Field>
          <Field label="Source version" size="small">
            <Input value={String(details.sourceVersion)} readOnly appearance="filled-darker" size="small" />
          </Field>
          <Field label="Last modified" size="small">
            <Input value={formatTimestamp(details.lastModified)} readOnly appearance="filled-darker" size="small" />
          </Field>
        </div>
      )}
    </div>
  );
}
