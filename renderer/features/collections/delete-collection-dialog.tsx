import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CollectionDeletedDto, CollectionDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { ConfirmDeleteDialog } from '../../components/confirm-delete';
import { deletionPlan } from './collections-tree';

/** The status bar's line from the core's answer. */
export function deletedText(answer: CollectionDeletedDto): string {
  const [first, ...subs] = answer.deleted;
  const what = first === undefined ? 'nothing' : `collection ${first.name} (${first.collectionId})`;
  const andSubs = subs.length === 0 ? '' : ` and ${subs.length === 1 ? '1 subcollection' : `${subs.length} subcollections`}`;
  const unlinked = answer.unlinked.length === 0 ? '' : `; unlinked ${answer.unlinked.map((u) => u.name).join(', ')}`;
  return `Deleted ${what}${andSubs}${unlinked}.`;
}

/**
 * Asks before deleting a collection, naming what goes with it: its own subcollections, all the
 * way down; collections only linked under it stay where they belong and lose that link.
 */
export function DeleteCollectionDialog({ collection, collections, onClose, onDeleted }: {
  readonly collection: CollectionDto;
  /** Every collection of the site, to tell which go and which are only unlinked. */
  readonly collections: readonly CollectionDto[];
  readonly onClose: () => void;
  readonly onDeleted: (answer: CollectionDeletedDto) => void;
}): ReactNode {
  const courier = useCourier();
  const plan = deletionPlan(collections, collection.collectionId);
  const subs = plan.deleted.filter((c) => c.collectionId !== collection.collectionId);
  const remove = async (): Promise<string | null> => {
    const result = await settle(() => courier['collections:delete']({ collectionId: collection.collectionId }));
    if (!result.ok) return result.error.message;
    onDeleted(result.value);
    return null;
  };
  return (
    <ConfirmDeleteDialog open title="Delete Collection" onConfirm={remove} onClose={onClose}>
      <Text>
        Delete the collection <Text weight="semibold">{collection.name}</Text> ({collection.collectionId})?
      </Text>
      {subs.length === 0 ? (
        <Text>It has no subcollections.</Text>
      ) : (
        <div>
          <Text>{subs.length === 1 ? 'Its subcollection is deleted too:' : `Its ${subs.length} subcollections are deleted too:`}</Text>
          <ul aria-label="Deleted with it">
            {subs.map((c) => (
              <li key={c.collectionId}>
                {c.name} ({c.collectionId})
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.unlinked.length > 0 && (
        <div>
          <Text>Only linked here, these stay where they belong and lose the link:</Text>
          <ul aria-label="Only unlinked">
            {plan.unlinked.map((c) => (
              <li key={`${c.parentName}/${c.collectionId}`}>
                {c.name} ({c.collectionId}), linked under {c.parentName}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ConfirmDeleteDialog>
  );
}
