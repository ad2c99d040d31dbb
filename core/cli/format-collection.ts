import type { CollectionDeletedDto, CollectionDto, CollectionMemberDto, CollectionPreviewDto, MembershipUpdateDto } from '../api';
import { textFields, textTable } from './text-table';

export function formatCollectionList(collections: readonly CollectionDto[]): string {
  return textTable(
    ['Collection ID', 'Name', 'Members', 'Limited to', 'Parent', 'Last membership update'],
    collections.map((c) => [
      c.collectionId,
      c.name,
      String(c.memberCount),
      c.limitToCollectionId ?? '',
      c.parentCollectionId ?? '',
      `${c.lastMembershipUpdate ?? 'never'}${c.membershipPending ? ' (rules changed since)' : ''}`,
    ]),
  );
}

export function formatCollection(c: CollectionDto): string {
  const fields = textFields([
    ['Collection ID', c.collectionId],
    ['Name', c.name],
    ['Comment', c.comment],
    ['Built in', c.builtInType === null ? 'no' : `yes: every ${c.builtInType} resource`],
    ['Limited to', c.limitToCollectionId ?? ''],
    ['Parent', c.parentCollectionId ?? ''],
    ['Linked under', c.linkedUnder.join(', ')],
    ['Subcollections', c.subcollections.map((s) => `${s.collectionId} ${s.name}${s.linked ? ' (linked)' : ''}`).join(', ')],
    ['Membership schedule', c.membershipSchedule ?? 'none'],
    ['Members', String(c.memberCount)],
    ['Last membership update', `${c.lastMembershipUpdate ?? 'never'}${c.membershipPending ? ' (rules changed since)' : ''}`],
    ['Next membership update', c.nextMembershipUpdate ?? (c.membershipSchedule === null ? 'not scheduled' : 'none')],
  ]);
  const rules =
    c.rules.length === 0
      ? 'Rules: none'
      : `Rules:\n${textTable(
          ['Kind', 'Name', 'Resource / query'],
          c.rules.map((r) => (r.kind === 'direct' ? ['direct', r.ruleName, String(r.resourceId)] : ['query', r.ruleName, r.query.replace(/\s+/g, ' ')])),
        )}`;
  const windows =
    c.maintenanceWindows.length === 0
      ? 'Maintenance windows: none'
      : `Maintenance windows:\n${textTable(
          ['Name', 'Schedule', 'Minutes', 'Enabled'],
          c.maintenanceWindows.map((w) => [w.name, w.schedule, String(w.durationMinutes), w.enabled ? 'yes' : 'no']),
        )}`;
  return `${fields}\n\n${rules}\n\n${windows}`;
}

export function formatMembers(collectionId: string, members: readonly CollectionMemberDto[]): string {
  if (members.length === 0) return `Collection ${collectionId} has no members (as of its last membership update).`;
  return textTable(
    ['Resource ID', 'Type', 'Name', 'Domain'],
    members.map((m) => [String(m.resourceId), m.resourceType, m.name, m.domain ?? '']),
  );
}

export function formatPreview(preview: CollectionPreviewDto): string {
  if (preview.memberCount === 0) return 'The rules give no members now.';
  const shown = preview.members.length < preview.memberCount ? ` (the first ${preview.members.length} listed)` : '';
  const rows = preview.members.map((m) => [String(m.resourceId), m.resourceType, m.name, m.domain ?? '']);
  return `${preview.memberCount} member${preview.memberCount === 1 ? '' : 's'} now${shown}.\n\n${textTable(['Resource ID', 'Type', 'Name', 'Domain'], rows)}`;
}

export function formatMembershipUpdates(updates: readonly MembershipUpdateDto[]): string {
  return updates.map((u) => `Updated ${u.collectionId} (${u.name}): ${u.memberCount} members, ${u.added} added, ${u.removed} removed.`).join('\n');
}

export function formatCollectionDeleted(deleted: CollectionDeletedDto): string {
  const lines = deleted.deleted.map((d) => `Deleted collection ${d.collectionId} (${d.name}).`);
  for (const u of deleted.unlinked) lines.push(`Unlinked ${u.collectionId} (${u.name}) from ${u.parentCollectionId}; it stays where it belongs.`);
  for (const a of deleted.deletedAdvertisements) lines.push(`Deleted advertisement ${a.advertisementId} (${a.name}), which targeted ${a.collectionId}.`);
  return lines.join('\n');
}
