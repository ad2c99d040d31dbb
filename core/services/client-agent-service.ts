import type { AdvertisedProgramsAgentDto, AdvertisedProgramsChanges } from '../api';
import type { AdvertisedProgramsRecord, ClientAgentRepository } from '../db/repositories/client-agent-repository';
import type { UnitOfWork } from '../site/unit-of-work';

export interface ClientAgentServiceDeps {
  readonly agents: ClientAgentRepository;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

function toDto(record: AdvertisedProgramsRecord): AdvertisedProgramsAgentDto {
  return { agent: 'advertised-programs', name: 'Advertised Programs Client Agent', ...record };
}

/**
 * Site Settings › Client Agents › Advertised Programs Client Agent: what clients are told in
 * policy about software distribution. Clients pick a change up at their next policy poll, so a
 * save wakes no site component.
 */
export class ClientAgentService {
  constructor(private readonly deps: ClientAgentServiceDeps) {}

  get(): AdvertisedProgramsAgentDto {
    return toDto(this.deps.agents.advertisedPrograms());
  }

  set(changes: AdvertisedProgramsChanges): AdvertisedProgramsAgentDto {
    return this.deps.work.run((change) => {
      const before = this.deps.agents.advertisedPrograms();
      const keys = (Object.keys(changes) as (keyof AdvertisedProgramsChanges)[]).filter((key) => changes[key] !== undefined && changes[key] !== before[key]);
      if (keys.length === 0) return toDto(before);
      const after: AdvertisedProgramsRecord = { ...before, ...changes, lastModified: this.deps.now().toISOString() };
      this.deps.agents.setAdvertisedPrograms(after);
      change.emit('client-agents:settings-changed', { agent: 'advertised-programs' });
      change.log('smsprov.log', 'SMS_PROVIDER', `Modified the Advertised Programs Client Agent (${keys.map((key) => `${key} = ${after[key]}`).join(', ')}).`);
      return toDto(after);
    });
  }
}
