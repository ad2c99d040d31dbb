import { CourierError, type MaterializedPolicyDto, type PolicyAdvertisementDto, type PolicyDto, type PolicyReasonDto, type PolicyRuleDto } from '../../api';
import type { AdvertisementRepository } from '../../db/repositories/advertisement-repository';
import type { CollectionRepository } from '../../db/repositories/collection-repository';
import type { OfferRepository } from '../../db/repositories/offer-repository';
import type { PackageRepository } from '../../db/repositories/package-repository';
import type { PolicyRepository, ResourceName } from '../../db/repositories/policy-repository';
import { toAdvertisementDto } from '../advertisements/advertisement-settings';
import { compileCollectionQuery } from '../collections/query-rules';

export interface PolicyServiceDeps {
  readonly policy: PolicyRepository;
  readonly collections: CollectionRepository;
  readonly advertisements: AdvertisementRepository;
  readonly offers: OfferRepository;
  readonly packages: PackageRepository;
}

/**
 * "What would this resource receive, and why" (docs/advertisements.md#what-a-resource-receives).
 * Membership is stored without provenance, so the rule is found at query time: the direct rule
 * naming the resource, else the first query rule that selects it now, else the last update.
 */
export class PolicyService {
  constructor(private readonly deps: PolicyServiceDeps) {}

  show(resource: string | number): PolicyDto {
    const found = this.resolve(resource);
    const byAdvertisement = new Map<string, PolicyReasonDto[]>();
    const rules = new Map<string, PolicyRuleDto>();
    const reaches = this.deps.policy.reach(found.resourceId);
    const names = this.deps.collections.names([...new Set(reaches.flatMap((r) => r.path))]);
    const nameOf = (id: string) => names.get(id) ?? id;
    for (const reach of reaches) {
      let rule = rules.get(reach.memberCollectionId);
      if (!rule) {
        rule = this.ruleFor(reach.memberCollectionId, found.resourceId);
        rules.set(reach.memberCollectionId, rule);
      }
      const reasons = byAdvertisement.get(reach.advertisementId) ?? [];
      reasons.push({
        collectionId: reach.memberCollectionId,
        collectionName: nameOf(reach.memberCollectionId),
        path: reach.path.map((collectionId) => ({ collectionId, name: nameOf(collectionId) })),
        rule,
      });
      byAdvertisement.set(reach.advertisementId, reasons);
    }
    const advertisements: PolicyAdvertisementDto[] = [];
    for (const [advertisementId, reasons] of byAdvertisement) {
      const record = this.deps.advertisements.get(advertisementId);
      if (record) advertisements.push({ advertisement: toAdvertisementDto(record), reasons });
    }
    return { resourceId: found.resourceId, resourceName: found.name, resourceType: found.resourceType, advertisements, materialized: this.materialized(found, advertisements) };
  }

  /**
   * The stored policy beside what the collections say now: an advertisement deferred for its
   * package is rightly missing; one of a package without source files needs no DP.
   */
  private materialized(found: ResourceName, advertisements: readonly PolicyAdvertisementDto[]): MaterializedPolicyDto {
    const { offers, packages } = this.deps;
    const stored = offers.offeredTo(found.resourceId).map((o) => o.advertisementId);
    const ready = (packageId: string) => packages.get(packageId)?.containsSourceFiles === false || offers.versionOnDp(packageId) !== null;
    const expected = advertisements.filter((a) => ready(a.advertisement.packageId)).map((a) => a.advertisement.advertisementId);
    return {
      policyVersion: offers.resourceVersion(found.resourceId),
      sitePolicyVersion: offers.policyVersion(),
      kind: found.resourceType === 'system' ? 'machine' : 'user',
      advertisementIds: stored,
      agrees: stored.length === expected.length && stored.every((id, i) => id === expected[i]),
    };
  }

  private resolve(resource: string | number): ResourceName {
    const text = String(resource).trim();
    if (typeof resource === 'number' || /^\d+$/.test(text)) {
      const byId = this.deps.policy.resource(Number(text));
      if (byId) return byId;
      if (typeof resource === 'number') throw new CourierError('NOT_FOUND', `There is no resource ${text} at this site; see courier resource list.`, 'resource');
    }
    const named = this.deps.policy.resourcesNamed(text);
    if (named.length === 1 && named[0]) return named[0];
    if (named.length === 0) {
      const what = /^\d+$/.test(text) ? `with the ID or name ${text}` : `named ${text}`;
      throw new CourierError('NOT_FOUND', `There is no resource ${what} at this site; see courier resource list.`, 'resource');
    }
    const which = named.map((r) => `${r.resourceId} ${r.resourceType}`).join(', ');
    throw new CourierError('CONFLICT', `${named.length} resources are named ${text} (${which}); give the resource ID.`, 'resource');
  }

  private ruleFor(collectionId: string, resourceId: number): PolicyRuleDto {
    const record = this.deps.collections.get(collectionId);
    if (record?.builtInType != null) return { kind: 'builtIn', ruleName: record.name, description: record.name };
    const direct = this.deps.policy.directRuleName(collectionId, resourceId);
    if (direct !== null) return { kind: 'direct', ruleName: direct, description: `direct rule ${direct}` };
    for (const rule of this.deps.collections.rules(collectionId)) {
      if (rule.kind !== 'query') continue;
      // A stored rule compiled when it was saved; one that no longer compiles just says nothing here.
      const source = compiledOrNull(rule.query);
      if (source && this.deps.policy.selects(source, resourceId)) return { kind: 'query', ruleName: rule.ruleName, description: `query rule ${rule.ruleName}` };
    }
    const asOf = record?.membersEvaluatedAt ?? 'never';
    return { kind: 'membership', ruleName: null, description: `membership (as of ${asOf})` };
  }
}

function compiledOrNull(query: string) {
  try {
    return compileCollectionQuery(query, 'rule.query').source;
  } catch {
    return null;
  }
}
