import {
  advertisementClientStates,
  CourierError,
  type AdvertisementChanges,
  type AdvertisementClientState,
  type AdvertisementClientStateDto,
  type AdvertisementClientStatesDto,
  type AdvertisementClientStatesQuery,
  type AdvertisementCreateInput,
  type AdvertisementDeletedDto,
  type AdvertisementDto,
  type AdvertisementFilter,
  type ChangeKind,
  type ClientStatusStepDto,
} from '../../api';
import type { AdvertisementRecord, AdvertisementRepository } from '../../db/repositories/advertisement-repository';
import type { AdvertisementClientStateRepository, ClientStateRow } from '../../db/repositories/advertisement-client-state-repository';
import { clientStateOfMessage } from '../../domain/advertisement-client-state';
import type { ClientAgentRepository } from '../../db/repositories/client-agent-repository';
import type { CollectionRepository } from '../../db/repositories/collection-repository';
import type { PackageDpRepository } from '../../db/repositories/package-dp-repository';
import { removalStates } from '../../db/repositories/package-dp-repository';
import type { PackageRepository } from '../../db/repositories/package-repository';
import type { ProgramRecord, ProgramRepository } from '../../db/repositories/program-repository';
import type { SiteRepository } from '../../db/repositories/site-repository';
import { formatObjectId } from '../../domain/object-ids';
import type { ChangeSet, UnitOfWork } from '../../site/unit-of-work';
import { collectionNotFound } from '../collections/collection-membership';
import { packageNotFound } from '../package-changes';
import { currentRequest } from '../request-scope';
import { advertisementSettingsOf, encodeAdvertisement, newAdvertisementSettings, toAdvertisementDto, withDeviceBit, type AdvertisementSettings } from './advertisement-settings';
import { advertisementAdvice } from './advertisement-advice';
import { checkAdvertisementRules } from './advertisement-rules';

export interface AdvertisementServiceDeps {
  readonly siteCode: string;
  readonly advertisements: AdvertisementRepository;
  readonly packages: PackageRepository;
  readonly programs: ProgramRepository;
  readonly collections: CollectionRepository;
  readonly packageDps: PackageDpRepository;
  readonly clientAgents: ClientAgentRepository;
  readonly clientStates: AdvertisementClientStateRepository;
  readonly site: SiteRepository;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

/**
 * Advertisements (docs/advertisements.md): each save checks the package, program, collection,
 * times, schedules and assignment rules, stores the suite's numbers, and wakes Offer Manager
 * with `<AdvertisementID>.OFN` in the same transaction.
 */
export class AdvertisementService {
  constructor(private readonly deps: AdvertisementServiceDeps) {}

  /** Every advertisement, or those of a package (and program) or collection: what a Delete wizard lists as affected. */
  list(filter: AdvertisementFilter = {}): AdvertisementDto[] {
    return this.advertisementsOf(filter).map(toAdvertisementDto);
  }

  advertisementsOf(filter: AdvertisementFilter): AdvertisementRecord[] {
    return this.deps.advertisements.list(filter);
  }

  get(advertisementId: string): AdvertisementDto {
    return toAdvertisementDto(this.require(advertisementId));
  }

  /** Each client's last state for the advertisement and the counts (docs/advertisements.md#each-clients-state). */
  clientStates(query: AdvertisementClientStatesQuery): AdvertisementClientStatesDto {
    const { advertisementId } = this.require(query.advertisementId);
    const counts = Object.fromEntries(advertisementClientStates.map((state) => [state, 0])) as Record<AdvertisementClientState, number>;
    for (const { state, n } of this.deps.clientStates.counts(advertisementId)) counts[state] = n;
    const rows = this.deps.clientStates.page(advertisementId, query.state ?? null, query.after ?? 0, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      advertisementId,
      counts,
      clients: page.map(clientStateDto),
      nextAfter: rows.length > query.limit ? (page.at(-1)?.resourceId ?? null) : null,
    };
  }

  create(input: AdvertisementCreateInput): AdvertisementDto {
    const settings: { -readonly [K in keyof AdvertisementSettings]: AdvertisementSettings[K] } = { ...newAdvertisementSettings(input, this.deps.now()), ...definedOf(input) };
    const record = this.deps.work.run((change) => {
      const program = this.check(settings);
      const stamp = this.deps.now().toISOString();
      // The program as the package spells it, whatever case the request used.
      settings.programName = program.name;
      settings.otherBits = withDeviceBit(settings.otherBits, program.kind === 'device');
      const advertisementId = formatObjectId(this.deps.siteCode, this.deps.site.takeNextId('advertisement'));
      const created = { ...encodeAdvertisement(settings), advertisementId, sourceSite: this.deps.siteCode, createdAt: stamp, lastModified: stamp };
      this.deps.advertisements.insert(created);
      this.note(change, 'created', created, `Created advertisement ${advertisementId} "${created.name}": program "${created.programName}" of ${created.packageId} to ${created.collectionId}.`);
      this.advise(program);
      return created;
    });
    return toAdvertisementDto(record);
  }

  update(advertisementId: string, changes: AdvertisementChanges): AdvertisementDto {
    const record = this.deps.work.run((change) => {
      const existing = this.require(advertisementId);
      const settings: AdvertisementSettings = { ...advertisementSettingsOf(existing), ...definedOf(changes) };
      const program = this.check(settings);
      const updated: AdvertisementRecord = { ...existing, ...encodeAdvertisement({ ...settings, programName: program.name, otherBits: withDeviceBit(settings.otherBits, program.kind === 'device') }), lastModified: this.deps.now().toISOString() };
      this.deps.advertisements.update(updated);
      this.note(change, 'updated', updated, `Modified advertisement ${advertisementId} "${updated.name}" (${Object.keys(changes).join(', ')}).`);
      if (changes.packageId !== undefined || changes.programName !== undefined) this.advise(program);
      return updated;
    });
    // Offer Manager is woken with the change: until it has processed it, the offer is pending.
    return toAdvertisementDto({ ...record, offerState: 'pending' });
  }

  delete(advertisementId: string): AdvertisementDeletedDto {
    return this.deps.work.run((change) => {
      const existing = this.require(advertisementId);
      this.deps.advertisements.delete(advertisementId);
      this.note(change, 'deleted', existing, `Deleted advertisement ${advertisementId} "${existing.name}".`);
      return { advertisementId, advertisementName: existing.name };
    });
  }

  /** Deletes the advertisements of a program or collection inside the caller's unit of work (it is deleted with them). */
  removeWithin(change: ChangeSet, filter: AdvertisementFilter, reason = 'with its program'): AdvertisementRecord[] {
    const doomed = this.advertisementsOf(filter);
    for (const record of doomed) {
      this.deps.advertisements.delete(record.advertisementId);
      this.note(change, 'deleted', record, `Deleted advertisement ${record.advertisementId} "${record.name}" ${reason}.`);
    }
    return doomed;
  }

  private require(advertisementId: string): AdvertisementRecord {
    const record = this.deps.advertisements.get(advertisementId);
    if (!record) throw new CourierError('NOT_FOUND', `There is no advertisement ${advertisementId} at this site; see courier advertisement list.`, 'advertisementId');
    return record;
  }

  /** The package, program and collection exist, and the settings keep the suite's rules; returns the program. */
  private check(settings: AdvertisementSettings): ProgramRecord {
    const { packages, programs, collections } = this.deps;
    if (!packages.get(settings.packageId)) throw new CourierError('NOT_FOUND', packageNotFound(settings.packageId).message, 'packageId');
    const program = programs.get(settings.packageId, settings.programName);
    if (!program) {
      throw new CourierError('NOT_FOUND', `Package ${settings.packageId} has no program named ${settings.programName}; see courier program list ${settings.packageId}.`, 'programName');
    }
    if (!collections.get(settings.collectionId)) throw collectionNotFound(settings.collectionId);
    checkAdvertisementRules(settings, program);
    return program;
  }

  /** What the suite warns of when an advertisement is saved: it is saved, but clients will not run it yet. */
  private advise(program: ProgramRecord): void {
    const notices = currentRequest()?.notices;
    if (!notices) return;
    notices.push(
      ...advertisementAdvice(program, {
        dps: this.deps.packageDps.forPackage(program.packageId).filter((row) => !removalStates.includes(row.state)).length,
        containsSourceFiles: this.deps.packages.get(program.packageId)?.containsSourceFiles !== false,
        advertisedProgramsEnabled: this.deps.clientAgents.advertisedPrograms().enabled,
      }),
    );
  }

  private note(change: ChangeSet, kind: ChangeKind, record: AdvertisementRecord, log: string): void {
    // Offer Manager's advertisement notification: the name carries the ID, the body says why.
    change.wake('Offermgr.box', `${record.advertisementId}.OFN`, `${kind} ${record.advertisementId}\r\n`);
    change.emit('advertisements:changed', { change: kind, advertisementId: record.advertisementId });
    change.log('smsprov.log', 'SMS_PROVIDER', log);
  }
}

/** The fields given, without the undefined ones a partial schema leaves. */
function definedOf<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function stepOf(messageId: number | null, time: number | null): ClientStatusStepDto | null {
  const state = messageId === null ? undefined : clientStateOfMessage[messageId];
  return messageId === null || time === null || state === undefined ? null : { messageId, state, time: new Date(time).toISOString() };
}

function clientStateDto(row: ClientStateRow): AdvertisementClientStateDto {
  const execution = stepOf(row.executionMessageId, row.executionTime);
  return {
    resourceId: row.resourceId,
    name: row.name,
    state: row.state,
    messageId: row.messageId,
    time: new Date(row.messageTime).toISOString(),
    recordId: row.recordId,
    lastAcceptance: stepOf(row.acceptanceMessageId, row.acceptanceTime),
    lastExecution: execution && { ...execution, result: row.executionResult },
  };
}
