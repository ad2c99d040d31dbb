import { Checkbox, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { CollectionDto, MembershipUpdateDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';

/** The status bar's line for an update: what changed in the collection asked for, and how many were evaluated. */
export function membershipUpdateText(collectionId: string, updates: readonly MembershipUpdateDto[]): string {
  const own = updates.find((u) => u.collectionId === collectionId);
  const added = updates.reduce((n, u) => n + u.added, 0);
  const removed = updates.reduce((n, u) => n + u.removed, 0);
  const name = own?.name ?? collectionId;
  const others = updates.length > 1 ? ` across ${updates.length} collections` : '';
  return `Updated membership of ${name}: ${added.toLocaleString()} added, ${removed.toLocaleString()} removed${others}; ${(own?.memberCount ?? 0).toLocaleString()} members.`;
}

/** Update Collection Membership: asks first, as the suite does, and can take the subcollections along. */
export function UpdateMembershipDialog({ collection, onClose, onUpdated }: {
  readonly collection: CollectionDto;
  readonly onClose: () => void;
  readonly onUpdated: (updates: readonly MembershipUpdateDto[]) => void;
}): ReactNode {
  const courier = useCourier();
  const [includeSubcollections, setIncludeSubcollections] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function update(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await settle(() => courier['collections:update-membership']({ collectionId: collection.collectionId, includeSubcollections }));
    if (!result.ok) {
      setError(result.error.message);
      setBusy(false);
      return;
    }
    onUpdated(result.value);
    onClose();
  }

  return (
    <FormDialog
      open
      title="Update Collection Membership"
      okLabel="OK"
      busy={busy ? 'Updating membership…' : null}
      onOk={() => void update()}
      onCancel={onClose}
    >
      <Text>
        Update the membership of <Text weight="semibold">{collection.name}</Text>? Its rules are evaluated again now.
      </Text>
      <Checkbox
        label="Update membership of its subcollections too"
        checked={includeSubcollections}
        disabled={collection.subcollections.length === 0}
        onChange={(_, data) => setIncludeSubcollections(data.checked === true)}
      />
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
