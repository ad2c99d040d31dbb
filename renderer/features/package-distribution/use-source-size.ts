import { useEffect, useState } from 'react';
import type { PackageSourceSizeDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { formatBytes, formatFiles } from './package-dp-labels';

export type SourceSizeRead =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly size: PackageSourceSizeDto }
  | { readonly status: 'error'; readonly error: string };

/** What a copy of the package would transfer now, counted by the site server; read while `enabled`. */
export function useSourceSize(packageId: string, enabled = true): SourceSizeRead {
  const courier = useCourier();
  const [read, setRead] = useState<SourceSizeRead>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setRead({ status: 'loading' });
    void settle(() => courier['packages:source-size']({ packageId })).then((result) => {
      if (current) setRead(result.ok ? { status: 'ready', size: result.value } : { status: 'error', error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [courier, packageId, enabled]);
  return read;
}

/** "3 files (3 KB)". */
export function sizeText(size: Pick<PackageSourceSizeDto, 'files' | 'bytes'>): string {
  return `${formatFiles(size.files)} (${formatBytes(size.bytes)})`;
}
