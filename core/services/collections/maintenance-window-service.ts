import type { ParsedRequestOf, ResourceMaintenanceWindowsDto } from '../../api';
import type { MembershipRepository } from '../../db/repositories/membership-repository';
import type { ResourceRepository } from '../../db/repositories/resource-repository';
import { maintenancePeriods, windowOccurrences } from '../../domain/maintenance-windows';
import { resourceNotFound } from '../resources/resource-service';

export interface MaintenanceWindowServiceDeps {
  readonly memberships: Pick<MembershipRepository, 'windowsOfResource'>;
  readonly resources: Pick<ResourceRepository, 'get'>;
  readonly now: () => Date;
}

/**
 * The maintenance windows that apply to a resource (docs/collections.md): the union of the
 * windows of every collection it is a member of. The client agent and the dry run ask it when a
 * program may run.
 */
export class MaintenanceWindowService {
  constructor(private readonly deps: MaintenanceWindowServiceDeps) {}

  forResource(query: ParsedRequestOf<'collections:maintenance-windows'>): ResourceMaintenanceWindowsDto {
    if (!this.deps.resources.get(query.resourceId)) throw resourceNotFound(query.resourceId);
    const after = query.after === undefined ? this.deps.now() : new Date(query.after);
    const before = query.before === undefined ? null : new Date(query.before);
    const windows = windowOccurrences(this.deps.memberships.windowsOfResource(query.resourceId), after, before, query.count);
    return { resourceId: query.resourceId, after: after.toISOString(), before: before?.toISOString() ?? null, windows, periods: maintenancePeriods(windows) };
  }
}
