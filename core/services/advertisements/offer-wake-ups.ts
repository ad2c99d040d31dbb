import type { ChangeSet } from '../../site/unit-of-work';

/**
 * Wakes Offer Manager for each advertisement whose policy body a change alters (its program, its
 * package, the Advertised Programs Client Agent), in the change's unit of work: the `.OFN` is
 * committed with the change, so Offer Manager re-offers it at once instead of at its next
 * reconcile pass (docs/offer-manager.md#what-wakes-it).
 */
export function wakeOfferManagerFor(change: ChangeSet, advertisementIds: Iterable<string>, why: string): void {
  for (const id of advertisementIds) change.wake('Offermgr.box', `${id}.OFN`, `${why} ${id}\r\n`);
}
