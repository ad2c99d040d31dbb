import { CourierError, type ChangeKind, type DpGroupDto } from '../api';
import type { DpGroupRecord, DpGroupRepository } from '../db/repositories/dp-group-repository';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';
import type { DistributionPointService } from './distribution-point-service';

export interface DpGroupServiceDeps {
  readonly groups: DpGroupRepository;
  readonly dps: DistributionPointService;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

/**
 * Distribution point groups (Site Settings › Site Systems, a DP's Group Membership list). A group
 * only names DPs: nothing is copied when it changes, so no wake-up; Select Group in the New
 * Distribution Points wizard turns a group into its members at that moment.
 */
export class DpGroupService {
  constructor(private readonly deps: DpGroupServiceDeps) {}

  list(): DpGroupDto[] {
    return this.deps.groups.list().map((group) => this.toDto(group));
  }

  get(name: string): DpGroupDto {
    return this.toDto(this.require(name));
  }

  create(name: string, description: string, members: readonly string[]): DpGroupDto {
    return this.deps.work.run((change) => {
      const existing = this.deps.groups.get(name);
      if (existing) throw new CourierError('CONFLICT', `There already is a distribution point group ${existing.name}.`, 'name');
      const stamp = this.deps.now().toISOString();
      const id = this.deps.groups.insert({ name, description, createdAt: stamp, lastModified: stamp });
      for (const member of members) this.deps.groups.addMember(id, this.deps.dps.require(member, 'members').id);
      this.note(change, 'created', name, `Created distribution point group ${name}${members.length > 0 ? ` with ${members.join(', ')}` : ''}.`);
      return this.toDto(this.require(name));
    });
  }

  update(name: string, changes: { name?: string; description?: string }): DpGroupDto {
    return this.deps.work.run((change) => {
      const group = this.require(name);
      const renamed = changes.name !== undefined && changes.name !== group.name;
      if (renamed) {
        const clash = this.deps.groups.get(changes.name as string);
        if (clash && clash.id !== group.id) throw new CourierError('CONFLICT', `There already is a distribution point group ${clash.name}.`, 'name');
      }
      const updated: DpGroupRecord = {
        ...group,
        name: changes.name ?? group.name,
        description: changes.description ?? group.description,
        lastModified: this.deps.now().toISOString(),
      };
      this.deps.groups.update(updated);
      this.note(change, 'updated', updated.name, renamed ? `Renamed distribution point group ${group.name} to ${updated.name}.` : `Modified distribution point group ${group.name}.`);
      return this.toDto(updated);
    });
  }

  /** The DPs stay; only the group goes. Answers with the groups left. */
  delete(name: string): DpGroupDto[] {
    return this.deps.work.run((change) => {
      const group = this.require(name);
      this.deps.groups.delete(group.id);
      this.note(change, 'deleted', group.name, `Deleted distribution point group ${group.name}.`);
      return this.list();
    });
  }

  addMember(name: string, dpName: string): DpGroupDto {
    return this.deps.work.run((change) => {
      const group = this.require(name);
      const dp = this.deps.dps.require(dpName, 'distributionPoint');
      if (!this.deps.groups.addMember(group.id, dp.id)) {
        throw new CourierError('CONFLICT', `Distribution point ${dp.name} is already in group ${group.name}.`, 'distributionPoint');
      }
      this.deps.groups.touch(group.id, this.deps.now().toISOString());
      this.note(change, 'updated', group.name, `Added distribution point ${dp.name} to group ${group.name}.`);
      return this.toDto(group);
    });
  }

  removeMember(name: string, dpName: string): DpGroupDto {
    return this.deps.work.run((change) => {
      const group = this.require(name);
      const dp = this.deps.dps.require(dpName, 'distributionPoint');
      if (!this.deps.groups.removeMember(group.id, dp.id)) {
        throw new CourierError('NOT_FOUND', `Distribution point ${dp.name} is not in group ${group.name}.`, 'distributionPoint');
      }
      this.deps.groups.touch(group.id, this.deps.now().toISOString());
      this.note(change, 'updated', group.name, `Removed distribution point ${dp.name} from group ${group.name}.`);
      return this.toDto(group);
    });
  }

  require(name: string, field = 'name'): DpGroupRecord {
    const group = this.deps.groups.get(name);
    if (!group) throw new CourierError('NOT_FOUND', `There is no distribution point group ${name}; see courier dp-group list.`, field);
    return group;
  }

  private toDto(group: DpGroupRecord): DpGroupDto {
    const current = this.deps.groups.get(group.name) ?? group;
    return {
      name: current.name,
      description: current.description,
      members: this.deps.groups.members(current.id),
      createdAt: current.createdAt,
      lastModified: current.lastModified,
    };
  }

  private note(change: ChangeSet, kind: ChangeKind, name: string, log: string): void {
    change.emit('dp-groups:changed', { change: kind, name });
    change.log('smsprov.log', 'SMS_PROVIDER', log);
  }
}
