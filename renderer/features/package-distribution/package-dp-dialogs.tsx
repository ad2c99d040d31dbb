import { Spinner, Text } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { fullPackageName, type DistributionPlanDto, type PackageListItem } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { unreadList } from '../../client/live-list';
import { useConsoleStores } from '../../console/console-stores';
import { DistributionRequestDialog } from './distribution-request-dialog';
import { dpCount, formatBytes, nameList, packageDpStateLabels } from './package-dp-labels';
import { followPackageDpChanges, type PackageDpRow } from './package-dps-store';
import { sizeText, useSourceSize } from './use-source-size';

const isRemoval = (row: PackageDpRow): boolean => row.state === 'removalPending' || row.state === 'removalFailed';

interface DialogProps {
  readonly onDone: (plan: DistributionPlanDto) => void;
  readonly onClose: () => void;
}

/** "Office 2007 (A0100001)", or the ID alone when the package is not in the console's list. */
function packageLabel(pkg: PackageListItem | undefined, packageId: string): string {
  return pkg === undefined ? packageId : `${fullPackageName(pkg)} (${packageId})`;
}

function usePackage(packageId: string): PackageListItem | undefined {
  return useStore(useConsoleStores().packages, (s) => s.list.items.find((p) => p.packageId === packageId));
}

/**
 * Update Distribution Points on a package: a new source version, sent to every DP the package is on.
 * The DPs, the versions, and the files and bytes the site server counts now, before anything is sent.
 */
export function UpdateDpsDialog({ packageId, onDone, onClose }: DialogProps & { readonly packageId: string }): ReactNode {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const { packageDps } = useConsoleStores();
  const pkg = usePackage(packageId);
  const list = useStore(packageDps, (s) => s.lists[packageId]) ?? unreadList;
  useEffect(() => {
    const unsubscribe = followPackageDpChanges(packageDps, bridge);
    void packageDps.getState().load(packageId);
    return unsubscribe;
  }, [packageDps, bridge, packageId]);

  const targets = list.items.filter((row) => !isRemoval(row));
  const removing = list.items.filter(isRemoval);
  const read = useSourceSize(packageId, pkg?.containsSourceFiles !== false);
  const version = pkg?.sourceVersion;
  const names = nameList(targets.map((r) => r.name));
  let body: ReactNode;
  if (list.status === 'loading') body = <Spinner size="tiny" label="Reading where the package is…" />;
  else if (list.status === 'error') body = <Text>Where the package is could not be read: {list.error}</Text>;
  else if (targets.length === 0) {
    body = <Text>Package {packageLabel(pkg, packageId)} is on no distribution point, so there is none to update. Add one with New Distribution Points first.</Text>;
  } else {
    body = (
      <>
        <Text>
          Send a new source version of package <Text weight="semibold">{packageLabel(pkg, packageId)}</Text> to its {dpCount(targets.length)}?
        </Text>
        <Text>{version === undefined ? 'The source version goes up by one.' : `The source version goes up from ${version} to ${version + 1}.`}</Text>
        {read.status === 'loading' && <Spinner size="tiny" label="Counting the source files…" />}
        {read.status === 'ready' && (
          <Text>
            Distribution Manager then copies the source directory <Text font="monospace">{read.size.sourceDirectory}</Text> as it is now,{' '}
            {sizeText(read.size)}, to {targets.length === 1 ? names : `each of ${names}`}: at most {formatBytes(read.size.bytes * targets.length)} in all, less where
            files did not change.
          </Text>
        )}
        {read.status === 'error' && <Text>The source files could not be counted: {read.error}</Text>}
        {removing.length > 0 && (
          <Text>
            {nameList(removing.map((r) => r.name))} {removing.length === 1 ? 'is' : 'are'} having the package removed, so {removing.length === 1 ? 'it is' : 'they are'} not
            updated.
          </Text>
        )}
      </>
    );
  }
  return (
    <DistributionRequestDialog
      title="Update Distribution Points"
      okLabel="Update"
      busyLabel="Updating the distribution points…"
      okDisabled={list.status !== 'ready' || targets.length === 0}
      request={() => courier['packages:update-dps']({ packageId })}
      onDone={onDone}
      onClose={onClose}
    >
      {body}
    </DistributionRequestDialog>
  );
}

/** Refresh on one DP row: the current source version copied to that DP again, nothing else. */
export function RefreshDpDialog({ row, onDone, onClose }: DialogProps & { readonly row: PackageDpRow }): ReactNode {
  const courier = useCourier();
  const pkg = usePackage(row.packageId);
  const version = pkg?.sourceVersion ?? row.targetVersion;
  const read = useSourceSize(row.packageId, !isRemoval(row));
  const files = read.status === 'ready' ? `, ${sizeText(read.size)},` : '';
  return (
    <DistributionRequestDialog
      title="Refresh Distribution Point"
      okLabel="Refresh"
      busyLabel="Asking for the copy…"
      okDisabled={isRemoval(row)}
      request={() => courier['packages:refresh-dp']({ packageId: row.packageId, distributionPoint: row.name })}
      onDone={onDone}
      onClose={onClose}
    >
      {isRemoval(row) ? (
        <Text>
          Package {packageLabel(pkg, row.packageId)} is being removed from {row.name} ({packageDpStateLabels[row.state]}), so there is nothing to refresh.
          Add the distribution point again with New Distribution Points to keep the package there.
        </Text>
      ) : (
        <>
          <Text>
            Copy package <Text weight="semibold">{packageLabel(pkg, row.packageId)}</Text> to <Text weight="semibold">{row.name}</Text> again?
          </Text>
          <Text>
            Distribution Manager copies source version {version}{files} to {row.name} again, replacing what is in the package&apos;s folder there
            {row.path !== null ? ` (${row.path})` : ''}. The source version stays {version}, and no other distribution point is touched.
          </Text>
          {read.status === 'error' && <Text>The source files could not be counted: {read.error}</Text>}
          <Text>To send changed source files to every distribution point, use Update Distribution Points on the package instead.</Text>
        </>
      )}
    </DistributionRequestDialog>
  );
}

/** Delete on a DP row: the package leaves that DP, and its folder there is deleted. */
export function RemoveDpDialog({ row, onDone, onClose }: DialogProps & { readonly row: PackageDpRow }): ReactNode {
  const courier = useCourier();
  const pkg = usePackage(row.packageId);
  return (
    <DistributionRequestDialog
      title="Remove Package from Distribution Point"
      okLabel="Delete"
      busyLabel="Asking for the removal…"
      destructive
      request={() => courier['packages:remove-dp']({ packageId: row.packageId, distributionPoint: row.name })}
      onDone={onDone}
      onClose={onClose}
    >
      <Text>
        Remove package <Text weight="semibold">{packageLabel(pkg, row.packageId)}</Text> from distribution point <Text weight="semibold">{row.name}</Text>?
      </Text>
      {row.path !== null ? (
        <Text>
          Distribution Manager deletes the package&apos;s folder on {row.name}, <Text font="monospace">{row.path}</Text>, with every file in it. Clients can then no
          longer get the package from {row.name}.
        </Text>
      ) : (
        <Text>
          The package has not been copied to {row.name} yet ({packageDpStateLabels[row.state]}): the copy is cancelled, and Distribution Manager deletes the
          package&apos;s folder there if part of it was made. Clients will not get the package from {row.name}.
        </Text>
      )}
      <Text>The distribution point itself stays, and so does the package on its other distribution points and in the site.</Text>
    </DistributionRequestDialog>
  );
}
