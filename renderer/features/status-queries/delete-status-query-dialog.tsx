import type { ReactNode } from 'react';
import type { StatusQueryDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { ConfirmDeleteDialog } from '../../components/confirm-delete';

export interface DeleteStatusQueryDialogProps {
  readonly query: StatusQueryDto;
  readonly onClose: () => void;
  /** The queries the site has left. */
  readonly onDeleted: (left: readonly StatusQueryDto[]) => void;
}

/** Delete on one of the site's own queries; the messages it finds stay. */
export function DeleteStatusQueryDialog({ query, onClose, onDeleted }: DeleteStatusQueryDialogProps): ReactNode {
  const courier = useCourier();
  return (
    <ConfirmDeleteDialog
      open
      title="Delete Status Message Query"
      onClose={onClose}
      onConfirm={async () => {
        const result = await settle(() => courier['status-queries:delete']({ query: query.id }));
        if (!result.ok) return result.error.message;
        onDeleted(result.value);
        return null;
      }}
    >
      <p>Delete the status message query "{query.name}"? The status messages it finds stay.</p>
    </ConfirmDeleteDialog>
  );
}
