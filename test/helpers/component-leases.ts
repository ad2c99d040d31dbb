import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../core/db/connection';
import { ComponentLeaseRepository, type ComponentLease } from '../../core/db/repositories/component-lease-repository';

/** The site components someone runs on the site in `dataDir` now: their leases, read from its database. */
export function componentLeases(dataDir: string): ComponentLease[] {
  const path = join(dataDir, 'courier.db');
  if (!existsSync(path)) return [];
  const db = openDatabase(path);
  try {
    return new ComponentLeaseRepository(db).list();
  } finally {
    db.close();
  }
}
