import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { FooterProblem, dialogButtonHeight } from '../form-layout';
import type { Ref } from 'react';
import type { WizardProblem, WizardFooter as WizardFooterState } from './wizard-types';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalMNudge,
    paddingBottom: tokens.spacingVerticalMNudge,
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
  button: { flexShrink: 0, whiteSpace: 'nowrap', minHeight: `${dialogButtonHeight}px` },
});

export interface WizardFooterProps {
  readonly footer: WizardFooterState;
  /** The default button of the footer (Next, or Close on Confirmation): Enter presses it. */
  readonly defaultButton: Ref<HTMLButtonElement>;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
  readonly onSummary: () => void;
  readonly onClose: () => void;
  readonly onShowProblem: (problem: WizardProblem) => void;
}

/** SCCM 2007 wizard buttons, in its order and wording; the default one is the primary one. */
export function WizardFooter({ footer, defaultButton, onPrevious, onNext, onSummary, onClose, onShowProblem }: WizardFooterProps) {
  const styles = useStyles();
  switch (footer.kind) {
    case 'page': {
      const blocked = footer.canGoNext ? null : footer.blocked;
      return (
        <div className={styles.footer}>
          <div className={styles.status} role="status">
            {blocked !== null && <FooterProblem problem={blocked} where={blocked.field !== undefined ? blocked.fieldLabel : undefined} onShow={() => onShowProblem(blocked)} />}
          </div>
          <Button className={styles.button} disabled={!footer.canGoBack} onClick={onPrevious}>
            {'< Previous'}
          </Button>
          <Button ref={defaultButton} className={styles.button} appearance="primary" disabled={!footer.canGoNext} onClick={onNext}>
            {'Next >'}
          </Button>
          <Button className={styles.button} disabled={!footer.canJumpToSummary} onClick={onSummary}>
            Summary
          </Button>
          <span className={styles.gap} />
          <Button className={styles.button} onClick={onClose}>Cancel</Button>
        </div>
      );
    }
    case 'summary':
      return (
        <div className={styles.footer}>
          <div className={styles.status} role="status">
            {footer.busy && <Spinner size="tiny" label={footer.busyLabel} />}
          </div>
          <Button className={styles.button} disabled={!footer.canGoBack || footer.busy} onClick={onPrevious}>
            {'< Previous'}
          </Button>
          <Button ref={defaultButton} className={styles.button} appearance="primary" disabled={!footer.canGoNext || footer.busy} onClick={onNext}>
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
          <Button ref={defaultButton} className={styles.button} appearance={footer.canGoBack ? 'secondary' : 'primary'} onClick={onClose}>
            Close
          </Button>
        </div>
      );
  }
}
