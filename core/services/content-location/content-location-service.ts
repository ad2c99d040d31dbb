import { CourierError, parseBoundary, type ContentLocateInput, type ContentLocationDto, type SiteBoundaryChanges, type SiteBoundaryDto } from '../../api';
import type { AdvertisementRepository } from '../../db/repositories/advertisement-repository';
import type { ContentServiceRepository } from '../../db/repositories/content-service-repository';
import type { PackageRepository } from '../../db/repositories/package-repository';
import type { PolicyRepository } from '../../db/repositories/policy-repository';
import type { ResourceRepository } from '../../db/repositories/resource-repository';
import type { SiteBoundaryRepository } from '../../db/repositories/site-boundary-repository';
import type { UnitOfWork } from '../../site/unit-of-work';
import { toAdvertisementDto } from '../advertisements/advertisement-settings';
import { contentBaseUrl } from './content-url';
import { locateContent } from './locate-content';
import { addSiteBoundary, boundaryRange } from './site-boundaries';

export interface ContentLocationDeps {
  readonly boundaries: SiteBoundaryRepository;
  readonly contentService: ContentServiceRepository;
  readonly policy: Pick<PolicyRepository, 'resource' | 'resourcesNamed'>;
  readonly resources: Pick<ResourceRepository, 'get'>;
  readonly advertisements: Pick<AdvertisementRepository, 'get'>;
  readonly packages: Pick<PackageRepository, 'get'>;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

const provider = ['smsprov.log', 'SMS_PROVIDER'] as const;

/** Site Settings › Boundaries, and content location as the management point answers it for a client. */
export class ContentLocationService {
  constructor(private readonly deps: ContentLocationDeps) {}

  list(): SiteBoundaryDto[] {
    return this.deps.boundaries.list();
  }

  create(input: { kind: SiteBoundaryDto['kind']; value: string; description: string; connection: SiteBoundaryDto['connection'] }): SiteBoundaryDto {
    return this.deps.work.run((change) => {
      this.refuseDuplicate(input.kind, input.value, null);
      const created = addSiteBoundary(this.deps.boundaries, input, this.deps.now());
      change.log(...provider, `Created site boundary ${created.id} ${created.kind} ${created.value} (${created.connection}).`);
      return created;
    });
  }

  update(id: number, changes: SiteBoundaryChanges): SiteBoundaryDto {
    return this.deps.work.run((change) => {
      const before = this.get(id);
      const kind = changes.kind ?? before.kind;
      let value = before.value;
      if (changes.value !== undefined) {
        const parsed = parseBoundary(kind, changes.value);
        if (!parsed.ok) throw new CourierError('VALIDATION_FAILED', parsed.problem, 'value');
        value = parsed.value;
      }
      this.refuseDuplicate(kind, value, id);
      const after: SiteBoundaryDto = { id, kind, value, description: changes.description ?? before.description, connection: changes.connection ?? before.connection };
      const range = boundaryRange(kind, value);
      this.deps.boundaries.update(id, { ...after, ipLow: range?.low ?? null, ipHigh: range?.high ?? null });
      change.log(...provider, `Modified site boundary ${id}: ${after.kind} ${after.value} (${after.connection}).`);
      return after;
    });
  }

  delete(id: number): SiteBoundaryDto[] {
    return this.deps.work.run((change) => {
      const before = this.get(id);
      this.deps.boundaries.remove(id);
      change.log(...provider, `Deleted site boundary ${id} ${before.kind} ${before.value}.`);
      return this.deps.boundaries.list();
    });
  }

  locate(request: ContentLocateInput): ContentLocationDto {
    const found = this.resolveClient(request.client);
    const resource = this.deps.resources.get(found.resourceId);
    if (!resource) throw new CourierError('NOT_FOUND', `There is no resource ${found.resourceId} at this site.`, 'client');
    const pkg = this.deps.packages.get(request.packageId);
    if (!pkg) throw new CourierError('NOT_FOUND', `There is no package ${request.packageId} at this site; see courier package list.`, 'packageId');
    let options: ContentLocationDto['options'] = { fastNetwork: 'download', slowNetwork: 'doNotRun', allowFallback: false };
    if (request.advertisementId !== undefined) {
      const record = this.deps.advertisements.get(request.advertisementId);
      if (!record) throw new CourierError('NOT_FOUND', `There is no advertisement ${request.advertisementId} at this site; see courier advertisement list.`, 'advertisementId');
      const ad = toAdvertisementDto(record);
      if (ad.packageId !== pkg.packageId) throw new CourierError('VALIDATION_FAILED', `Advertisement ${ad.advertisementId} offers a program of package ${ad.packageId}, not of ${pkg.packageId}.`, 'advertisementId');
      options = { fastNetwork: ad.options.fastNetwork, slowNetwork: ad.options.slowNetwork, allowFallback: ad.options.allowFallbackToUnprotectedDps };
    }
    // Only IPv4 addresses can fall in a boundary; a client's IPv6 addresses are kept out of the match.
    const addresses = resource.ipAddresses.filter((address) => /^\d+\.\d+\.\d+\.\d+$/.test(address));
    const adSite = resource.adSiteName ?? null;
    const sourceVersion = request.sourceVersion ?? pkg.sourceVersion;
    const located = locateContent(
      this.deps.boundaries,
      { addresses, adSite, packageId: pkg.packageId, sourceVersion, fastNetwork: options.fastNetwork, slowNetwork: options.slowNetwork, allowFallback: options.allowFallback },
      contentBaseUrl(this.deps.contentService.settings(), this.deps.contentService.listening()),
    );
    return {
      client: { resourceId: resource.resourceId, name: resource.name, ipAddresses: resource.ipAddresses, adSite },
      packageId: pkg.packageId,
      sourceVersion,
      advertisementId: request.advertisementId ?? null,
      options,
      ...located,
    };
  }

  private get(id: number): SiteBoundaryDto {
    const found = this.deps.boundaries.get(id);
    if (!found) throw new CourierError('NOT_FOUND', `There is no site boundary ${id}; see courier boundary list.`, 'id');
    return found;
  }

  private refuseDuplicate(kind: SiteBoundaryDto['kind'], value: string, except: number | null): void {
    const parsed = parseBoundary(kind, value);
    const normal = (parsed.ok ? parsed.value : value).toLowerCase();
    const twin = this.deps.boundaries.list().find((b) => b.id !== except && b.kind === kind && b.value.toLowerCase() === normal);
    if (twin) throw new CourierError('CONFLICT', `The site already has the boundary ${twin.value} (ID ${twin.id}).`, 'value');
  }

  private resolveClient(client: string | number): { resourceId: number } {
    const text = String(client).trim();
    if (typeof client === 'number' || /^\d+$/.test(text)) {
      const byId = this.deps.policy.resource(Number(text));
      if (byId) return byId;
      if (typeof client === 'number') throw new CourierError('NOT_FOUND', `There is no resource ${text} at this site; see courier resource list.`, 'client');
    }
    const named = this.deps.policy.resourcesNamed(text);
    if (named.length === 1 && named[0]) return named[0];
    if (named.length === 0) throw new CourierError('NOT_FOUND', `There is no resource named ${text} at this site; see courier resource list.`, 'client');
    throw new CourierError('CONFLICT', `${named.length} resources are named ${text} (${named.map((r) => `${r.resourceId} ${r.resourceType}`).join(', ')}); give the resource ID.`, 'client');
  }
}
