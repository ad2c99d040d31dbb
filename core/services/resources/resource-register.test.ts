import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CollectionRepository } from '../../db/repositories/collection-repository';
import { ResourceRepository } from '../../db/repositories/resource-repository';
import { openSite, type OpenSite } from '../../site/open-site';
import { createSiteLog } from '../../site/site-log';
import { openSitePlumbing } from '../../site/site-plumbing';
import { CollectionMembership } from '../collections/collection-membership';
import { MembershipRepository } from '../../db/repositories/membership-repository';
import { queryRuleResourceIds } from '../collections/query-rules';
import { ResourceService } from './resource-service';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';

// What a management point will call when a client registers: the service itself, wired as the core wires it.
let data: TempDir;
let site: OpenSite;
let service: ResourceService;

beforeEach(() => {
  data = makeTempDir('courier-register-');
  const now = () => new Date();
  site = openSite(join(data.path, 'site'), now);
  const log = createSiteLog(site.root, now);
  const { work } = openSitePlumbing({ db: site.db, root: site.root, log, logAs: { file: 'smsprov.log', component: 'SMS_PROVIDER' }, now, request: () => undefined });
  const collections = new CollectionRepository(site.db);
  const membership = new CollectionMembership({ collections, memberships: new MembershipRepository(site.db), now, evaluateQueryRule: queryRuleResourceIds });
  service = new ResourceService({ resources: new ResourceRepository(site.db), collections, membership, work, now, fileAccess: () => { throw new Error('no files here'); } });
});
afterEach(() => {
  site.db.close();
  data.remove();
});

const guid = 'GUID:0000000A-1111-2222-3333-444455556666';

describe('ResourceService.register', () => {
  it('creates a client the first time, then updates it by SMS unique identifier (even renamed) or by name, keeping what it did not say', () => {
    const first = service.register({ resourceType: 'system', name: 'PC0001', smsUniqueIdentifier: guid, ipAddresses: ['10.1.2.3'], client: true });
    expect(first).toMatchObject({ created: true, resource: { resourceId: 16777217, ipAddresses: ['10.1.2.3'] } });
    const renamed = service.register({ resourceType: 'system', name: 'PC0001-NEW', smsUniqueIdentifier: guid.toLowerCase(), clientVersion: '4.00.6487.2000' });
    expect(renamed).toMatchObject({ created: false, resource: { resourceId: 16777217, name: 'PC0001-NEW', ipAddresses: ['10.1.2.3'], client: true, clientVersion: '4.00.6487.2000' } });
    const byName = service.register({ resourceType: 'system', name: 'pc0001-new', ipAddresses: [] });
    expect(byName).toMatchObject({ created: false, resource: { resourceId: 16777217, ipAddresses: [] } });

    // A new client joins All Systems at once, and Offer Manager is told.
    const members = site.db.prepare("SELECT resource_id FROM collection_members WHERE collection_id = 'SMS00001'").pluck().all();
    expect(members).toEqual([16777217]);
    expect(site.db.prepare("SELECT inbox || '/' || file_name FROM outbox").pluck().all()).toContain('Offermgr.box/SMS00001.CMN');
  });

  it('refuses a registration whose identifier and name are two different resources, and writes nothing', () => {
    service.register({ resourceType: 'system', name: 'PC0001', smsUniqueIdentifier: guid });
    service.register({ resourceType: 'system', name: 'PC0002' });
    expect(() => service.register({ resourceType: 'system', name: 'PC0002', smsUniqueIdentifier: guid })).toThrow(/resource 16777217's, but the name PC0002 is resource 16777218's/);
    expect(service.get(16777218).smsUniqueIdentifier).toBeNull();
  });
});
