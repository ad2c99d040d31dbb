import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ComponentSummariesDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';

/**
 * Asks before Reset Counts: the component's (or every component's) counts start again from
 * zero, and the messages themselves stay (docs/status-messages.md#component-status).
 */
export function ResetCountsDialog({ component, onClose, onReset }: {
  /** null: every component. */
  readonly component: string | null;
  readonly onClose: () => void;
  readonly onReset: (summaries: ComponentSummariesDto) => void;
}): ReactNode {
  const courier = useCourier();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reset = async () => {
    setBusy(true);
    setError(null);
    const result = await settle(() => courier['status:component-reset'](component === null ? {} : { component }));
    if (!result.ok) {
      setError(result.error.message);
      setBusy(false);
      return;
    }
    onReset(result.value);
    onClose();
  };
  return (
    <FormDialog open modalType="alert" title="Reset Counts" okLabel="Reset Counts" busy={busy ? 'Resetting…' : null} onOk={() => void reset()} onCancel={onClose}>
      <Text>
        {component === null ? (
          <>Set the error, warning and information counts of <Text weight="semibold">every component</Text> to zero?</>
        ) : (
          <>
            Set the error, warning and information counts of <Text weight="semibold">{component}</Text> to zero?
          </>
        )}
      </Text>
      <Text>Only messages reported from now on are counted, and the status follows them. The status messages themselves are kept.</Text>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
