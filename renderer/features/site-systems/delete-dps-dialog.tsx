import { Text } from '@fluentui/react-components';
import type { DistributionPointDto, DpDeletedDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { ConfirmDeleteDialog } from '../../components/confirm-delete';

export interface DeleteDpsDialogProps {
  readonly dps: readonly DistributionPointDto[];
  /** Set when the whole site system goes. */
  readonly serverName: string | null;
  readonly onClose: () => void;
  readonly onDeleted: (outcomes: readonly DpDeletedDto[]) => void;
}

/** What happens to the packages on the DPs, in the words of docs/distribution-points.md. */
function packagesSentence(dps: readonly DistributionPointDto[]): string {
  const holding = dps.filter((dp) => dp.packageCount > 0);
  if (holding.length === 0) return 'No package is on it, so it is deleted at once.';
  const count = holding.reduce((sum, dp) => sum + dp.packageCount, 0);
  return (
    `${count === 1 ? '1 package is' : `${count} packages are`} on it. ${count === 1 ? 'It is' : 'They are'} marked for removal: Distribution Manager deletes ` +
    `${count === 1 ? 'its folder' : 'their folders'} and shares on the server, then the distribution point itself. Until then it is shown as being deleted and takes no new package.`
  );
}

/** Delete on a DP role (or on a site system: all its roles), saying what becomes of the packages on it. */
export function DeleteDpsDialog({ dps, serverName, onClose, onDeleted }: DeleteDpsDialogProps) {
  const courier = useCourier();
  const remove = async (): Promise<string | null> => {
    const outcomes: DpDeletedDto[] = [];
    for (const dp of dps) {
      const result = await settle(() => courier['distribution-points:delete']({ name: dp.name }));
      if (!result.ok) {
        if (outcomes.length > 0) onDeleted(outcomes);
        return result.error.message;
      }
      outcomes.push(result.value);
    }
    onDeleted(outcomes);
    return null;
  };
  const names = dps.map((dp) => dp.serverShare ?? dp.name).join(', ');
  return (
    <ConfirmDeleteDialog open title={serverName !== null ? 'Delete Site System' : 'Delete Distribution Point'} onConfirm={remove} onClose={onClose}>
      <Text>
        {serverName !== null ? (
          <>
            Delete the site system <Text weight="semibold">{serverName}</Text> and its distribution point role ({names})?
          </>
        ) : (
          <>
            Delete the distribution point role on <Text weight="semibold">{names}</Text>?
          </>
        )}
      </Text>
      <Text>{packagesSentence(dps)}</Text>
    </ConfirmDeleteDialog>
  );
}
