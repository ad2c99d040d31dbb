import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SummarySection } from './program-summary';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 40%) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  row: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
});

export function SettingsSummaryPage({ intro, sections }: { readonly intro: string; readonly sections: readonly SummarySection[] }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Text>{intro}</Text>
      {sections.map((section) => (
        <section key={section.title} className={styles.section} aria-label={section.title}>
          <h4 className={styles.title}>{section.title}</h4>
          <dl className={styles.list}>
            {section.rows.map((row) => (
              <div key={row.label} className={styles.row}>
                <dt className={styles.label}>{row.label}</dt>
                <dd className={styles.value}>{row.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
