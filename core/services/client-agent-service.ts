import type { AdvertisedProgramsAgentDto, AdvertisedProgramsChanges } from '../api';
import type { AdvertisedProgramsRecord, ClientAgentRepository } from '../db/repositories/client-agent-repository';
import type { AdvertisementRepository } from '../db/repositories/advertisement-repository';
import type { UnitOfWork } from '../site/unit-of-work';
import { wakeOfferManagerFor } from './advertisements/offer-wake-ups';

export interface ClientAgentServiceDeps {
  readonly agents: ClientAgentRepository;
  /** Every advertisement's policy body holds the agent's settings. */
  readonly advertisements: Pick<AdvertisementRepository, 'list'>;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

function toDto(record: AdvertisedProgramsRecord): AdvertisedProgramsAgentDto {
  return { agent: 'advertised-programs', name: 'Advertised Programs Client Agent', ...record };
}

/**
 * Site Settings › Client Agents › Advertised Programs Client Agent: what clients are told in
 * policy about software distribution. Every advertisement's policy body holds these settings, so a
 * save wakes Offer Manager for each; clients pick the new policy up at their next poll.
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
      wakeOfferManagerFor(change, this.deps.advertisements.list().map((ad) => ad.advertisementId), 'client agent changed');
      change.emit('client-agents:settings-changed', { agent: 'advertised-programs' });
      change.log('smsprov.log', 'SMS_PROVIDER', `Modified the Advertised Programs Client Agent (${keys.map((key) => `${key} = ${after[key]}`).join(', ')}).`);
      return toDto(after);
    });
  }
}
