import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WizardFooter as WizardFooterState } from './wizard-types';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  status: {
    flexGrow: 1,
    minWidth: 0,
    color: tokens.colorNeutralForeground3,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  gap: { width: tokens.spacingHorizontalM, flexShrink: 0 },
  // Buttons keep their one-line labels; the status text beside them wraps instead.
  button: { flexShrink: 0, whiteSpace: 'nowrap' },
});

export interface WizardFooterProps {
  readonly footer: WizardFooterState;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
  readonly onSummary: () => void;
  readonly onClose: () => void;
}

/** SCCM 2007 wizard buttons, in its order and wording. */
export function WizardFooter({ footer, onPrevious, onNext, onSummary, onClose }: WizardFooterProps) {
  const styles = useStyles();
  switch (footer.kind) {
    case 'page':
      return (
        <div className={styles.footer}>
          <div className={styles.status} role="status">
            {footer.blockedReason && <Text size={200}>{footer.blockedReason}</Text>}
          </div>
          <Button className={styles.button} disabled={!footer.canGoBack} onClick={onPrevious}>
            {'< Previous'}
          </Button>
          <Button className={styles.button} appearance="primary" disabled={!footer.canGoNext} onClick={onNext}>
            {'Next >'}
          </Button>
          <Button className={styles.button} disabled={!footer.canJumpToSummary} onClick={onSummary}>
            Summary
          </Button>
          <span className={styles.gap} />
          <Button className={styles.button} onClick={onClose}>Cancel</Button>
        </div>
      );
    case 'summary':
      return (
        <div className={styles.footer}>
          <div className={styles.status} role="status">
            {footer.busy && <Spinner size="tiny" label={footer.busyLabel} />}
          </div>
          <Button className={styles.button} disabled={!footer.canGoBack || footer.busy} onClick={onPrevious}>
            {'< Previous'}
          </Button>
          <Button className={styles.button} appearance="primary" disabled={!footer.canGoNext || footer.busy} onClick={onNext}>
            {'Next >'}
          </Button>
          <Button className={styles.button} disabled>Summary</Button>
          <span className={styles.gap} />
          <Button className={styles.button} disabled={footer.busy} onClick={onClose}>
            Cancel
          </Button>
        </div>
      );
    case 'confirmation':
      return (
        <div className={styles.footer}>
          <div className={styles.status} />
          <Button className={styles.button} disabled={!footer.canGoBack} onClick={onPrevious}>
            {'< Previous'}
          </Button>
          <Button className={styles.button} disabled>{'Next >'}</Button>
          <Button className={styles.button} disabled>Summary</Button>
          <span className={styles.gap} />
          {/* After a failure the page offers the way back as its main action; Close steps aside. */}
          <Button className={styles.button} appearance={footer.canGoBack ? 'secondary' : 'primary'} onClick={onClose}>
            Close
          </Button>
        </div>
      );
  }
}
