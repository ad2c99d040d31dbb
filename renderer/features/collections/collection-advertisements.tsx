import { Text } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { AdvertisementDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { useTableStyles } from './collection-tables';


export type TargetingAdvertisements =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly advertisements: readonly AdvertisementDto[]; readonly round: number }
  | { readonly state: 'failed'; readonly message: string };

/** The advertisements that target any of these collections (`advertisements:list` by collection); a new `round` reads them again. */
export function useTargetingAdvertisements(collectionIds: readonly string[], round = 0): TargetingAdvertisements {
  const courier = useCourier();
  const [state, setState] = useState<TargetingAdvertisements>({ state: 'loading' });
  const key = `${round}:${collectionIds.join(',')}`;
  useEffect(() => {
    let current = true;
    setState({ state: 'loading' });
    void Promise.all(collectionIds.map((collectionId) => settle(() => courier['advertisements:list']({ collectionId })))).then((results) => {
      if (!current) return;
      const failed = results.find((r) => !r.ok);
      if (failed !== undefined && !failed.ok) return setState({ state: 'failed', message: failed.error.message });
      setState({ state: 'ready', advertisements: results.flatMap((r) => (r.ok ? r.value : [])), round });
    });
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}

/** A read-only list of advertisements: ID, name, package and program, and the collection each targets. */
export function AdvertisementsTable({ advertisements, label, showCollection = false }: { readonly advertisements: readonly AdvertisementDto[]; readonly label: string; readonly showCollection?: boolean }): ReactNode {
  const styles = useTableStyles();
  return (
    <table className={styles.table} aria-label={label}>
      <thead>
        <tr>
          <th>Advertisement ID</th>
          <th>Name</th>
          <th>Package</th>
          <th>Program</th>
          {showCollection && <th>Collection</th>}
        </tr>
      </thead>
      <tbody>
        {advertisements.map((a) => (
          <tr key={a.advertisementId}>
            <td className={styles.nowrap}>{a.advertisementId}</td>
            <td>{a.advertisementName}</td>
            <td className={styles.nowrap}>{a.packageId}</td>
            <td>{a.programName}</td>
            {showCollection && <td className={styles.nowrap}>{a.collectionId}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Advertisements tab and wizard page: what targets the collection, read-only. */
export function CollectionAdvertisementsPage({ collectionId }: { readonly collectionId: string }): ReactNode {
  const targeting = useTargetingAdvertisements([collectionId]);
  if (targeting.state === 'loading') return <Text>Reading the advertisements…</Text>;
  if (targeting.state === 'failed') return <Text role="alert">{targeting.message}</Text>;
  if (targeting.advertisements.length === 0) return <Text>No advertisement targets this collection.</Text>;
  return (
    <>
      <Text>{targeting.advertisements.length === 1 ? 'This advertisement targets the collection:' : `These ${targeting.advertisements.length} advertisements target the collection:`}</Text>
      <AdvertisementsTable advertisements={targeting.advertisements} label="Advertisements of the collection" />
    </>
  );
}
