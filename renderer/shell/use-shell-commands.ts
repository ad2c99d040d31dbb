import { useMemo } from 'react';
import { assertNever } from '../components/assert-never';
import { useAccessAccountsStore } from '../features/access-accounts/access-accounts-store';
import { usePackagesStore } from '../features/packages/packages-store';
import { useProgramsStore } from '../features/programs/programs-store';
import { useSiteStore } from '../features/site/site-store';
import type { ConsoleNode } from './console-node';
import type { ShellCommands } from './node-actions';
import { useShellStore } from './shell-store';

async function refreshNode(node: ConsoleNode): Promise<void> {
  const packages = usePackagesStore.getState();
  switch (node.kind) {
    case 'site-database':
      await Promise.all([useSiteStore.getState().load(), packages.load()]);
      return;
    case 'computer-management':
    case 'software-distribution':
    case 'packages':
      await packages.load();
      return;
    case 'package':
      await packages.refreshOne(node.packageId);
      return;
    case 'package-programs':
      await useProgramsStore.getState().load(node.packageId);
      return;
    case 'package-access-accounts':
      await useAccessAccountsStore.getState().load(node.packageId);
      return;
    // These nodes offer no Refresh (nothing of theirs is read from the site yet).
    case 'package-distribution-points':
    case 'package-status':
    case 'advertisements':
    case 'collections':
    case 'site-settings':
    case 'site-systems':
    case 'component-configuration':
    case 'client-agents':
    case 'system-status':
    case 'component-status':
    case 'package-status-summary':
    case 'advertisement-status':
    case 'status-message-queries':
      return;
    default:
      assertNever(node);
  }
}

/** A package's Programs or Access Accounts list keeps its own error. */
function listError(node: ConsoleNode): string | null {
  if (node.kind === 'package-programs') return useProgramsStore.getState().lists[node.packageId]?.error ?? null;
  if (node.kind === 'package-access-accounts') return useAccessAccountsStore.getState().lists[node.packageId]?.error ?? null;
  return null;
}

/** The one implementation of every action, shared by the tree, the list, the menus and the toolbar. */
export function useShellCommands(): ShellCommands {
  return useMemo<ShellCommands>(() => {
    const shell = () => useShellStore.getState();
    return {
      newPackage: () => shell().openPopup({ kind: 'new-package' }),
      newPackageFromDefinition: () => shell().openPopup({ kind: 'new-package-from-definition' }),
      packageProperties: (packageId) => shell().openPopup({ kind: 'package-properties', packageId }),
      deletePackage: (pkg) => shell().openPopup({ kind: 'delete-package', pkg }),
      newProgram: (packageId) => shell().openPopup({ kind: 'new-program', packageId }),
      newDeviceProgram: (packageId) => shell().openPopup({ kind: 'new-device-program', packageId }),
      programProperties: (program) => shell().openPopup({ kind: 'program-properties', program }),
      deleteProgram: (program) => shell().openPopup({ kind: 'delete-program', program }),
      newAccessAccount: (packageId, accountKind) => shell().openPopup({ kind: 'new-access-account', packageId, accountKind }),
      accessAccountProperties: (account) => shell().openPopup({ kind: 'access-account-properties', account }),
      deleteAccessAccount: (account) => shell().openPopup({ kind: 'delete-access-account', account }),
      help: (nodeId) => shell().openPopup({ kind: 'help', nodeId }),
      open: (nodeId) => shell().select(nodeId, { reveal: true }),
      refresh: (node) => {
        shell().setStatusText('Refreshing…');
        void refreshNode(node).then(() => {
          const failed = usePackagesStore.getState().error ?? useSiteStore.getState().error ?? listError(node);
          const time = new Date().toLocaleTimeString(undefined, { timeStyle: 'short' });
          shell().setStatusText(failed ? 'The refresh failed; the details pane says why.' : `Refreshed at ${time}.`);
        });
      },
    };
  }, []);
}
