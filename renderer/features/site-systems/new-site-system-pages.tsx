import { Button, Checkbox, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { FormRow, fieldAnchor, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import type { DpIssues } from './dp-settings-draft';
import { dpSummary } from './dp-summary';
import { fieldLabel, fieldPage, newSiteSystemHeadings, type NewSiteSystemEdit, type NewSiteSystemState, type Submission } from './new-site-system-reducer';

const useStyles = makeStyles({
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(150px, 36%) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  row: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground3 },
  // A list (the volumes) keeps one item a line.
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  outcome: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  success: { fontSize: '32px', color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  failure: { fontSize: '32px', color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  fix: { alignSelf: 'flex-start' },
});

export interface SiteSystemPageProps {
  readonly state: NewSiteSystemState;
  readonly issues: DpIssues;
  readonly siteCode: string;
  readonly onChange: (changes: NewSiteSystemEdit) => void;
}

export function GeneralPage({ state, issues, siteCode, onChange }: SiteSystemPageProps) {
  const form = useFormStyles();
  const { draft, mode } = state;
  return (
    <div className={form.page}>
      <Text>
        {mode === 'server'
          ? 'Give the server’s name as the site server reaches it: its fully qualified domain name (dp01.contoso.com) or its NetBIOS name (DP01).'
          : 'Give the share that will hold the packages, \\\\server\\share, and the name the site knows this distribution point by.'}
      </Text>
      {mode === 'serverShare' && (
        <FormRow label="Share" field="serverShare" issue={issues.serverShare} required>
          <Input placeholder="\\files\dist" value={draft.serverShare} onChange={(_, data) => onChange({ serverShare: data.value })} />
        </FormRow>
      )}
      <FormRow label={fieldLabel('name', mode)} field="name" issue={issues.name} required>
        <Input placeholder="dp01.contoso.com" value={draft.name} onChange={(_, data) => onChange({ name: data.value })} />
      </FormRow>
      <FormRow label="Site code" messageLine={false}>
        <Input readOnly appearance="filled-darker" value={siteCode} />
      </FormRow>
    </div>
  );
}

export function RolesPage({ state, issues, onChange }: SiteSystemPageProps) {
  const form = useFormStyles();
  return (
    <div className={form.page}>
      <Text>Select the roles this site system plays for the site.</Text>
      <GroupFrame legend="Available roles">
        <div {...fieldAnchor('dpRole')}>
          <Checkbox label="Distribution point" checked={state.draft.dpRole} onChange={(_, data) => onChange({ dpRole: data.checked === true })} />
        </div>
        <Text size={200} className={form.note}>
          A distribution point holds copies of packages for clients. Other roles (management point, reporting point …) are not part of this console.
        </Text>
      </GroupFrame>
      {issues.dpRole !== undefined && <Text className={form.note}>{issues.dpRole}</Text>}
    </div>
  );
}

export function SummaryPage({ state, siteCode }: { readonly state: NewSiteSystemState; readonly siteCode: string }) {
  const styles = useStyles();
  const form = useFormStyles();
  const rows = dpSummary(state, siteCode);
  return (
    <div className={form.page}>
      <Text>The wizard will add this site system with the distribution point role. Click Next to add it.</Text>
      <dl className={styles.list}>
        {rows.map((row) => (
          <div key={row.label} className={styles.row}>
            <dt className={styles.label}>{row.label}</dt>
            <dd className={styles.value}>{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function ConfirmationPage({ submission, mode, onFixProblem }: {
  readonly submission: Extract<Submission, { kind: 'created' } | { kind: 'failed' }>;
  readonly mode: NewSiteSystemState['mode'];
  readonly onFixProblem: () => void;
}) {
  const styles = useStyles();
  const form = useFormStyles();
  if (submission.kind === 'created') {
    const { dp } = submission;
    return (
      <div className={styles.outcome}>
        <CheckmarkCircleRegular className={styles.success} aria-hidden />
        <div className={styles.text}>
          <Text weight="semibold" size={400} role="status">
            The wizard completed successfully
          </Text>
          <dl className={styles.list}>
            <div className={styles.row}>
              <dt className={styles.label}>Site system</dt>
              <dd className={styles.value}>{dp.serverName}</dd>
            </div>
            <div className={styles.row}>
              <dt className={styles.label}>Role</dt>
              <dd className={styles.value}>ConfigMgr Distribution Point ({dp.name})</dd>
            </div>
            <div className={styles.row}>
              <dt className={styles.label}>NAL path</dt>
              <dd className={styles.value}>{dp.nalPath}</dd>
            </div>
          </dl>
        </div>
      </div>
    );
  }
  const { field, error } = submission;
  const page = field === undefined ? undefined : newSiteSystemHeadings[fieldPage(field)];
  return (
    <div className={form.page}>
      <div className={styles.outcome}>
        <ErrorCircleRegular className={styles.failure} aria-hidden />
        <div className={styles.text} role="alert">
          <Text weight="semibold" size={400}>
            The wizard did not complete
          </Text>
          <Text>The site system was not added. The site server said:</Text>
          <Text weight="semibold">{error.message}</Text>
          {field !== undefined && page !== undefined && (
            <Text>
              The problem is with “{fieldLabel(field, mode)}” on the {page} page.
            </Text>
          )}
        </div>
      </div>
      <Button className={styles.fix} appearance="primary" onClick={onFixProblem}>
        {page !== undefined ? `Go to the ${page} page` : 'Back to the Summary page'}
      </Button>
    </div>
  );
}
