import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startComponentRunner, type ComponentRunner } from '../../core';
import { createDistributionManager, distributionManagerName } from '../../core/components/distmgr';
import { createOfferManager, offerFilesFolder, offerManagerName, regenerateSitePolicy } from '../../core/components/offermgr';
import { openDatabase } from '../../core/db/connection';

/** Distribution Manager and Offer Manager on the site, in the test's thread (real components, real site). */
export function startInlineOfferSite(dataDir: string, components: readonly ('distmgr' | 'offermgr')[] = ['distmgr', 'offermgr']): ComponentRunner {
  return startComponentRunner({
    dataDir,
    components: components.map((c) => ({ name: c === 'distmgr' ? distributionManagerName : offerManagerName, thread: 'inline' as const })),
    factories: { [distributionManagerName]: () => createDistributionManager(), [offerManagerName]: () => createOfferManager() },
    leaseMs: 2_000,
  });
}

/** Everything Offer Manager materialized, with versions apart: they depend on history, the rest must not. */
export interface OfferSnapshot {
  readonly offers: readonly { advertisementId: string; state: string; bodyHash: string; resourceCount: number; collectionId: string; packageId: string }[];
  /** `<AdvertisementID> <ResourceID> <via CollectionID>`, sorted. */
  readonly targets: readonly string[];
  readonly reached: readonly string[];
  /** Offerinf.box, every file but temporaries, by name. */
  readonly files: Readonly<Record<string, string>>;
}

export function readVersions(dataDir: string): Record<number, number> {
  const db = openDatabase(join(dataDir, 'courier.db'));
  try {
    const rows = db.prepare('SELECT resource_id AS id, version FROM resource_policy ORDER BY resource_id').all() as { id: number; version: number }[];
    return Object.fromEntries(rows.map((row) => [row.id, row.version]));
  } finally {
    db.close();
  }
}

export function snapshotOffers(dataDir: string): OfferSnapshot {
  const db = openDatabase(join(dataDir, 'courier.db'));
  try {
    const offers = db
      .prepare('SELECT advertisement_id AS advertisementId, state, body_hash AS bodyHash, resource_count AS resourceCount, collection_id AS collectionId, package_id AS packageId FROM offers ORDER BY advertisement_id')
      .all() as OfferSnapshot['offers'];
    // What each resource is offered, as policyFor answers it: from its memberships.
    const targets = (
      db
        .prepare(
          `SELECT oc.advertisement_id, m.resource_id, substr(MIN((m.collection_id <> o.collection_id) || m.collection_id), 2)
           FROM offers o JOIN offer_collections oc ON oc.advertisement_id = o.advertisement_id JOIN collection_members m ON m.collection_id = oc.collection_id
           WHERE o.state = 'offered' GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .raw()
        .all() as unknown[][]
    ).map((row) => row.join(' '));
    const reached = (db.prepare('SELECT advertisement_id, collection_id FROM offer_collections ORDER BY 1, 2').raw().all() as unknown[][]).map((row) => row.join(' '));
    const folder = join(dataDir, 'SMS', 'Inboxes', offerFilesFolder);
    const names = existsSync(folder) ? readdirSync(folder).filter((name) => !name.startsWith('.')).sort() : [];
    const files = Object.fromEntries(names.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
    return { offers, targets, reached, files };
  } finally {
    db.close();
  }
}

/**
 * The same site computed from nothing: its database copied, Offer Manager's tables emptied, its
 * files gone, and the whole regenerated once.
 */
export async function fromScratch(dataDir: string, scratchDir: string): Promise<OfferSnapshot> {
  mkdirSync(scratchDir, { recursive: true });
  const source = openDatabase(join(dataDir, 'courier.db'));
  try {
    source.prepare('VACUUM INTO ?').run(join(scratchDir, 'courier.db'));
  } finally {
    source.close();
  }
  const copy = openDatabase(join(scratchDir, 'courier.db'));
  try {
    copy.exec('DELETE FROM offer_member_changes; DELETE FROM offer_collections; DELETE FROM offers; DELETE FROM resource_policy; UPDATE policy_counter SET version = 0;');
  } finally {
    copy.close();
  }
  await regenerateSitePolicy(scratchDir);
  return snapshotOffers(scratchDir);
}

/** Until Offer Manager (and Distribution Manager) have no wake-up left, waiting or in hand. */
export async function untilIdle(dataDir: string, inboxes: readonly string[] = ['Offermgr.box', 'Distmgr.box'], timeout = 30_000): Promise<void> {
  const db = openDatabase(join(dataDir, 'courier.db'));
  try {
    const count = db.prepare(`SELECT count(*) FROM outbox WHERE inbox IN (${inboxes.map(() => '?').join(', ')})`).pluck();
    await expect.poll(() => count.get(...inboxes), { timeout, interval: 50 }).toBe(0);
  } finally {
    db.close();
  }
}

/** The status messages a component reported with that ID and advertisement. */
export function statusCount(dataDir: string, messageId: number, advertisementId: string): number {
  const db = openDatabase(join(dataDir, 'courier.db'));
  try {
    return db
      .prepare(
        `SELECT count(*) FROM status_messages m JOIN status_message_attributes x ON x.record_id = m.record_id
         WHERE m.component = 'SMS_OFFER_MANAGER' AND m.message_id = ? AND x.attribute_id = 401 AND x.attribute_value = ?`,
      )
      .pluck()
      .get(messageId, advertisementId) as number;
  } finally {
    db.close();
  }
}
