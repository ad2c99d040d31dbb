import { statusAttributeIds as a } from '../../api';
import { packageDtoOf } from '../../domain/package-dto';
import { describeInterval, dueOccurrence } from '../../domain/update-schedule';
import type { ComponentContext } from '../site-component';
import { distributionManagerInbox, distributionManagerName } from './names';
import type { DistmgrRepositories } from './repositories';

/**
 * A package that always obtains files from the source directory and has an update schedule gets
 * Update Distribution Points each time the schedule falls due, as `packages:update-dps` does it:
 * a new source version, its DPs installPending, the wake-up, and the occurrence run, in one unit
 * of work. The occurrence is checked again inside it, so two wakes never run one twice.
 * Returns the packages updated.
 */
export function runDueUpdateSchedules(ctx: ComponentContext, r: DistmgrRepositories, now: Date): string[] {
  const updated: string[] = [];
  for (const candidate of r.updateSchedules.scheduled()) {
    if (!dueOccurrence(candidate.schedule, candidate.lastOccurrence, candidate.createdAt, now)) continue;
    const ran = ctx.work.run((change) => {
      const pkg = r.packages.get(candidate.packageId);
      if (!pkg || !pkg.updateSchedule || !pkg.containsSourceFiles || pkg.sourceOption !== 'direct') return false;
      const occurrence = dueOccurrence(pkg.updateSchedule, r.updateSchedules.lastOccurrence(pkg.packageId), pkg.createdAt, now);
      if (!occurrence) return false;
      const stamp = now.toISOString();
      const version = pkg.sourceVersion + 1;
      const rows = r.packageDps.requestVersion(pkg.packageId, version, stamp);
      // Remembered even when no DP is left to update, so the occurrence is not looked at again.
      r.updateSchedules.record(pkg.packageId, occurrence.toISOString(), stamp);
      if (rows === 0) return false;
      const next = { ...pkg, sourceVersion: version, sourceDate: stamp, lastModified: stamp };
      r.packages.update(next);
      change.emit('packages:changed', { change: 'updated', packageId: next.packageId, package: packageDtoOf(next) });
      change.status({
        component: distributionManagerName,
        messageId: 2315,
        insertionStrings: [pkg.name, pkg.packageId, describeInterval(pkg.updateSchedule), occurrence.toISOString(), String(version), String(rows)],
        attributes: { [a.packageId]: pkg.packageId, [a.packageVersion]: String(version) },
      });
      change.emit('package-dps:changed', { packageId: pkg.packageId });
      change.wake(distributionManagerInbox, `${pkg.packageId}.PKN`, `update schedule ${pkg.packageId} version ${version}\r\n`);
      return true;
    });
    if (ran) updated.push(candidate.packageId);
  }
  return updated;
}
