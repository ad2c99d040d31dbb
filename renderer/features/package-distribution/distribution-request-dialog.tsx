import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { ApiResult, DistributionPlanDto } from '../../../core/api';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';

const useStyles = makeStyles({
  message: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  icon: { fontSize: '32px', color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface DistributionRequestDialogProps<T = DistributionPlanDto> {
  readonly title: string;
  /** "Update", "Refresh", "Delete". */
  readonly okLabel: string;
  readonly busyLabel: string;
  /** Deleting a package's folder on a DP: the button looks destructive and Cancel is the default. */
  readonly destructive?: boolean;
  /** Holds OK back (the rows are still being read, or there is nothing to do). */
  readonly okDisabled?: boolean;
  /** What will happen, in exact words. */
  readonly children: ReactNode;
  readonly request: () => Promise<ApiResult<T>>;
  readonly onDone: (answer: T) => void;
  readonly onClose: () => void;
}

/** Asks before Update Distribution Points, Refresh or Delete on a package's DP; a refusal stays in the dialog. */
export function DistributionRequestDialog<T = DistributionPlanDto>(props: DistributionRequestDialogProps<T>): ReactNode {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await settle(props.request);
    if (result.ok) {
      props.onDone(result.value);
      props.onClose();
      return;
    }
    setError(result.error.message);
    setBusy(false);
  }

  return (
    <FormDialog
      open
      title={props.title}
      modalType="alert"
      okLabel={props.okLabel}
      okDisabled={props.okDisabled}
      destructive={props.destructive}
      busy={busy ? props.busyLabel : null}
      onOk={() => void confirm()}
      onCancel={props.onClose}
    >
      <div className={styles.message}>
        <WarningRegular className={styles.icon} aria-hidden />
        <div className={styles.text}>{props.children}</div>
      </div>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
