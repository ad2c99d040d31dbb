import {
  CourierError,
  resourceInputSchema,
  type ResourceChanges,
  type ResourceDeletedDto,
  type ResourceDto,
  type ResourceImportDto,
  type ResourceInput,
  type ResourceType,
} from '../../api';
import type { FileAccess } from '../../content/file-access';
import type { CollectionRepository } from '../../db/repositories/collection-repository';
import type { ResourceListQuery, ResourceRecord, ResourceRepository, ResourceWrite } from '../../db/repositories/resource-repository';
import { parseOrThrow } from '../../domain/validation';
import type { ChangeSet, UnitOfWork } from '../../site/unit-of-work';
import { builtInCollectionOf, noteCollectionMembership, type CollectionMembership } from '../collections/collection-membership';
import { readResourceCsv } from './resource-csv';
import { inputOf, mergeWrite, writeOf } from './resource-writes';

export interface ResourceServiceDeps {
  readonly resources: ResourceRepository;
  readonly collections: CollectionRepository;
  readonly membership: CollectionMembership;
  readonly work: UnitOfWork;
  readonly now: () => Date;
  /** How the site server reads the CSV file (Path Mappings, source roots). */
  readonly fileAccess: () => FileAccess;
}

export interface RegisteredResource {
  readonly resource: ResourceDto;
  readonly created: boolean;
}

const typeWords: Readonly<Record<ResourceType, string>> = { system: 'system', user: 'user', userGroup: 'user group' };

export function resourceNotFound(resourceId: number, field = 'resourceId'): CourierError {
  return new CourierError('NOT_FOUND', `There is no resource ${resourceId} at this site; see courier resource list.`, field);
}

/**
 * Systems, users and user groups: added by hand, imported from CSV, registered by clients.
 * A resource added, imported or changed joins its type's built-in collection and is
 * re-evaluated, for itself only, against every query rule (and limit) in the same transaction.
 */
export class ResourceService {
  constructor(private readonly deps: ResourceServiceDeps) {}

  list(query: ResourceListQuery): ResourceDto[] {
    return this.deps.resources.list(query);
  }

  get(resourceId: number): ResourceDto {
    return this.require(resourceId);
  }

  /** A resource added by hand: a name (or SMS unique identifier) already known is refused. */
  create(input: ResourceInput): ResourceDto {
    return this.deps.work.run((change) => {
      const existing = this.match(input);
      if (existing !== null) {
        const found = this.require(existing);
        throw new CourierError('CONFLICT', `There already is a ${typeWords[found.resourceType]} ${found.name} (resource ${found.resourceId}); change it with courier resource update.`, 'name');
      }
      const id = this.insert(change, mergeWrite(null, input));
      this.deps.membership.evaluateForResources(change, [id]);
      this.note(change, 'created', id, `Created ${typeWords[input.resourceType]} resource ${id} "${input.name}".`);
      return this.require(id);
    });
  }

  /**
   * Creates or updates by SMS unique identifier, else by type and name: what a client
   * registering through the management point, and each row of an import, does.
   */
  register(input: ResourceInput): RegisteredResource {
    return this.deps.work.run((change) => {
      const { id, created } = this.upsert(change, input);
      this.deps.membership.evaluateForResources(change, [id]);
      this.note(change, created ? 'created' : 'updated', id, `${created ? 'Registered' : 'Updated'} ${typeWords[input.resourceType]} resource ${id} "${input.name}".`);
      return { resource: this.require(id), created };
    });
  }

  update(resourceId: number, changes: ResourceChanges): ResourceDto {
    return this.deps.work.run((change) => {
      const existing = this.require(resourceId);
      const input = parseOrThrow(resourceInputSchema, { ...inputOf(writeOf(existing)), ...changes });
      const other = this.match(input);
      if (other !== null && other !== resourceId) {
        const field = changes.name !== undefined ? 'name' : 'smsUniqueIdentifier';
        throw new CourierError('CONFLICT', `Resource ${other} already has that ${field === 'name' ? 'name' : 'SMS unique identifier'}.`, field);
      }
      this.deps.resources.update(resourceId, mergeWrite(writeOf(existing), input), this.deps.now().toISOString(), writeOf(existing));
      this.deps.membership.evaluateForResources(change, [resourceId]);
      this.note(change, 'updated', resourceId, `Modified resource ${resourceId} "${input.name}" (${Object.keys(changes).join(', ')}).`);
      return this.require(resourceId);
    });
  }

  /** Its memberships and direct rules go with it; each collection that had it is told. */
  delete(resourceId: number): ResourceDeletedDto {
    return this.deps.work.run((change) => {
      const existing = this.require(resourceId);
      const ruled = this.deps.resources.collectionsWithDirectRule(resourceId);
      const memberOf = this.deps.resources.collectionsWithMember(resourceId);
      this.deps.resources.delete(resourceId);
      this.deps.collections.recountMembers(memberOf);
      const stamp = this.deps.now().toISOString();
      for (const { collectionId } of ruled) this.deps.collections.touchRules(collectionId, stamp);
      for (const collectionId of new Set([...memberOf, ...ruled.map((c) => c.collectionId)])) {
        noteCollectionMembership(change, collectionId, 'membership');
        change.emit('collections:changed', { change: 'membership', collectionId });
      }
      this.note(change, 'deleted', resourceId, `Deleted ${typeWords[existing.resourceType]} resource ${resourceId} "${existing.name}".`);
      return { resourceId, name: existing.name, directRulesRemovedFrom: ruled.map((c) => c.collectionId) };
    });
  }

  /**
   * Imports a CSV file of one resource type (docs/collections.md#importing-resources-from-csv):
   * every row is checked before anything is written, and all are written in one transaction.
   * A refused row refuses the file unless `skipRefused`; then the others are imported and the
   * answer lists the refused ones.
   */
  async import(path: string, resourceType: ResourceType, skipRefused: boolean): Promise<ResourceImportDto> {
    const { rows, refused } = await readResourceCsv(path, resourceType, this.deps.fileAccess());
    if (refused.length > 0 && !skipRefused) {
      const shown = refused.slice(0, 5).map((row) => `line ${row.line}: ${row.reasons.join(' ')}`);
      const more = refused.length > shown.length ? ` … and ${refused.length - shown.length} more` : '';
      throw new CourierError(
        'VALIDATION_FAILED',
        `Nothing was imported: ${refused.length} of ${rows.length + refused.length} rows are refused (${shown.join('; ')}${more}). Fix them, or import the others with skipRefused (--skip-refused).`,
        'path',
        refused.slice(0, 1000).map((row) => ({ field: `line ${row.line}`, message: row.reasons.join(' ') })),
      );
    }
    return this.deps.work.run((change) => {
      let created = 0;
      const written: number[] = [];
      for (const input of rows) {
        const row = this.upsert(change, input, false);
        written.push(row.id);
        if (row.created) created++;
      }
      if (rows.length > 0) this.deps.membership.evaluate(change, builtInCollectionOf(resourceType));
      this.deps.membership.evaluateForResources(change, written);
      change.emit('resources:changed', { change: 'imported', resourceId: null, count: rows.length });
      change.log('smsprov.log', 'SMS_PROVIDER', `Imported ${rows.length} ${typeWords[resourceType]} resources from ${path} (${created} new, ${rows.length - created} updated, ${refused.length} rows refused).`);
      return { resourceType, created, updated: rows.length - created, refused };
    });
  }

  require(resourceId: number, field = 'resourceId'): ResourceRecord {
    const record = this.deps.resources.get(resourceId);
    if (!record) throw resourceNotFound(resourceId, field);
    return record;
  }

  /** The resource an input names: by SMS unique identifier, else by type and name; refuses when the two disagree. */
  private match(input: ResourceInput): number | null {
    const { resources } = this.deps;
    const byIdentifier = input.resourceType === 'system' && input.smsUniqueIdentifier ? resources.idByUniqueIdentifier(input.smsUniqueIdentifier) : null;
    const byName = resources.idByName(input.resourceType, input.name);
    if (byIdentifier !== null && byName !== null && byIdentifier !== byName) {
      throw new CourierError(
        'CONFLICT',
        `The SMS unique identifier is resource ${byIdentifier}'s, but the name ${input.name} is resource ${byName}'s; one client cannot be both.`,
        'smsUniqueIdentifier',
      );
    }
    return byIdentifier ?? byName;
  }

  private upsert(change: ChangeSet, input: ResourceInput, joinBuiltIn = true): { id: number; created: boolean } {
    const existing = this.match(input);
    if (existing === null) return { id: this.insert(change, mergeWrite(null, input), joinBuiltIn), created: true };
    const base = this.deps.resources.get(existing);
    const previous = base ? writeOf(base) : null;
    this.deps.resources.update(existing, mergeWrite(previous, input), this.deps.now().toISOString(), previous);
    return { id: existing, created: false };
  }

  private insert(change: ChangeSet, write: ResourceWrite, joinBuiltIn = true): number {
    const id = this.deps.resources.insert(write, this.deps.now().toISOString());
    if (joinBuiltIn) this.deps.membership.addToBuiltIn(change, write.resourceType, id);
    return id;
  }

  private note(change: ChangeSet, kind: 'created' | 'updated' | 'deleted', resourceId: number, log: string): void {
    change.emit('resources:changed', { change: kind, resourceId, count: 1 });
    change.log('smsprov.log', 'SMS_PROVIDER', log);
  }
}
