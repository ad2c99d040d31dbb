import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PackageDpStatusDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { formatDateTime } from '../../components/date-time';
import { DistributionRequestDialog } from './distribution-request-dialog';
import { packageDpStateLabels } from './package-dp-labels';
import type { PackageDpRow } from './package-dps-store';

interface RetryDialogProps {
  readonly row: PackageDpRow;
  readonly onDone: (row: PackageDpStatusDto) => void;
  readonly onClose: () => void;
}

const isRemoval = (row: PackageDpRow) => row.state === 'removalPending' || row.state === 'removalFailed';

function LastError({ row }: { readonly row: PackageDpRow }): ReactNode {
  if (row.lastError === null) return null;
  return (
    <Text>
      The last attempt failed: <Text font="monospace">{row.lastError}</Text>
    </Text>
  );
}

/** Retry Now on a DP row: the next attempt is due now; a row that gave up starts its count again. */
export function RetryNowDialog({ row, onDone, onClose }: RetryDialogProps): ReactNode {
  const courier = useCourier();
  const gaveUp = row.state === 'installFailed' || row.state === 'removalFailed';
  const what = isRemoval(row) ? 'remove the package from' : 'copy the package to';
  return (
    <DistributionRequestDialog<PackageDpStatusDto>
      title="Retry Now"
      okLabel="Retry Now"
      busyLabel="Asking for the attempt…"
      request={() => courier['packages:retry-dp']({ packageId: row.packageId, distributionPoint: row.name })}
      onDone={onDone}
      onClose={onClose}
    >
      <Text>
        Try again now to {what} <Text weight="semibold">{row.name}</Text>?
      </Text>
      <LastError row={row} />
      {gaveUp ? (
        <Text>
          Distribution Manager gave up after {row.attempts} attempts ({packageDpStateLabels[row.state]}). It starts again now, from the first attempt, with the
          Software Distribution component&apos;s number of retries.
        </Text>
      ) : (
        <Text>
          {row.attempts} {row.attempts === 1 ? 'attempt has' : 'attempts have'} failed so far; the next was due
          {row.nextAttemptAt !== null ? ` ${formatDateTime(row.nextAttemptAt)}` : ' later'}. Distribution Manager makes it now instead; the count of attempts goes on.
        </Text>
      )}
    </DistributionRequestDialog>
  );
}

/** Cancel on a DP row: stop retrying. */
export function CancelRetriesDialog({ row, onDone, onClose }: RetryDialogProps): ReactNode {
  const courier = useCourier();
  const removal = isRemoval(row);
  return (
    <DistributionRequestDialog<PackageDpStatusDto>
      title="Cancel Retries"
      okLabel="Stop Retrying"
      busyLabel="Cancelling the retries…"
      destructive
      request={() => courier['packages:cancel-dp']({ packageId: row.packageId, distributionPoint: row.name })}
      onDone={onDone}
      onClose={onClose}
    >
      <Text>
        Stop retrying on <Text weight="semibold">{row.name}</Text> after {row.attempts} failed {row.attempts === 1 ? 'attempt' : 'attempts'}?
      </Text>
      <LastError row={row} />
      {removal ? (
        <Text>
          The removal is abandoned: the row goes to Removal Failed and the package&apos;s folder may stay on {row.name}. Retry Now or Delete takes the removal up
          again.
        </Text>
      ) : (
        <Text>
          The row goes to Install Failed: clients do not get this version from {row.name}. Retry Now, Refresh Distribution Point or Update Distribution Points
          tries again.
        </Text>
      )}
    </DistributionRequestDialog>
  );
}
