import { AddRegular, ArrowClockwiseRegular, ArrowSyncRegular, BoxCheckmarkRegular, CheckmarkStarburstRegular, DeleteRegular, DismissCircleRegular, ServerRegular, StatusRegular, TextBulletListSquareRegular } from '@fluentui/react-icons';
import { command, separator, submenu, type Action } from '../../components/action-menu';
import type { NodeOf } from '../../console/node-kinds';
import { detailsRows } from '../../console/row-kinds';
import type { ConsoleStores } from '../../console/console-stores';
import type { FeatureRegistration, NodeRegistration } from '../../shell/registration';
import { NewDpsWizard } from './new-dps-wizard';
import type { PackageDistributionPopupKinds, PackageDistributionRowKinds } from './package-distribution-kinds';
import { showMessagesInViewer } from '../status-viewer/show-messages';
import { RefreshDpDialog, RemoveDpDialog, UpdateDpsDialog } from './package-dp-dialogs';
import { PackageDpsView } from './package-dps-view';
import { PackageStatusSummaryView } from './package-status-summary-view';
import { PackageStatusView } from './package-status-view';
import type { MessageFilter } from './package-dps-store';
import { messageFilterLabels } from './package-status-messages';
import { CancelRetriesDialog, RetryNowDialog } from './retry-dialogs';
import { canCancelRetries, canRetryNow } from './retry-text';
import { ValidateDialog } from './validate-dialog';

type PackageNodeKind = 'package-distribution-points' | 'package-status';

function dpRows({ packageId }: NodeOf<PackageNodeKind>, keys: readonly string[], stores: ConsoleStores) {
  const rows = stores.packageDps.getState().lists[packageId]?.items ?? [];
  return detailsRows(
    'package-dp',
    keys.map((key) => rows.find((row) => row.name === key)).filter((row) => row !== undefined),
  );
}

function dpCount({ packageId }: NodeOf<PackageNodeKind>, stores: ConsoleStores): number | null {
  const list = stores.packageDps.getState().lists[packageId];
  return list?.status === 'ready' ? list.items.length : null;
}

const messageFilters: readonly MessageFilter[] = ['all', 'info', 'warning', 'error'];

/** Show Messages › All / Info / Warning / Error: which of the package's status messages its Package Status node lists. */
function showMessages(packageId: string, stores: ConsoleStores): Action {
  const current = stores.packageDps.getState().messageFilters[packageId] ?? 'all';
  return submenu(
    'show-messages',
    'Show Messages',
    messageFilters.map((filter) =>
      command(`show-messages-${filter}`, messageFilterLabels[filter], () => stores.packageDps.getState().setMessageFilter(packageId, filter), {
        disabled: filter === current,
        disabledReason: 'These are the messages shown now.',
      }),
    ),
    { icon: TextBulletListSquareRegular },
  );
}

const packageStatusNode: NodeRegistration<'package-status'> = {
  label: 'Package Status',
  icon: StatusRegular,
  description: 'Where this package has been copied, and how each copy is doing.',
  details: { kind: 'list', View: PackageStatusView, rows: (node, keys, { stores }) => dpRows(node, keys, stores), count: dpCount },
  actions: ({ packageId }, { stores }) => [showMessages(packageId, stores)],
  refresh: ({ packageId }, stores) => stores.packageDps.getState().load(packageId),
};

/**
 * A package's Distribution Points and Package Status nodes, the New Distribution Points wizard,
 * and Update Distribution Points, Refresh and Delete (docs/console.md#distribution-points).
 */
export const packageDistributionFeature: FeatureRegistration<PackageNodeKind | 'package-status-summary', keyof PackageDistributionRowKinds, keyof PackageDistributionPopupKinds> = {
  nodes: {
    'package-distribution-points': {
      label: 'Distribution Points',
      icon: ServerRegular,
      description: 'The servers that hold a copy of this package for clients.',
      details: { kind: 'list', View: PackageDpsView, rows: (node, keys, { stores }) => dpRows(node, keys, stores), count: dpCount },
      actions: ({ packageId }, { stores, shell }) => {
        const pkg = stores.packages.getState().list.items.find((p) => p.packageId === packageId);
        return [
          command('new-distribution-points', 'New Distribution Points', () => shell.openPopup({ kind: 'new-distribution-points', packageId }), {
            icon: AddRegular,
            disabled: pkg === undefined,
          }),
        ];
      },
      refresh: ({ packageId }, stores) => stores.packageDps.getState().load(packageId),
    },
    'package-status': packageStatusNode,
    'package-status-summary': {
      label: 'Package Status',
      icon: BoxCheckmarkRegular,
      description: 'For every package, how many distribution points hold it.',
      // Its rows are packages, whose own commands are on their nodes under Packages.
      details: { kind: 'list', View: PackageStatusSummaryView, rows: () => [], count: (_, stores) => (stores.packageDps.getState().summary?.status === 'ready' ? stores.packages.getState().list.items.length : null) },
      refresh: async (_, stores) => {
        const [summary, packages] = await Promise.all([stores.packageDps.getState().loadSummary(), stores.packages.getState().load()]);
        return summary.ok ? packages : summary;
      },
    },
  },
  rows: {
    'package-dp': {
      label: (row) => row.name,
      actions: (row, { shell }) => {
        const removing = row.state === 'removalPending' || row.state === 'removalFailed';
        return [
          command('retry-now', 'Retry Now', () => shell.openPopup({ kind: 'retry-package-dp', row }), {
            icon: ArrowClockwiseRegular,
            disabled: !canRetryNow(row),
            disabledReason: 'Distribution Manager is not waiting to retry on this distribution point.',
          }),
          command('cancel-retries', 'Cancel', () => shell.openPopup({ kind: 'cancel-package-dp', row }), {
            icon: DismissCircleRegular,
            disabled: !canCancelRetries(row),
            disabledReason: 'Distribution Manager is not retrying on this distribution point.',
          }),
          separator('after-retries'),
          command('validate-distribution-point', 'Validate', () => shell.openPopup({ kind: 'validate-package', packageId: row.packageId, distributionPoint: row.name }), {
            icon: CheckmarkStarburstRegular,
            disabled: row.sourceVersion === null || removing,
            disabledReason: 'The package has not been copied to this distribution point.',
          }),
          showMessagesInViewer({ packageId: row.packageId, distributionPoint: row.nalPath, dpName: row.name, about: `package ${row.packageId} on ${row.name}` }, shell),
          separator('after-messages'),
          command('refresh-distribution-point', 'Refresh Distribution Point', () => shell.openPopup({ kind: 'refresh-package-dp', row }), {
            icon: ArrowSyncRegular,
            disabled: removing,
          }),
          command('delete', 'Delete', () => shell.openPopup({ kind: 'remove-package-dp', row }), {
            icon: DeleteRegular,
            shortcut: 'Del',
            disabled: row.state === 'removalPending',
          }),
        ];
      },
    },
  },
  popups: {
    'new-distribution-points': {
      render: ({ packageId }, { stores, shell, close }) => {
        const pkg = stores.packages.getState().list.items.find((p) => p.packageId === packageId);
        if (pkg === undefined) return null;
        return (
          <NewDpsWizard
            pkg={pkg}
            onClose={close}
            onDistributed={(plan) => {
              shell.setStatus(plan.summary);
              // The new rows are selected in the list, as a wizard's new row is, once read.
              void stores.packageDps
                .getState()
                .load(packageId)
                .then(() => shell.selectRows({ kind: 'package-distribution-points', packageId }, plan.distributionPoints));
            }}
          />
        );
      },
    },
    'update-distribution-points': {
      render: ({ packageId }, { shell, close }) => <UpdateDpsDialog packageId={packageId} onClose={close} onDone={(plan) => shell.setStatus(plan.summary)} />,
    },
    'refresh-package-dp': {
      render: ({ row }, { shell, close }) => <RefreshDpDialog row={row} onClose={close} onDone={(plan) => shell.setStatus(plan.summary)} />,
    },
    'retry-package-dp': {
      render: ({ row }, { stores, shell, close }) => (
        <RetryNowDialog
          row={row}
          onClose={close}
          onDone={(after) => {
            void stores.packageDps.getState().load(row.packageId);
            shell.setStatus(`Distribution Manager tries ${row.name} again now (${after.state}).`);
          }}
        />
      ),
    },
    'cancel-package-dp': {
      render: ({ row }, { stores, shell, close }) => (
        <CancelRetriesDialog
          row={row}
          onClose={close}
          onDone={(after) => {
            void stores.packageDps.getState().load(row.packageId);
            shell.setStatus(`Retries on ${row.name} cancelled: ${after.state}.`);
          }}
        />
      ),
    },
    'validate-package': {
      render: ({ packageId, distributionPoint }, { shell, close }) => (
        <ValidateDialog packageId={packageId} {...(distributionPoint !== undefined ? { distributionPoint } : {})} onClose={close} onDone={(summary) => shell.setStatus(summary)} />
      ),
    },
    'remove-package-dp': {
      render: ({ row }, { stores, shell, close }) => (
        <RemoveDpDialog
          row={row}
          onClose={close}
          onDone={(plan) => {
            void stores.packageDps.getState().load(row.packageId);
            shell.setStatus(plan.summary);
          }}
        />
      ),
    },
  },
};
