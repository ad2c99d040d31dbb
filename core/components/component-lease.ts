import { hostname } from 'node:os';
import type { ComponentLeaseRepository } from '../db/repositories/component-lease-repository';
import { isProcessRunning } from '../site/processes';

export interface LeaseKeeperDeps {
  readonly leases: ComponentLeaseRepository;
  readonly transaction: <T>(work: () => T) => T;
  readonly component: string;
  /** This run of the component: `<runner id>/<generation>`. */
  readonly owner: string;
  /** The runner that started it: an earlier generation of the same runner is known to be gone. */
  readonly runnerId: string;
  readonly leaseMs: number;
  readonly nowMs: () => number;
}

/**
 * One running instance of a component per site, however many consoles and `serve` processes
 * open it: the holder renews its lease; another takes it over once it expired, at once when the
 * holder's process is gone from this computer or is an earlier run of the same runner.
 */
export class LeaseKeeper {
  constructor(private readonly deps: LeaseKeeperDeps) {}

  /** Takes or renews the lease; false while another live run holds it. */
  tryHold(): boolean {
    const { leases, transaction, component, owner, runnerId, leaseMs, nowMs } = this.deps;
    return transaction(() => {
      const now = nowMs();
      const current = leases.get(component);
      const free =
        !current ||
        current.owner === owner ||
        current.expiresAt <= now ||
        current.owner.startsWith(`${runnerId}/`) ||
        (current.hostName === hostname() && !isProcessRunning(current.pid));
      if (!free) return false;
      leases.put({ component, owner, hostName: hostname(), pid: process.pid, expiresAt: now + leaseMs });
      return true;
    });
  }

  release(): void {
    const { leases, transaction, component, owner } = this.deps;
    transaction(() => leases.release(component, owner));
  }
}
