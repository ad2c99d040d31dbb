import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface ComponentLease {
  readonly component: string;
  readonly owner: string;
  readonly hostName: string;
  readonly pid: number;
  readonly expiresAt: number;
}

/** Who runs each site component now: one holder per site, renewed while it runs. */
export class ComponentLeaseRepository {
  constructor(private readonly db: SqliteDatabase) {}

  get(component: string): ComponentLease | null {
    return (
      (prepared(this.db, 'SELECT component, owner, host_name AS hostName, pid, expires_at AS expiresAt FROM component_leases WHERE component = ?')
        .get(component) as ComponentLease | undefined) ?? null
    );
  }

  /** Takes or renews the lease; the caller has decided, inside its transaction, that it may. */
  put(lease: ComponentLease): void {
    prepared(
      this.db,
      `INSERT INTO component_leases (component, owner, host_name, pid, expires_at) VALUES (@component, @owner, @hostName, @pid, @expiresAt)
       ON CONFLICT (component) DO UPDATE SET owner = excluded.owner, host_name = excluded.host_name, pid = excluded.pid, expires_at = excluded.expires_at`,
    ).run(lease);
  }

  release(component: string, owner: string): void {
    prepared(this.db, 'DELETE FROM component_leases WHERE component = ? AND owner = ?').run(component, owner);
  }

  list(): ComponentLease[] {
    return prepared(this.db, 'SELECT component, owner, host_name AS hostName, pid, expires_at AS expiresAt FROM component_leases ORDER BY component')
      .all() as ComponentLease[];
  }
}
