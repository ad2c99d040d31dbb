import type { CollectionMemberDto, ResourceType } from '../../../core/api';

/** The suite's names of the resource types, as the members list shows them. */
export const resourceTypeLabels: Readonly<Record<ResourceType, string>> = {
  system: 'System',
  user: 'User',
  userGroup: 'User Group',
};

export function clientLabel(client: CollectionMemberDto['client']): string {
  return client === null ? '' : client ? 'Yes' : 'No';
}

/** "1 member", "1,204 members". */
export function memberCountText(count: number): string {
  return count === 1 ? '1 member' : `${count.toLocaleString()} members`;
}
