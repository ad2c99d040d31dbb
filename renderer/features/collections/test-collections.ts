import type { CollectionDto, CollectionMemberDto } from '../../../core/api';

const stamp = '2026-12-01T20:00:00.000Z';

/** A complete CollectionDto for renderer tests: a top-level collection with no rules unless told. */
export function testCollection(collectionId: string, name: string, extra: Partial<CollectionDto> = {}): CollectionDto {
  return {
    collectionId,
    name,
    comment: '',
    builtIn: false,
    builtInType: null,
    limitToCollectionId: null,
    parentCollectionId: null,
    linkedUnder: [],
    subcollections: [],
    rules: [],
    membershipSchedule: null,
    maintenanceWindows: [],
    memberCount: 0,
    lastMembershipUpdate: stamp,
    membershipPending: false,
    nextMembershipUpdate: null,
    createdAt: stamp,
    lastModified: stamp,
    ...extra,
  };
}

export const allSystems = testCollection('SMS00001', 'All Systems', { builtIn: true, builtInType: 'system' });
export const allUsers = testCollection('SMS00002', 'All Users', { builtIn: true, builtInType: 'user' });
export const allUserGroups = testCollection('SMS00003', 'All User Groups', { builtIn: true, builtInType: 'userGroup' });

export function testMember(resourceId: number, name: string, extra: Partial<CollectionMemberDto> = {}): CollectionMemberDto {
  return { resourceId, name, resourceType: 'system', domain: 'CONTOSO', smsUniqueIdentifier: null, client: true, ...extra };
}
