import {
  CourierError,
  type CollectionChanges,
  type CollectionDeletedDto,
  type CollectionDto,
  type CollectionMemberDto,
  type CollectionPreviewDto,
  type CollectionRuleDto,
  type CollectionRuleInput,
  type MaintenanceWindowInput,
  type MembershipUpdateDto,
} from '../../api';
import type { CollectionRecord, CollectionRepository } from '../../db/repositories/collection-repository';
import type { ResourceRepository } from '../../db/repositories/resource-repository';
import { formatObjectId } from '../../domain/object-ids';
import type { SiteRepository } from '../../db/repositories/site-repository';
import { decodeScheduleToken } from '../../formats/schedule-token';
import type { ChangeSet, UnitOfWork } from '../../site/unit-of-work';
import { collectionNotFound, noteCollectionMembership, type CollectionMembership } from './collection-membership';
import { compileCollectionQuery, queryRuleClass } from './query-rules';

/** What deleting a collection needs of the advertisements that target it (AdvertisementService). */
export interface CollectionAdvertisements {
  advertisementsOf(filter: { readonly collectionId: string }): readonly { readonly advertisementId: string; readonly name: string; readonly collectionId: string }[];
  removeWithin(change: ChangeSet, filter: { readonly collectionId: string }, reason: string): readonly { readonly advertisementId: string; readonly name: string; readonly collectionId: string }[];
}

export interface CollectionServiceDeps {
  readonly siteCode: string;
  readonly collections: CollectionRepository;
  readonly resources: ResourceRepository;
  readonly membership: CollectionMembership;
  /** A collection still targeted is not deleted unless its advertisements go with it: they would reach no one. */
  readonly advertisements: CollectionAdvertisements;
  readonly site: SiteRepository;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

export interface CollectionCreateInput {
  readonly name: string;
  readonly comment: string;
  readonly limitToCollectionId?: string;
  readonly parentCollectionId?: string;
  readonly rules: readonly CollectionRuleInput[];
  readonly membershipSchedule: string | null;
  readonly maintenanceWindows: readonly MaintenanceWindowInput[];
}

function checkScheduleToken(token: string | null | undefined, field: string): void {
  if (token === null || token === undefined) return;
  try {
    decodeScheduleToken(token);
  } catch (error) {
    throw new CourierError('VALIDATION_FAILED', error instanceof Error ? error.message : String(error), field);
  }
}

function checkMaintenanceWindows(windows: readonly MaintenanceWindowInput[] | undefined): void {
  const names = new Set<string>();
  (windows ?? []).forEach((window, index) => {
    checkScheduleToken(window.schedule, `maintenanceWindows.${index}.schedule`);
    const key = window.name.toLowerCase();
    if (names.has(key)) throw new CourierError('VALIDATION_FAILED', `Two maintenance windows are named ${window.name}; each needs its own name.`, `maintenanceWindows.${index}.name`);
    names.add(key);
  });
}

/**
 * Collections (docs/collections.md): rules, limiting, the tree of subcollections and links,
 * schedules and maintenance windows. Every change to rules or the limit re-evaluates the
 * collection's membership in the same transaction (when its rules can be evaluated) and tells
 * Offer Manager with a `.CMN` wake-up.
 */
export class CollectionService {
  constructor(private readonly deps: CollectionServiceDeps) {}

  list(): CollectionDto[] {
    return this.deps.collections.list().map((record) => this.toDto(record));
  }

  get(collectionId: string): CollectionDto {
    return this.toDto(this.require(collectionId));
  }

  members(collectionId: string): CollectionMemberDto[] {
    this.require(collectionId);
    return this.deps.collections.members(collectionId);
  }

  create(input: CollectionCreateInput): CollectionDto {
    checkScheduleToken(input.membershipSchedule, 'membershipSchedule');
    checkMaintenanceWindows(input.maintenanceWindows);
    return this.deps.work.run((change) => {
      const { collections, site, siteCode, now } = this.deps;
      this.checkNameFree(input.name, null);
      if (input.limitToCollectionId !== undefined) this.require(input.limitToCollectionId, 'limitToCollectionId');
      if (input.parentCollectionId !== undefined) this.require(input.parentCollectionId, 'parentCollectionId');
      const stamp = now().toISOString();
      const collectionId = formatObjectId(siteCode, site.takeNextId('collection'));
      collections.insert({
        collectionId,
        name: input.name,
        comment: input.comment,
        limitTo: input.limitToCollectionId ?? null,
        membershipSchedule: input.membershipSchedule,
        rulesChangedAt: stamp,
        createdAt: stamp,
        lastModified: stamp,
      });
      if (input.parentCollectionId !== undefined) collections.addLink({ parentId: input.parentCollectionId, childId: collectionId, kind: 'sub' });
      input.rules.forEach((rule, index) => this.insertRule(collectionId, rule, `rules.${index}`));
      collections.replaceMaintenanceWindows(collectionId, input.maintenanceWindows);
      this.rulesChanged(change, collectionId, 'created');
      this.note(change, 'created', collectionId, `Created collection ${collectionId} "${input.name}" with ${input.rules.length} rules.`);
      return this.get(collectionId);
    });
  }

  update(collectionId: string, changes: CollectionChanges): CollectionDto {
    checkScheduleToken(changes.membershipSchedule, 'membershipSchedule');
    checkMaintenanceWindows(changes.maintenanceWindows);
    return this.deps.work.run((change) => {
      const { collections, now } = this.deps;
      const existing = this.require(collectionId);
      if (existing.builtInType !== null) {
        const refused = (['name', 'limitToCollectionId', 'linkedUnder'] as const).find((key) => changes[key] !== undefined);
        if (refused) throw new CourierError('CONFLICT', `${existing.name} (${collectionId}) is a built-in collection: its ${refused === 'name' ? 'name' : refused === 'linkedUnder' ? 'place in the tree' : 'membership'} cannot change.`, refused);
      }
      if (changes.name !== undefined) this.checkNameFree(changes.name, collectionId);
      const limitTo = changes.limitToCollectionId === undefined ? existing.limitTo : changes.limitToCollectionId;
      const limitChanged = limitTo !== existing.limitTo;
      if (limitChanged && limitTo !== null) this.checkLimit(collectionId, limitTo);
      const stamp = now().toISOString();
      collections.update({
        ...existing,
        name: changes.name ?? existing.name,
        comment: changes.comment ?? existing.comment,
        limitTo,
        membershipSchedule: changes.membershipSchedule === undefined ? existing.membershipSchedule : changes.membershipSchedule,
        lastModified: stamp,
      });
      if (changes.maintenanceWindows !== undefined) collections.replaceMaintenanceWindows(collectionId, changes.maintenanceWindows);
      if (changes.linkedUnder !== undefined) {
        this.relink(collectionId, changes.linkedUnder);
        // Linked under another collection, its members are reached by that one's advertisements.
        noteCollectionMembership(change, collectionId, 'linked');
      }
      if (limitChanged) this.rulesChanged(change, collectionId, 'limit');
      this.note(change, 'updated', collectionId, `Modified collection ${collectionId} "${changes.name ?? existing.name}" (${Object.keys(changes).join(', ')}).`);
      return this.get(collectionId);
    });
  }

  /**
   * Deletes the collection and its own subcollections, all the way down; a collection linked
   * under one of them stays where it belongs and only loses that link. A collection others are
   * limited to is refused until their limit changes.
   */
  /**
   * The members rules would give now, as the New Collection wizard and the Query Rule dialog
   * show them: evaluated in SQL like a membership update (docs/collections.md), narrowed by the
   * limiting collection's current members, but nothing is stored and only `limit` are read.
   */
  preview(input: { readonly rules: readonly CollectionRuleInput[]; readonly limitToCollectionId?: string; readonly limit: number }): CollectionPreviewDto {
    const { collections } = this.deps;
    if (input.limitToCollectionId !== undefined) this.require(input.limitToCollectionId, 'limitToCollectionId');
    const direct = input.rules.flatMap((rule) => (rule.kind === 'direct' ? [rule.resourceId] : []));
    const sources = [collections.listedResourcesSource(direct)];
    input.rules.forEach((rule, index) => {
      if (rule.kind === 'query') sources.push(compileCollectionQuery(rule.query, `rules.${index}.query`).source);
    });
    return collections.previewMembership(sources, input.limitToCollectionId ?? null, input.limit);
  }

  delete(collectionId: string, deleteAdvertisements = false): CollectionDeletedDto {
    return this.deps.work.run((change) => {
      const { collections } = this.deps;
      const existing = this.require(collectionId);
      if (existing.builtInType !== null) throw new CourierError('CONFLICT', `${existing.name} (${collectionId}) is a built-in collection and cannot be deleted.`, 'collectionId');
      const doomed = collections.ownSubtree(collectionId);
      const doomedSet = new Set(doomed);
      const limited = collections.limitedTo(doomed).filter((c) => !doomedSet.has(c.collectionId));
      if (limited.length > 0) {
        const list = limited.map((c) => `${c.collectionId} "${c.name}" is limited to ${c.limitTo}`).join('; ');
        throw new CourierError('CONFLICT', `Collection ${collectionId} cannot be deleted while other collections are limited to it or its subcollections: ${list}. Change their limit first.`, 'collectionId');
      }
      const targeted = doomed.flatMap((id) => this.deps.advertisements.advertisementsOf({ collectionId: id }));
      if (targeted.length > 0 && !deleteAdvertisements) {
        const list = targeted.map((a) => `${a.advertisementId} (${a.name}) targets ${a.collectionId}`).join('; ');
        throw new CourierError(
          'CONFLICT',
          `Collection ${collectionId} cannot be deleted while advertisements target it or its subcollections: ${list}. ` +
            'Delete those advertisements first (courier advertisement delete ID), or delete them with it: deleteAdvertisements: true (courier collection delete ID --with-advertisements).',
          'deleteAdvertisements',
        );
      }
      // Each goes through the advertisements' own removal, with its .OFN wake-up, in this transaction.
      const deletedAdvertisements = doomed
        .flatMap((id) => this.deps.advertisements.removeWithin(change, { collectionId: id }, `with collection ${id}`))
        .map((a) => ({ advertisementId: a.advertisementId, name: a.name, collectionId: a.collectionId }));
      const names = collections.names(doomed);
      const unlinked: CollectionDeletedDto['unlinked'][number][] = [];
      for (const id of doomed) {
        for (const link of collections.linksOf(id)) {
          if (link.kind === 'link' && link.parentId === id && !doomedSet.has(link.childId)) {
            unlinked.push({ parentCollectionId: id, collectionId: link.childId, name: collections.get(link.childId)?.name ?? '' });
          }
        }
      }
      collections.clearLimits(doomed);
      for (const id of doomed) {
        collections.delete(id);
        noteCollectionMembership(change, id, 'deleted');
        change.emit('collections:changed', { change: 'deleted', collectionId: id });
      }
      for (const link of unlinked) change.emit('collections:changed', { change: 'updated', collectionId: link.collectionId });
      const deleted = doomed.map((id) => ({ collectionId: id, name: names.get(id) ?? '' })).reverse();
      change.log(
        'smsprov.log',
        'SMS_PROVIDER',
        `Deleted collection ${collectionId} "${existing.name}"${deleted.length > 1 ? ` and its subcollections ${deleted.slice(1).map((d) => d.collectionId).join(', ')}` : ''}${unlinked.length > 0 ? `; unlinked ${unlinked.map((u) => u.collectionId).join(', ')}` : ''}${deletedAdvertisements.length > 0 ? `; deleted advertisements ${deletedAdvertisements.map((a) => a.advertisementId).join(', ')}` : ''}.`,
      );
      return { deleted, unlinked, deletedAdvertisements };
    });
  }

  /** "Update Collection Membership": the limiting collections first, then it, then (if asked) everything below it. */
  updateMembership(collectionId: string, includeSubcollections: boolean): MembershipUpdateDto[] {
    return this.deps.work.run((change) => {
      this.require(collectionId);
      const done = new Set<string>();
      const targets = [collectionId, ...(includeSubcollections ? this.deps.collections.descendants(collectionId) : [])];
      return targets.flatMap((id) => this.deps.membership.evaluateWithLimits(change, id, done));
    });
  }

  addRule(collectionId: string, rule: CollectionRuleInput): CollectionDto {
    return this.deps.work.run((change) => {
      this.requireChangeableRules(collectionId);
      const added = this.insertRule(collectionId, rule, 'rule');
      this.rulesChanged(change, collectionId, 'rules');
      this.note(change, 'updated', collectionId, `Added the ${added.kind} rule "${added.ruleName}" to collection ${collectionId}.`);
      return this.get(collectionId);
    });
  }

  removeRule(collectionId: string, which: { ruleName?: string; resourceId?: number }): CollectionDto {
    return this.deps.work.run((change) => {
      this.requireChangeableRules(collectionId);
      const rules = this.deps.collections.rules(collectionId);
      const rule =
        which.resourceId !== undefined
          ? rules.find((r) => r.kind === 'direct' && r.resourceId === which.resourceId)
          : rules.find((r) => r.ruleName.toLowerCase() === (which.ruleName ?? '').toLowerCase());
      if (!rule) {
        const what = which.resourceId !== undefined ? `a direct rule for resource ${which.resourceId}` : `a rule named ${which.ruleName ?? ''}`;
        throw new CourierError('NOT_FOUND', `Collection ${collectionId} has no ${what}.`, which.resourceId !== undefined ? 'resourceId' : 'ruleName');
      }
      this.deps.collections.deleteRule(collectionId, rule.ruleName);
      this.rulesChanged(change, collectionId, 'rules');
      this.note(change, 'updated', collectionId, `Removed the ${rule.kind} rule "${rule.ruleName}" from collection ${collectionId}.`);
      return this.get(collectionId);
    });
  }

  require(collectionId: string, field = 'collectionId'): CollectionRecord {
    const record = this.deps.collections.get(collectionId);
    if (!record) throw collectionNotFound(collectionId, field);
    return record;
  }

  private requireChangeableRules(collectionId: string): CollectionRecord {
    const record = this.require(collectionId);
    if (record.builtInType !== null) {
      throw new CourierError('CONFLICT', `${record.name} (${collectionId}) is a built-in collection: its members are every resource of its type, and its rules cannot change.`, 'collectionId');
    }
    return record;
  }

  private checkNameFree(name: string, exceptId: string | null): void {
    const other = this.deps.collections.idByName(name);
    if (other !== null && other !== exceptId) throw new CourierError('CONFLICT', `There already is a collection named ${name} (${other}).`, 'name');
  }

  /** A collection cannot be limited to itself, or to one limited (at any depth) to it. */
  private checkLimit(collectionId: string, limitTo: string): void {
    this.require(limitTo, 'limitToCollectionId');
    if (limitTo === collectionId || this.deps.collections.limitChain(limitTo).includes(collectionId)) {
      throw new CourierError('CONFLICT', `Collection ${collectionId} cannot be limited to ${limitTo}: ${limitTo} is limited to ${collectionId}, so neither could be evaluated.`, 'limitToCollectionId');
    }
  }

  /** The links under other parents become exactly `parents`; a link that would make a cycle is refused. */
  private relink(collectionId: string, parents: readonly string[]): void {
    const { collections } = this.deps;
    const links = collections.linksOf(collectionId).filter((link) => link.childId === collectionId);
    const owner = links.find((link) => link.kind === 'sub')?.parentId ?? null;
    const wanted = new Set(parents);
    for (const link of links) if (link.kind === 'link' && !wanted.has(link.parentId)) collections.removeLink(link.parentId, collectionId);
    const below = new Set(collections.descendants(collectionId));
    for (const parentId of wanted) {
      if (links.some((link) => link.parentId === parentId)) continue;
      this.require(parentId, 'linkedUnder');
      if (parentId === owner) continue;
      if (parentId === collectionId || below.has(parentId)) {
        throw new CourierError('CONFLICT', `Collection ${collectionId} cannot be linked under ${parentId}: ${parentId} is ${parentId === collectionId ? 'the collection itself' : 'below it in the tree'}, which would make a cycle.`, 'linkedUnder');
      }
      collections.addLink({ parentId, childId: collectionId, kind: 'link' });
    }
  }

  private insertRule(collectionId: string, rule: CollectionRuleInput, field: string): CollectionRuleDto {
    const { collections, resources } = this.deps;
    let stored: CollectionRuleDto;
    if (rule.kind === 'direct') {
      const resource = resources.get(rule.resourceId);
      if (!resource) throw new CourierError('NOT_FOUND', `There is no resource ${rule.resourceId} at this site; see courier resource list.`, `${field}.resourceId`);
      if (collections.hasDirectRule(collectionId, rule.resourceId)) {
        throw new CourierError('CONFLICT', `Collection ${collectionId} already has a direct rule for ${resource.name} (${rule.resourceId}).`, `${field}.resourceId`);
      }
      stored = { kind: 'direct', ruleName: resource.name, resourceId: rule.resourceId };
    } else {
      stored = { kind: 'query', ruleName: rule.name, resourceClass: queryRuleClass(rule.query, `${field}.query`), query: rule.query };
    }
    const clash = collections.ruleNamed(collectionId, stored.ruleName);
    if (clash) throw new CourierError('CONFLICT', `Collection ${collectionId} already has a rule named ${clash.ruleName}.`, rule.kind === 'direct' ? `${field}.resourceId` : `${field}.name`);
    collections.insertRule(collectionId, stored);
    return stored;
  }

  /** Rules or the limit changed: stamp it, re-evaluate it, wake Offer Manager. */
  private rulesChanged(change: ChangeSet, collectionId: string, what: string): void {
    this.deps.collections.touchRules(collectionId, this.deps.now().toISOString());
    noteCollectionMembership(change, collectionId, what);
    this.deps.membership.evaluate(change, collectionId);
  }

  private toDto(record: CollectionRecord): CollectionDto {
    const { collections } = this.deps;
    const links = collections.linksOf(record.collectionId);
    const below = links.filter((link) => link.parentId === record.collectionId);
    const names = collections.names(below.map((link) => link.childId));
    const evaluatedAt = record.membersEvaluatedAt;
    return {
      collectionId: record.collectionId,
      name: record.name,
      comment: record.comment,
      builtIn: record.builtInType !== null,
      builtInType: record.builtInType,
      limitToCollectionId: record.limitTo,
      parentCollectionId: links.find((link) => link.childId === record.collectionId && link.kind === 'sub')?.parentId ?? null,
      linkedUnder: links.filter((link) => link.childId === record.collectionId && link.kind === 'link').map((link) => link.parentId),
      subcollections: below.map((link) => ({ collectionId: link.childId, name: names.get(link.childId) ?? '', linked: link.kind === 'link' })),
      rules: collections.rules(record.collectionId),
      membershipSchedule: record.membershipSchedule,
      maintenanceWindows: collections.maintenanceWindows(record.collectionId),
      memberCount: record.memberCount,
      lastMembershipUpdate: evaluatedAt,
      membershipPending: evaluatedAt === null || record.rulesChangedAt > evaluatedAt,
      nextMembershipUpdate: this.deps.membership.nextScheduledUpdate(record),
      createdAt: record.createdAt,
      lastModified: record.lastModified,
    };
  }

  private note(change: ChangeSet, kind: 'created' | 'updated', collectionId: string, log: string): void {
    change.emit('collections:changed', { change: kind, collectionId });
    change.log('smsprov.log', 'SMS_PROVIDER', log);
  }
}
