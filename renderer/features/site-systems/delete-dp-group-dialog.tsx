import { Text } from '@fluentui/react-components';
import type { DpGroupDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { ConfirmDeleteDialog } from '../../components/confirm-delete';

/** Asks before deleting a DP group: its members and the packages on them stay as they are. */
export function DeleteDpGroupDialog({ group, onClose, onDeleted }: {
  readonly group: DpGroupDto;
  readonly onClose: () => void;
  /** The groups left. */
  readonly onDeleted: (remaining: readonly DpGroupDto[]) => void;
}) {
  const courier = useCourier();
  const remove = async (): Promise<string | null> => {
    const result = await settle(() => courier['dp-groups:delete']({ name: group.name }));
    if (!result.ok) return result.error.message;
    onDeleted(result.value);
    return null;
  };
  const members = group.members.length;
  return (
    <ConfirmDeleteDialog open title="Delete Distribution Point Group" onConfirm={remove} onClose={onClose}>
      <Text>
        Delete the distribution point group <Text weight="semibold">{group.name}</Text>?{' '}
        {members === 0
          ? 'It has no members.'
          : `Its ${members === 1 ? 'member keeps' : `${members} members keep`} the packages on ${members === 1 ? 'it' : 'them'}: only the group goes.`}
      </Text>
    </ConfirmDeleteDialog>
  );
}
