import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTextRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { StatusMessageDto } from '../../../core/api';
import { formatDateTime } from '../../components/date-time';
import { attributeLabel, severityLabels, typeLabels } from './message-fields';
import type { MessageLog } from './message-log';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    overflow: 'auto',
    minHeight: 0,
    height: '100%',
    boxSizing: 'border-box',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    userSelect: 'text',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  headingRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  description: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  columns: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, auto)', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', fontVariantNumeric: 'tabular-nums' },
  caption: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  none: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
});

function Fields({ label, rows }: { readonly label: string; readonly rows: readonly (readonly [string, string])[] }): ReactNode {
  const styles = useStyles();
  return (
    <section aria-label={label}>
      <h3 className={styles.caption}>{label}</h3>
      {rows.length === 0 ? (
        <p className={styles.none}>None</p>
      ) : (
        <dl className={styles.fields}>
          {rows.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The selected message whole: every field, its insertion strings and its attributes. */
export function MessageDetails({ message, selectedCount, log = null }: { readonly message: StatusMessageDto | null; readonly selectedCount: number; readonly log?: MessageLog | null }): ReactNode {
  const styles = useStyles();
  if (message === null) {
    return (
      <div className={styles.root} role="region" aria-label="Message details">
        <p className={styles.note}>Select a message to see its details.</p>
      </div>
    );
  }
  const fields: (readonly [string, string])[] = [
    ['Severity', severityLabels[message.severity]],
    ['Type', typeLabels[message.type]],
    ['Message ID', String(message.messageId)],
    ['Component', message.component],
    ['Module', message.moduleName],
    ['Site code', message.siteCode],
    ['System', message.machine],
    ['Date / Time', formatDateTime(message.time, { seconds: true })],
    ['UTC', message.time],
    ['Process ID', String(message.processId)],
    ['Thread ID', String(message.threadId)],
    ['Record ID', String(message.recordId)],
  ];
  const strings = message.insertionStrings.map((text, index) => [`%${index + 1}`, text] as const);
  const attributes = Object.entries(message.attributes)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([id, value]) => [attributeLabel(id), value] as const);
  return (
    <div className={styles.root} role="region" aria-label="Message details">
      <div className={styles.headingRow}>
        <h2 className={styles.heading}>
          Message {message.messageId} from {message.component}
          {selectedCount > 1 ? ` (1 of ${selectedCount} selected)` : ''}
        </h2>
        {log !== null && (
          <Button size="small" icon={<DocumentTextRegular />} title={`${log.name} in the log viewer, at ${message.time}, thread ${message.threadId} marked`} onClick={() => window.open(log.href, '_blank')}>
            Show log lines
          </Button>
        )}
      </div>
      <p className={styles.description}>{message.description}</p>
      <div className={styles.columns}>
        <Fields label="Properties" rows={fields} />
        <div className={styles.stack}>
          <Fields label="Insertion strings" rows={strings} />
          <Fields label="Attributes" rows={attributes} />
        </div>
      </div>
    </div>
  );
}
