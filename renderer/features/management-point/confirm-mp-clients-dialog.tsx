import { MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { MpClientDto } from '../../../core/api';
import { FormDialog } from '../../components/form-dialog';
import type { ManagementPointStore } from './management-point-store';
import { confirmationSentences, mpClientActionLabels, type ClientActionOutcome } from './mp-client-actions';

const useStyles = makeStyles({
  message: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  icon: { fontSize: '32px', color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface ConfirmMpClientsDialogProps {
  readonly action: 'block' | 'reset';
  readonly clients: readonly MpClientDto[];
  readonly store: ManagementPointStore;
  readonly onClose: () => void;
  /** Told of every answer, a partial one included (the first refusal stops the rest). */
  readonly onDone: (outcome: ClientActionOutcome) => void;
}

/**
 * Block and Reset ask first: each changes what the clients can do at once. Cancel is the default
 * button, as before a deletion; a refusal stays in the dialog in the core's words.
 */
export function ConfirmMpClientsDialog({ action, clients, store, onClose, onDone }: ConfirmMpClientsDialogProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { question, effect } = confirmationSentences(action, clients);
  const label = mpClientActionLabels[action];

  async function confirm(): Promise<void> {
    setBusy(true);
    setError(null);
    const outcome = await store.getState().act(action, clients);
    onDone(outcome);
    if (outcome.error === null) {
      onClose();
      return;
    }
    setError(outcome.error);
    setBusy(false);
  }

  return (
    <FormDialog
      open
      title={action === 'block' ? 'Block Client' : 'Reset Client'}
      modalType="alert"
      okLabel={label}
      destructive
      busy={busy ? (action === 'block' ? 'Blocking…' : 'Resetting…') : null}
      onOk={() => void confirm()}
      onCancel={onClose}
    >
      <div className={styles.message}>
        <WarningRegular className={styles.icon} aria-hidden />
        <div className={styles.text}>
          <Text weight="semibold">{question}</Text>
          <Text>{effect}</Text>
        </div>
      </div>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
