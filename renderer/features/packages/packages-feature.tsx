import { AddRegular, ArrowSyncCircleRegular, CheckmarkStarburstRegular, BoxMultipleRegular, BoxRegular, DeleteRegular, DocumentAddRegular, SettingsRegular } from '@fluentui/react-icons';
import { fullPackageName, type PackageListItem } from '../../../core/api';
import { command, separator, submenu } from '../../components/action-menu';
import { sortByText } from '../../components/data-grid';
import type { ConsoleNode } from '../../console/node-kinds';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration } from '../../shell/registration';
import { DeletePackageDialog } from './delete-package-dialog';
import { NewPackageWizard } from './new-package-wizard';
import { PackagePropertiesDialog } from './package-properties-dialog';
import { followPackageChanges } from './packages-store';
import { PackagesView } from './packages-view';
import type { PackagesNodeKinds, PackagesPopupKinds } from './packages-kinds';
import { showMessagesInViewer } from '../status-viewer/show-messages';
import { distributeSoftwareAction } from '../distribute-software/distribute-action';

interface PackageIndex {
  /** The Packages folder's children, by the suite's display name. */
  readonly nodes: readonly ConsoleNode[];
  readonly byId: ReadonlyMap<string, PackageListItem>;
}

// The tree is rebuilt whenever a store changes; the packages are sorted again only when they changed.
const indexes = new WeakMap<readonly PackageListItem[], PackageIndex>();

function indexOf(packages: readonly PackageListItem[]): PackageIndex {
  let index = indexes.get(packages);
  if (index === undefined) {
    // By name as the lists order names (sort keys, not a collator call per comparison: 100,000
    // packages sort in a fraction of the time), equal names by Package ID.
    const byId = [...packages].sort((a, b) => (a.packageId < b.packageId ? -1 : a.packageId > b.packageId ? 1 : 0));
    const named = sortByText(byId, fullPackageName);
    index = {
      nodes: named.map((pkg) => ({ kind: 'package', packageId: pkg.packageId })),
      byId: new Map(packages.map((pkg) => [pkg.packageId, pkg])),
    };
    indexes.set(packages, index);
  }
  return index;
}

/** Packages: the folder of every package, each package's node, and their wizards and dialogs. */
export const packagesFeature: FeatureRegistration<keyof PackagesNodeKinds, never, keyof PackagesPopupKinds> = {
  nodes: {
    packages: {
      label: 'Packages',
      icon: BoxMultipleRegular,
      description: 'Software packages: their source files, programs and distribution points.',
      children: (_, stores) => indexOf(stores.packages.getState().list.items).nodes,
      childrenPending: (_, stores) => stores.packages.getState().list.status === 'loading',
      details: {
        kind: 'list',
        View: PackagesView,
        rows: (_, keys, source) =>
          detailsRows(
            'node',
            keys.map((key) => source.childItem(key)).filter((item) => item !== undefined),
          ),
        count: (_, stores) => {
          const list = stores.packages.getState().list;
          return list.status === 'ready' ? list.items.length : null;
        },
      },
      actions: (_, { shell }) => [
        submenu('new', 'New', [
          command('new-package', 'Package', () => shell.openPopup({ kind: 'new-package' }), { icon: BoxRegular }),
          command('new-package-from-definition', 'Package From Definition', () => shell.openPopup({ kind: 'new-package-from-definition' }), {
            icon: DocumentAddRegular,
          }),
        ], { icon: AddRegular }),
      ],
      refresh: (_, stores) => stores.packages.getState().load(),
    },
    package: {
      label: (node, stores) => {
        const pkg = indexOf(stores.packages.getState().list.items).byId.get(node.packageId);
        return pkg ? fullPackageName(pkg) : node.packageId;
      },
      icon: BoxRegular,
      description: 'A software package: its access accounts, distribution points, programs and status.',
      idSegment: (node) => node.packageId,
      children: ({ packageId }) => [
        { kind: 'package-access-accounts', packageId },
        { kind: 'package-distribution-points', packageId },
        { kind: 'package-programs', packageId },
        { kind: 'package-status', packageId },
      ],
      details: { kind: 'children' },
      actions: ({ packageId }, { stores, shell }) => {
        const pkg = indexOf(stores.packages.getState().list.items).byId.get(packageId);
        return [
          command('properties', 'Properties', () => shell.openPopup({ kind: 'package-properties', packageId }), {
            icon: SettingsRegular,
            disabled: pkg === undefined,
          }),
          command('delete', 'Delete', () => pkg && shell.openPopup({ kind: 'delete-package', pkg }), {
            icon: DeleteRegular,
            shortcut: 'Del',
            disabled: pkg === undefined,
          }),
          separator('after-delete'),
          distributeSoftwareAction({ from: 'package', packageId }, shell, { disabled: pkg === undefined }),
          // Sends a new source version to every DP of the package (the package-distribution feature's dialog).
          command('update-distribution-points', 'Update Distribution Points', () => shell.openPopup({ kind: 'update-distribution-points', packageId }), {
            icon: ArrowSyncCircleRegular,
            disabled: pkg === undefined || !pkg.containsSourceFiles,
          }),
          // Re-hashes the copy on every DP of the package against its manifest (the package-distribution feature's dialog).
          command('validate-distribution-points', 'Validate Distribution Points', () => shell.openPopup({ kind: 'validate-package', packageId }), {
            icon: CheckmarkStarburstRegular,
            disabled: pkg === undefined || !pkg.containsSourceFiles,
          }),
          separator('after-validate'),
          // Set Viewing Period, then the Status Message Viewer (the status-viewer feature).
          showMessagesInViewer({ packageId, about: pkg === undefined ? `package ${packageId}` : `package ${pkg.name} (${packageId})` }, shell),
        ];
      },
      refresh: ({ packageId }, stores) => stores.packages.getState().refreshOne(packageId),
    },
  },
  rows: {},
  popups: {
    'new-package': {
      render: (_, { stores, shell, close }) => (
        <NewPackageWizard
          open
          onClose={close}
          onCreated={(pkg) => {
            stores.packages.getState().upsert(pkg);
            // In the Packages list, the new package is selected, ready for Properties or its programs.
            shell.selectRows({ kind: 'packages' }, [pkg.packageId]);
            shell.setStatus(`Created package ${pkg.name} (${pkg.packageId}).`);
          }}
        />
      ),
    },
    'package-properties': {
      render: ({ packageId }, { close }) => <PackagePropertiesDialog packageId={packageId} onClose={close} />,
    },
    'delete-package': {
      render: ({ pkg }, { stores, shell, close }) => (
        <DeletePackageDialog
          pkg={pkg}
          onClose={close}
          onDeleted={(packageId) => {
            shell.rowsDeleted([packageId], () => stores.packages.getState().applyChange({ change: 'deleted', packageId, package: null }));
            shell.setStatus(`Deleted package ${packageId}.`);
          }}
        />
      ),
    },
  },
  start: (stores, bridge) => {
    void stores.packages.getState().load();
    return followPackageChanges(stores.packages, bridge);
  },
  activity: (stores) => {
    const list = stores.packages.getState().list;
    return { busy: list.refreshing || list.status === 'loading', message: list.status === 'loading' ? 'Loading packages…' : null };
  },
};
