// The site `npm run bench:offers` measures, made reusable for the benches of the phases that
// follow membership (Offer Manager's policy): systems, users, user groups, collections of every
// kind and advertisements. Resources, collections and advertisements are written through the
// core/db repositories in one transaction, because their services evaluate or check each change
// as it is made (a collection created through collections:create is evaluated at once, 2,000
// times over 140,000 resources), which is what the bench measures afterwards, not how it seeds.
// Packages and programs go through the services. No membership is evaluated here: the first
// phase of the bench evaluates every collection from scratch.
import { join } from 'node:path';
import type { Core } from '../../core';
import { createCore } from '../../core/core';
import { AdvertisementRepository } from '../../core/db/repositories/advertisement-repository';
import { CollectionRepository } from '../../core/db/repositories/collection-repository';
import { ResourceRepository, type ResourceWrite } from '../../core/db/repositories/resource-repository';
import { SiteRepository } from '../../core/db/repositories/site-repository';
import { formatObjectId } from '../../core/domain/object-ids';
import { openSite } from '../../core/site/open-site';
import { value } from '../helpers/api-result';

export interface OffersSiteSize {
  readonly systems: number;
  readonly users: number;
  readonly userGroups: number;
  readonly collections: number;
  readonly advertisements: number;
  readonly packages: number;
}

export const defaultOffersSiteSize: OffersSiteSize = { systems: 100_000, users: 20_000, userGroups: 1_000, collections: 2_000, advertisements: 5_000, packages: 100 };

/** What seedOffersSite made, for the phases to aim at. */
export interface OffersSite {
  readonly dataDir: string;
  readonly size: OffersSiteSize;
  readonly firstSystemId: number;
  /** Collections by kind, in ID order. */
  readonly queryCollections: readonly string[];
  readonly directCollections: readonly string[];
  readonly limitedCollections: readonly string[];
  readonly subcollections: readonly string[];
  /** A query collection selecting `SystemOUName = <ou>`, for the "a property change makes it match" phase. */
  readonly ouCollection: { readonly collectionId: string; readonly ou: string };
}

const subnetOf = (i: number): string => {
  const s = Math.floor(i / 100);
  return `10.${(s >> 8) & 255}.${s & 255}.0`;
};
const siteOuOf = (i: number) => `CONTOSO.COM/SITE${i % 200}`;
const deptOuOf = (i: number) => `CONTOSO.COM/SITE${i % 200}/DEPT${i % 7}`;
const groupName = (k: number) => `CONTOSO\\Group${k}`;

function system(i: number): ResourceWrite {
  return {
    resourceType: 'system',
    name: `PC${String(i).padStart(6, '0')}`,
    smsUniqueIdentifier: `GUID:${i.toString(16).toUpperCase().padStart(8, '0')}-1111-2222-3333-444455556666`,
    domain: 'CONTOSO',
    accountName: null,
    fullName: null,
    operatingSystem: i % 3 === 0 ? 'Microsoft Windows NT Workstation 5.1' : 'Microsoft Windows NT Workstation 6.1',
    platform: i % 2 === 0 ? 'x64' : 'I386',
    ipAddresses: [subnetOf(i).replace(/0$/, String((i % 100) + 1))],
    ipSubnets: [subnetOf(i)],
    adSiteName: `Site${i % 20}`,
    systemOuNames: [siteOuOf(i), deptOuOf(i)],
    lastLogonUserName: `user${i % 20_000}`,
    client: i % 10 !== 0,
    clientVersion: '4.00.6487.2000',
    assignedSites: ['A01'],
    userGroups: [],
    userOuNames: [],
  };
}

function user(j: number, groups: number): ResourceWrite {
  const name = `CONTOSO\\user${j}`;
  return {
    ...blankOf('user', name),
    domain: 'CONTOSO',
    accountName: `user${j}`,
    fullName: `User ${j}`,
    userGroups: [groupName(j % groups), groupName((j * 7 + 3) % groups), 'CONTOSO\\Domain Users'],
    userOuNames: [`CONTOSO.COM/USERS/SITE${j % 200}`],
  };
}

function blankOf(resourceType: ResourceWrite['resourceType'], name: string): ResourceWrite {
  return {
    resourceType, name, smsUniqueIdentifier: null, domain: null, accountName: null, fullName: null, operatingSystem: null, platform: null, ipAddresses: [], ipSubnets: [],
    adSiteName: null, systemOuNames: [], lastLogonUserName: null, client: null, clientVersion: null, assignedSites: [], userGroups: [], userOuNames: [],
  };
}

/** The query of the query collection number `k` (every other collection), of five kinds and a few LIKE scans. */
function queryOf(k: number, size: OffersSiteSize): { query: string; ou?: string } {
  if (k % 50 === 7) return { query: `select * from SMS_R_System where Name like "PC0${k % 10}%"` };
  switch (k % 5) {
    case 0:
      return { query: `select * from SMS_R_System where SystemOUName = "${siteOuOf(k)}"`, ou: siteOuOf(k) };
    case 1: {
      const subnets = [0, 1, 2, 3, 4].map((n) => `"${subnetOf(((k * 5 + n) * 100) % size.systems)}"`);
      return { query: `select SMS_R_SYSTEM.ResourceID, SMS_R_SYSTEM.Name from SMS_R_System where SMS_R_System.IPSubnets in (${subnets.join(', ')})` };
    }
    case 2:
      return { query: `select * from SMS_R_User where UserGroupName = "${groupName(k % size.userGroups).replace('\\', '\\\\')}"` };
    case 3:
      return { query: `select * from SMS_R_System where SystemOUName = "${deptOuOf(k)}" and OperatingSystemNameandVersion like "%Workstation 6.1%"` };
    default:
      return { query: `select * from SMS_R_System where Client = 1 and SystemOUName = "${siteOuOf(k + 1)}" and Platform = "x64"` };
  }
}

/**
 * Seeds a new site in `dataDir`: `size.systems` systems (two OUs, a subnet, an AD site each),
 * users in three groups each, user groups, collections (half with a query rule, half with 20
 * direct rules; one in ten limited to an earlier query collection, one in ten to All Systems or
 * All Users, some of those limited again; one in three a subcollection of the one before; a few
 * linked under the first), and advertisements of one program each, spread over the collections.
 */
export async function seedOffersSite(dataDir: string, size: OffersSiteSize = defaultOffersSiteSize, now: () => Date = () => new Date()): Promise<OffersSite> {
  const stamp = now().toISOString();
  const core: Core = createCore({ dataDir, now });
  const packageIds: string[] = [];
  try {
    for (let p = 0; p < size.packages; p++) {
      const created = value(await core.client['packages:create']({ name: `Application ${p}` }));
      value(await core.client['programs:create']({ packageId: created.packageId, program: { name: 'Install', commandLine: 'setup.exe /q' } }));
      packageIds.push(created.packageId);
    }
  } finally {
    core.close();
  }

  const site = openSite(dataDir, now);
  const resources = new ResourceRepository(site.db);
  const collections = new CollectionRepository(site.db);
  const ids = new SiteRepository(site.db);
  const advertisements = new AdvertisementRepository(site.db);
  const queryCollections: string[] = [];
  const directCollections: string[] = [];
  const limitedCollections: string[] = [];
  const subcollections: string[] = [];
  let ouCollection: OffersSite['ouCollection'] | null = null;
  let firstSystemId = 0;
  try {
    site.db.transaction(() => {
      for (let i = 0; i < size.systems; i++) {
        const id = resources.insert(system(i), stamp);
        if (i === 0) firstSystemId = id;
      }
      for (let j = 0; j < size.users; j++) resources.insert(user(j, size.userGroups), stamp);
      for (let k = 0; k < size.userGroups; k++) resources.insert({ ...blankOf('userGroup', groupName(k)), domain: 'CONTOSO', accountName: `Group${k}` }, stamp);
      resources.insert({ ...blankOf('userGroup', 'CONTOSO\\Domain Users'), domain: 'CONTOSO', accountName: 'Domain Users' }, stamp);

      const made: string[] = [];
      for (let c = 0; c < size.collections; c++) {
        const collectionId = formatObjectId(site.record.siteCode, ids.takeNextId('collection'));
        const isQuery = c % 2 === 0;
        const q = isQuery ? queryOf(c / 2, size) : null;
        const forUsers = q?.query.includes('SMS_R_User') ?? c % 6 === 5;
        // One in ten limited to an earlier collection (that one maybe limited itself), one in ten to a built-in.
        let limitTo: string | null = null;
        if (c % 10 === 3 && c >= 3) limitTo = made[c - 3]!;
        else if (c % 10 === 7) limitTo = forUsers ? 'SMS00002' : 'SMS00001';
        else if (c % 50 === 9 && c >= 6) limitTo = made[c - 6]!;
        collections.insert({
          collectionId,
          name: `Collection ${c}`,
          comment: '',
          limitTo,
          membershipSchedule: null,
          rulesChangedAt: stamp,
          createdAt: stamp,
          lastModified: stamp,
        });
        if (q) {
          collections.insertRule(collectionId, { kind: 'query', ruleName: 'Query 1', resourceClass: forUsers ? 'SMS_R_User' : 'SMS_R_System', query: q.query });
          queryCollections.push(collectionId);
          if (q.ou && !ouCollection && limitTo === null) ouCollection = { collectionId, ou: q.ou };
        } else {
          for (let r = 0; r < 20; r++) {
            const resourceId = forUsers ? firstSystemId + size.systems + ((c * 31 + r * 997) % size.users) : firstSystemId + ((c * 131 + r * 4999) % size.systems);
            collections.insertRule(collectionId, { kind: 'direct', ruleName: `${forUsers ? 'user' : 'PC'}${resourceId}`, resourceId });
          }
          directCollections.push(collectionId);
        }
        if (limitTo !== null) limitedCollections.push(collectionId);
        if (c % 3 === 1) {
          collections.addLink({ parentId: made[c - 1]!, childId: collectionId, kind: 'sub' });
          subcollections.push(collectionId);
        } else if (c % 20 === 5) {
          collections.addLink({ parentId: made[0]!, childId: collectionId, kind: 'link' });
        }
        made.push(collectionId);
      }

      const targets = [...made, 'SMS00001', 'SMS00002', 'SMS00003'];
      for (let a = 0; a < size.advertisements; a++) {
        advertisements.insert({
          advertisementId: formatObjectId(site.record.siteCode, ids.takeNextId('advertisement')),
          name: `Advertisement ${a}`,
          comment: '',
          packageId: packageIds[a % packageIds.length]!,
          programName: 'Install',
          collectionId: targets[(a * 7) % targets.length]!,
          includeSubcollections: true,
          sourceSite: site.record.siteCode,
          presentTime: '00012CC0001A2000',
          expirationTime: null,
          advertFlags: 0x20,
          remoteClientFlags: 0x2008,
          timeFlags: 0x2000,
          priority: 2,
          assignedSchedule: a % 4 === 0 ? '00012CC0001A2000' : '',
          mandatoryCountdownMinutes: 0,
          createdAt: stamp,
          lastModified: stamp,
        });
      }
    })();
  } finally {
    site.db.close();
  }
  if (!ouCollection) throw new Error('seedOffersSite made no query collection on an OU.');
  return { dataDir, size, firstSystemId, queryCollections, directCollections, limitedCollections, subcollections, ouCollection };
}

/** A data folder inside a temporary one, as the benches name it. */
export const offersSiteDir = (temp: string): string => join(temp, 'site');
