import { ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { DistributionProgressEvent } from '../../../core/api';
import { progressFraction, progressText } from './package-dp-labels';

const useStyles = makeStyles({
  cell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, height: '100%' },
  bar: { width: '72px', flexShrink: 0 },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
});

/** A copy in progress: its bar, then files, bytes, rate and time left, as Distribution Manager reports them. */
export function ProgressCell({ progress }: { readonly progress: DistributionProgressEvent | undefined }): ReactNode {
  const styles = useStyles();
  if (progress === undefined) return null;
  const text = progressText(progress);
  const percent = Math.round(progressFraction(progress) * 100);
  return (
    <span className={styles.cell} title={text}>
      <ProgressBar className={styles.bar} value={progressFraction(progress)} thickness="large" aria-label={`Copied ${percent}%`} />
      <span className={styles.text}>{text}</span>
    </span>
  );
}
