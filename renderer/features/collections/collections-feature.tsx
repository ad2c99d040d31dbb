import { AddRegular, ArrowSyncRegular, DeleteRegular, PeopleCommunityAddRegular, PeopleCommunityRegular, SettingsRegular } from '@fluentui/react-icons';
import { CloseAtOnce } from '../../components/close-at-once';
import { command, separator, submenu } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration } from '../../shell/registration';
import { advertiseToCollection } from '../advertisements/advertisements-feature';
import { distributeSoftwareAction } from '../distribute-software/distribute-action';
import { CollectionMembersView, memberKey } from './collection-members-view';
import { CollectionPropertiesDialog } from './collection-properties-dialog';
import type { CollectionsNodeKinds, CollectionsPopupKinds, CollectionsRowKinds } from './collections-kinds';
import { followCollectionChanges } from './collections-store';
import { collectionIndex } from './collections-tree';
import { CollectionsView } from './collections-view';
import { DeleteCollectionPopup, deletedText } from './delete-collection-wizard';
import { NewCollectionWizard } from './new-collection-wizard';
import { membershipUpdateText, UpdateMembershipDialog } from './update-membership-dialog';

const builtInReason = 'A built-in collection (All Systems, All Users, All User Groups) cannot be deleted.';

/**
 * Computer Management › Collections: the collections of the site as a tree (subcollections, and
 * the collections linked under each, marked), each one's members, and its commands
 * (docs/console.md#collections).
 */
export const collectionsFeature: FeatureRegistration<keyof CollectionsNodeKinds, keyof CollectionsRowKinds, keyof CollectionsPopupKinds> = {
  nodes: {
    collections: {
      label: 'Collections',
      icon: PeopleCommunityRegular,
      description: 'Groups of computers and users that advertisements target.',
      children: (_, stores) => collectionIndex(stores.collections.getState().list.items).top,
      childrenPending: (_, stores) => stores.collections.getState().list.status === 'loading',
      details: {
        kind: 'list',
        View: CollectionsView,
        // A collection row is its tree node, as a package row is: its own commands, and Enter or a
        // double-click opens its Properties, as in every list of the console.
        rows: (_, keys, source) =>
          detailsRows(
            'node',
            keys.map((key) => source.childItem(key)).filter((item) => item !== undefined),
          ),
        count: (_, stores) => {
          const list = stores.collections.getState().list;
          return list.status === 'ready' ? list.items.filter((c) => c.parentCollectionId === null).length : null;
        },
      },
      actions: (_, { shell }) => [
        submenu('new', 'New', [command('new-collection', 'Collection', () => shell.openPopup({ kind: 'new-collection', parentCollectionId: null }), { icon: PeopleCommunityAddRegular })], {
          icon: AddRegular,
        }),
      ],
      refresh: (_, stores) => stores.collections.getState().load(),
    },
    collection: {
      label: ({ collectionId, linked }, stores) => {
        const name = collectionIndex(stores.collections.getState().list.items).byId.get(collectionId)?.name ?? collectionId;
        return linked ? `${name} (linked)` : name;
      },
      icon: PeopleCommunityRegular,
      description: 'A collection: the resources its membership rules select.',
      idSegment: (node) => node.collectionId,
      children: ({ collectionId }, stores) => collectionIndex(stores.collections.getState().list.items).children.get(collectionId) ?? [],
      details: {
        kind: 'list',
        View: CollectionMembersView,
        // The selected members (Ctrl+click, Shift+click) are one row, so its commands act on all of them.
        rows: ({ collectionId }, keys, { stores }) => {
          const members = stores.collections.getState().members[collectionId]?.items ?? [];
          const selected = keys.map((key) => members.find((m) => memberKey(m) === key)).filter((m) => m !== undefined);
          return selected.length === 0 ? [] : detailsRows('collection-member', [{ collectionId, members: selected }]);
        },
        count: ({ collectionId }, stores) => {
          const list = stores.collections.getState().members[collectionId];
          return list?.status === 'ready' ? list.items.length : null;
        },
      },
      actions: ({ collectionId }, { stores, shell }) => {
        const collection = collectionIndex(stores.collections.getState().list.items).byId.get(collectionId);
        return [
          submenu('new', 'New', [command('new-collection', 'Collection', () => shell.openPopup({ kind: 'new-collection', parentCollectionId: collectionId }), { icon: PeopleCommunityAddRegular, disabled: collection === undefined })], {
            icon: AddRegular,
          }),
          separator('after-new'),
          command('update-membership', 'Update Collection Membership', () => shell.openPopup({ kind: 'update-collection-membership', collectionId }), {
            icon: ArrowSyncRegular,
            disabled: collection === undefined,
          }),
          advertiseToCollection(collectionId, shell),
          distributeSoftwareAction({ from: 'collection', collectionId }, shell, { disabled: collection === undefined }),
          separator('after-update'),
          command('delete', 'Delete', () => shell.openPopup({ kind: 'delete-collection', collectionId }), {
            icon: DeleteRegular,
            shortcut: 'Del',
            disabled: collection === undefined || collection.builtIn,
            ...(collection?.builtIn ? { disabledReason: builtInReason } : {}),
          }),
          command('properties', 'Properties', () => shell.openPopup({ kind: 'collection-properties', collectionId }), {
            icon: SettingsRegular,
            disabled: collection === undefined,
          }),
        ];
      },
      refresh: async ({ collectionId }, stores) => {
        const [list, members] = await Promise.all([stores.collections.getState().load(), stores.collections.getState().loadMembers(collectionId)]);
        return list.ok ? members : list;
      },
    },
  },
  rows: {
    'collection-member': {
      label: ({ members }) => (members.length === 1 ? (members[0]?.name ?? '') : `${members.length} resources`),
      actions: ({ collectionId, members }, { shell }) => [
        distributeSoftwareAction({ from: 'resources', collectionId, resourceIds: members.map((m) => m.resourceId) }, shell),
      ],
    },
  },
  popups: {
    'update-collection-membership': {
      render: ({ collectionId }, { stores, shell, close }) => {
        const collection = collectionIndex(stores.collections.getState().list.items).byId.get(collectionId);
        if (collection === undefined) return <CloseAtOnce onClose={close} />;
        return (
          <UpdateMembershipDialog
            collection={collection}
            onClose={close}
            onUpdated={(updates) => {
              const state = stores.collections.getState();
              void state.load();
              for (const u of updates) if (state.members[u.collectionId] !== undefined) void state.loadMembers(u.collectionId);
              shell.setStatus(membershipUpdateText(collectionId, updates));
            }}
          />
        );
      },
    },
    'delete-collection': {
      render: ({ collectionId }, { stores, shell, close }) => (
        <DeleteCollectionPopup
          collectionId={collectionId}
          collections={stores.collections.getState().list.items}
          onClose={close}
          onDeleted={(answer) => {
            void stores.collections.getState().load();
            shell.setStatus(deletedText(answer));
          }}
        />
      ),
    },
    'new-collection': {
      render: ({ parentCollectionId }, { stores, shell, close }) => (
        <NewCollectionWizard
          open
          parentCollectionId={parentCollectionId}
          onClose={close}
          onCreated={(collection) => {
            stores.collections.getState().upsert([collection]);
            void stores.collections.getState().load();
            shell.setStatus(`Created collection ${collection.name} (${collection.collectionId}); ${collection.memberCount} members.`);
          }}
        />
      ),
    },
    'collection-properties': {
      render: ({ collectionId }, { shell, close }) => <CollectionPropertiesDialog collectionId={collectionId} onClose={close} onStatus={shell.setStatus} />,
    },
  },
  start: (stores, bridge) => {
    void stores.collections.getState().load();
    return followCollectionChanges(stores.collections, bridge);
  },
  activity: (stores) => {
    const list = stores.collections.getState().list;
    return { busy: list.status === 'loading', message: null };
  },
};
