import type { SqliteDatabase } from '../../db/connection';
import { AdvertisementRepository } from '../../db/repositories/advertisement-repository';
import { ClientAgentRepository } from '../../db/repositories/client-agent-repository';
import { OfferRepository } from '../../db/repositories/offer-repository';
import { OutboxRepository } from '../../db/repositories/outbox-repository';
import { PackageRepository } from '../../db/repositories/package-repository';
import { ProgramRepository } from '../../db/repositories/program-repository';

/** The rows Offer Manager reads and writes, on its own connection. */
export interface OffermgrRepositories {
  readonly advertisements: AdvertisementRepository;
  readonly packages: PackageRepository;
  readonly programs: ProgramRepository;
  readonly clientAgents: ClientAgentRepository;
  readonly offers: OfferRepository;
  readonly outbox: OutboxRepository;
}

export function offermgrRepositories(db: SqliteDatabase): OffermgrRepositories {
  return {
    advertisements: new AdvertisementRepository(db),
    packages: new PackageRepository(db),
    programs: new ProgramRepository(db),
    clientAgents: new ClientAgentRepository(db),
    offers: new OfferRepository(db),
    outbox: new OutboxRepository(db),
  };
}
