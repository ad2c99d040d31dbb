import { builtInCollections, CourierError, type MembershipUpdateDto, type ResourceType } from '../api';
import type { CollectionRecord, CollectionRepository, ResourceIdQuery } from '../db/repositories/collection-repository';
import type { MembershipRepository } from '../db/repositories/membership-repository';
import { nextMembershipUpdate } from '../domain/membership-schedule';
import type { LogFile } from './site-log';
import type { ChangeSet } from './unit-of-work';
import type { QueryRuleEvaluator } from '../db/wql/collection-rules';

export interface CollectionMembershipDeps {
  readonly collections: CollectionRepository;
  /** Evaluation order, scoped evaluation and schedule runs. */
  readonly memberships: MembershipRepository;
  readonly now: () => Date;
  readonly evaluateQueryRule: QueryRuleEvaluator;
  /** Where an evaluation is logged: the provider's log by default, the collection evaluator's in it. */
  readonly logAs?: { readonly file: LogFile; readonly component: string };
}

const providerLog = { file: 'smsprov.log', component: 'SMS_PROVIDER' } as const;

export function collectionNotFound(collectionId: string, field = 'collectionId'): CourierError {
  return new CourierError('NOT_FOUND', `There is no collection ${collectionId} at this site; see courier collection list.`, field);
}

/** The built-in collection of a resource type (All Systems, All Users, All User Groups). */
export function builtInCollectionOf(resourceType: ResourceType): string {
  return builtInCollections.find((c) => c.resourceType === resourceType)?.collectionId ?? 'SMS00001';
}

/**
 * Tells Offer Manager a collection's membership or rules changed: `<CollectionID>.CMN` in
 * Offermgr.box, as the suite's collection membership notifications; the outbox row is the work.
 */
export function noteCollectionMembership(change: ChangeSet, collectionId: string, what: string): void {
  change.wake('Offermgr.box', `${collectionId}.CMN`, `${what} ${collectionId}\r\n`);
}

/**
 * "Update Collection Membership": members computed in SQL from the rules (a built-in's from
 * every resource of its type), narrowed to the limiting collection's members, materialized in
 * collection_members, inside the caller's transaction.
 */
export class CollectionMembership {
  constructor(private readonly deps: CollectionMembershipDeps) {}

  /** Evaluates one collection as it stands, against its limiting collection's current members. */
  evaluate(change: ChangeSet, collectionId: string): MembershipUpdateDto {
    const record = this.require(collectionId);
    const sources = this.sourcesOf(record);
    const evaluatedAt = this.deps.now().toISOString();
    const result = this.deps.collections.evaluateMembership(collectionId, sources, record.limitTo, evaluatedAt);
    if (result.added + result.removed > 0) {
      noteCollectionMembership(change, collectionId, 'membership');
      change.emit('collections:changed', { change: 'membership', collectionId });
    }
    const { file, component } = this.deps.logAs ?? providerLog;
    change.log(file, component, `Updated the membership of collection ${collectionId} "${record.name}": ${result.memberCount} members (${result.added} added, ${result.removed} removed).`);
    return { collectionId, name: record.name, ...result, evaluatedAt };
  }

  /**
   * Evaluates the collection after every collection it is limited by (deepest first), so it is
   * narrowed to members that are current; `done` skips those already evaluated in this request.
   */
  evaluateWithLimits(change: ChangeSet, collectionId: string, done: Set<string>): MembershipUpdateDto[] {
    const updates: MembershipUpdateDto[] = [];
    for (const id of [...this.deps.collections.limitChain(collectionId).reverse(), collectionId]) {
      if (done.has(id)) continue;
      done.add(id);
      updates.push(this.evaluate(change, id));
    }
    return updates;
  }

  /**
   * Every collection from scratch, each after the collection it is limited to (docs/collections.md):
   * what a bench or a recovery runs; the schedule evaluates only the collections due.
   */
  evaluateAll(change: ChangeSet): MembershipUpdateDto[] {
    return this.deps.memberships.evaluationOrder().map(({ collectionId }) => this.evaluate(change, collectionId));
  }

  /**
   * Resources were added, imported or changed: every collection whose rules could take them in or
   * leave them out is re-evaluated for those resources only (a query rule's SQL narrowed to their
   * IDs), each after its limiting collection; `.CMN` goes to Offer Manager only for a collection
   * whose members changed. A new resource has no direct rules, and a built-in takes in its new
   * resources as they are added, so only query rules and limits matter.
   */
  evaluateForResources(change: ChangeSet, resourceIds: readonly number[]): string[] {
    if (resourceIds.length === 0) return [];
    const { memberships, collections } = this.deps;
    const dependent = memberships.propertyDependent();
    if (dependent.length === 0) return [];
    const changed: string[] = [];
    memberships.setScope(resourceIds);
    try {
      for (const { collectionId } of memberships.evaluationOrder(dependent)) {
        const record = collections.get(collectionId);
        if (!record || record.builtInType !== null) continue;
        const result = memberships.evaluateScoped(collectionId, this.sourcesOf(record), record.limitTo);
        if (result.added + result.removed === 0) continue;
        changed.push(collectionId);
        noteCollectionMembership(change, collectionId, 'membership');
        change.emit('collections:changed', { change: 'membership', collectionId });
        change.log(
          (this.deps.logAs ?? providerLog).file,
          (this.deps.logAs ?? providerLog).component,
          `Updated the membership of collection ${collectionId} "${record.name}" for ${resourceIds.length === 1 ? `resource ${resourceIds[0]}` : `${resourceIds.length} resources`}: ${result.added} added, ${result.removed} removed.`,
        );
      }
    } finally {
      memberships.clearScope();
    }
    return changed;
  }

  /** When the collection evaluator next evaluates it on its schedule (see nextMembershipUpdate in the contract). */
  nextScheduledUpdate(record: CollectionRecord): string | null {
    if (record.membershipSchedule === null) return null;
    return nextMembershipUpdate(record.membershipSchedule, this.deps.memberships.lastOccurrence(record.collectionId), record.createdAt)?.toISOString() ?? null;
  }

  /** A new resource joins its type's built-in collection at once, without re-reading the others. */
  addToBuiltIn(change: ChangeSet, resourceType: ResourceType, resourceId: number): void {
    const collectionId = builtInCollectionOf(resourceType);
    if (this.deps.collections.addMember(collectionId, resourceId)) {
      noteCollectionMembership(change, collectionId, 'membership');
      change.emit('collections:changed', { change: 'membership', collectionId });
    }
  }

  /** What a collection's members are selected by: a built-in's every resource of its type, else its rules. */
  sourcesOf(record: CollectionRecord): ResourceIdQuery[] {
    const { collections, evaluateQueryRule } = this.deps;
    if (record.builtInType !== null) return [collections.everyResourceSource(record.builtInType)];
    const sources = [collections.directRuleSource(record.collectionId)];
    for (const rule of collections.rules(record.collectionId)) {
      if (rule.kind !== 'query') continue;
      sources.push(evaluateQueryRule({ collectionId: record.collectionId, ruleName: rule.ruleName, resourceClass: rule.resourceClass, query: rule.query }));
    }
    return sources;
  }

  private require(collectionId: string): CollectionRecord {
    const record = this.deps.collections.get(collectionId);
    if (!record) throw collectionNotFound(collectionId);
    return record;
  }
}
